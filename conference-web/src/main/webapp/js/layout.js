// The frame every page shares: GOV.UK service navigation, the same links for everyone of a
// kind, and sign out. Pages call renderLayout() and then fill <main>.
import { initAll } from '/govuk/govuk-frontend.min.js';
import { api } from './api.js';
import { h, replaceChildren } from './dom.js';

document.body.classList.add('govuk-frontend-supported');

function navigationFor(caller) {
  if (!caller) return [];
  const links = [{ href: '/conferences', text: 'My conferences' }];
  if (caller.kind === 'STAFF') links.push({ href: '/families', text: 'Families' });
  if (caller.roles && caller.roles.includes('CHAIR')) links.push({ href: '/dashboard', text: 'Follow-up' });
  if (caller.kind !== 'STAFF' && caller.familyId) links.push({ href: `/families/${caller.familyId}`, text: 'My family' });
  return links;
}

export function renderLayout({ title, caller }) {
  document.title = `${title} – Roundtable`;
  const header = document.getElementById('app-header');
  const here = window.location.pathname;
  const items = navigationFor(caller).map((link) => h('li', {
    class: `govuk-service-navigation__item${here === link.href ? ' govuk-service-navigation__item--active' : ''}`,
  }, h('a', { class: 'govuk-service-navigation__link', href: link.href }, link.text)));
  if (caller) {
    items.push(h('li', { class: 'govuk-service-navigation__item' },
      h('a', { class: 'govuk-service-navigation__link', href: '#', id: 'sign-out', onclick: signOut }, 'Sign out')));
  }
  replaceChildren(header,
    h('section', { class: 'govuk-service-navigation', 'aria-label': 'Service information', 'data-module': 'govuk-service-navigation' },
      h('div', { class: 'govuk-width-container' },
        h('div', { class: 'govuk-service-navigation__container' },
          h('span', { class: 'govuk-service-navigation__service-name' },
            h('a', { href: caller ? '/conferences' : '/', class: 'govuk-service-navigation__link app-service-name' }, 'Roundtable')),
          items.length ? h('nav', { 'aria-label': 'Menu', class: 'govuk-service-navigation__wrapper' },
            h('button', { type: 'button', class: 'govuk-service-navigation__toggle govuk-js-service-navigation-toggle', 'aria-controls': 'navigation', hidden: true }, 'Menu'),
            h('ul', { class: 'govuk-service-navigation__list', id: 'navigation' }, items)) : null))),
    caller ? h('div', { class: 'govuk-width-container' },
      h('p', { class: 'govuk-body-s app-muted', id: 'signed-in-as' }, `Signed in as ${caller.name}${caller.agencyName ? `, ${caller.agencyName}` : ''}`)) : null);
  initAll();
}

async function signOut(event) {
  event.preventDefault();
  try {
    await api.post('/auth/sign-out');
  } finally {
    // The server also sends Clear-Site-Data; this covers browsers that ignore it.
    forgetStoredEdits();
    window.location.assign('/?signedOut=1');
  }
}

/** The live room keeps unconfirmed edits in local storage; the next person at this computer must not find them. */
function forgetStoredEdits() {
  try {
    Object.keys(localStorage).filter((key) => key.startsWith('roundtable.')).forEach((key) => localStorage.removeItem(key));
    sessionStorage.clear();
  } catch (e) {
    // Storage switched off: there is nothing to forget.
  }
}

/** Shows a failure that is not about a form field: the page still works, the person is told what to do. */
export function showPageError(error) {
  const main = document.getElementById('main-content');
  replaceChildren(main,
    h('h1', { class: 'govuk-heading-l' }, error.status === 404 ? 'Page not found' : 'Sorry, there is a problem'),
    h('p', { class: 'govuk-body' }, error.message),
    h('p', { class: 'govuk-body' }, h('a', { class: 'govuk-link', href: '/conferences' }, 'Go to my conferences')));
}
