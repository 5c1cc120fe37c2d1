// The frame every page shares: GOV.UK service navigation, the same links for everyone of a
// kind, and sign out. Pages call renderLayout() and then fill <main>.
import { initAll } from '/govuk/govuk-frontend.min.js';
import { api } from './api.js';
import { h, replaceChildren } from './dom.js';

document.body.classList.add('govuk-frontend-supported');

function navigationFor(caller) {
  if (!caller) return [];
  if (caller.roles && caller.roles.includes('ADMINISTRATOR')) {
    // Administrators set the council up; they have no conferences and see no case detail.
    return [{ href: '/admin', text: 'Administration' }, { href: '/admin/agencies', text: 'Agencies' },
      { href: '/admin/advocacy-organisations', text: "Advocates' organisations" }, { href: '/families', text: 'Families' }];
  }
  const links = [{ href: '/conferences', text: 'My conferences' }];
  if (caller.kind === 'STAFF') links.push({ href: '/families', text: 'Families' });
  // An advocate has no family of their own on the record: the families they support are their way in.
  if (caller.kind === 'ADVOCATE') links.push({ href: '/families', text: 'Families you support' });
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
            h('a', { href: homeOf(caller), class: 'govuk-service-navigation__link app-service-name' }, 'Roundtable')),
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

/** Where "home" is for this person: the administration pages, their conferences, or signing in. */
function homeOf(caller) {
  if (!caller) return '/';
  return caller.roles && caller.roles.includes('ADMINISTRATOR') ? '/admin' : '/conferences';
}

const ERROR_TITLES = { 404: 'Page not found', 403: 'You cannot see this page' };

/**
 * Shows a failure that is not about a form field, inside the usual header (with the person's
 * own navigation when they are signed in) and with a way on: the page still works, the person
 * is told what to do.
 */
export async function showPageError(error) {
  let caller = null;
  try {
    caller = await api.get('/auth/me');
  } catch (e) {
    // Signed out, or the server cannot be reached: the header without navigation.
  }
  const title = ERROR_TITLES[error.status] || 'Sorry, there is a problem';
  renderLayout({ title, caller });
  const main = document.getElementById('main-content');
  replaceChildren(main,
    h('h1', { class: 'govuk-heading-l', id: 'error-title' }, title),
    h('p', { class: 'govuk-body' }, error.message),
    error.status === 403 ? h('p', { class: 'govuk-body' }, 'If you think you should be able to see it, ask the chair or your administrator.') : null,
    h('p', { class: 'govuk-body' }, h('a', { class: 'govuk-link', href: homeOf(caller), id: 'way-on' },
      caller ? (homeOf(caller) === '/admin' ? 'Go to administration' : 'Go to my conferences') : 'Go to the sign-in page')));
}
