// The frame every page shares: GOV.UK service navigation, the same links for everyone of a
// kind, and sign out. Pages call renderLayout() and then fill <main>.
import { initAll } from '/govuk/govuk-frontend.min.js';
import { api } from './api.js';
import { h, replaceChildren } from './dom.js';
import { adopt, chosenLanguage, onlyInEnglish, rememberChoice, t, tIn } from './i18n.js';

document.body.classList.add('govuk-frontend-supported');

function navigationFor(caller) {
  if (!caller) return [];
  if (caller.roles && caller.roles.includes('ADMINISTRATOR')) {
    // Administrators set the council up; they have no conferences and see no case detail.
    return [{ href: '/admin', text: t('staff.nav.administration') }, { href: '/admin/agencies', text: t('staff.nav.agencies') },
      { href: '/admin/advocacy-organisations', text: t('staff.nav.organisations') }, { href: '/families', text: t('staff.nav.families') }];
  }
  const links = [{ href: '/conferences', text: caller.kind === 'STAFF' ? t('staff.nav.conferences') : t('nav.meetings') }];
  if (caller.kind === 'STAFF') links.push({ href: '/families', text: t('staff.nav.families') });
  // An advocate has no family of their own on the record: the families they support are their way in.
  if (caller.kind === 'ADVOCATE') links.push({ href: '/families', text: t('nav.familiesYouSupport') });
  if (caller.roles && caller.roles.includes('CHAIR')) links.push({ href: '/dashboard', text: t('staff.nav.followUp') });
  if (caller.kind !== 'STAFF' && caller.familyId) links.push({ href: `/families/${caller.familyId}`, text: t('nav.myFamily') });
  return links;
}

/**
 * The language switch (the GOV.UK language toggle): the other language, named in itself. Staff
 * pages are in English, so staff have none. The page reloads in the new language, unless it
 * redraws its own words (inPlace(lang), the live room); a choice the server refused is shown by
 * failed(error) there, or else as the page's error.
 */
export function languageSwitch(caller, { inPlace = null, failed = showPageError } = {}) {
  if (caller && caller.kind === 'STAFF') return null;
  const other = chosenLanguage() === 'cy' ? 'en' : 'cy';
  const url = new URL(window.location.href);
  url.searchParams.set('lang', other);
  return h('div', { class: 'app-language' },
    h('a', {
      class: 'govuk-link govuk-link--no-visited-state', id: 'language-switch', href: url.pathname + url.search, hreflang: other, lang: other,
      onclick: async (event) => {
        event.preventDefault();
        if (caller) {
          // Signed in: the choice is the person's, kept on the server for every device and email.
          try {
            await api.put('/auth/me/language', { language: other });
          } catch (error) {
            await failed(error);
            return;
          }
        }
        rememberChoice(other, Boolean(caller));
        if (inPlace) await inPlace(other);
        else window.location.assign(url.pathname + url.search);
      },
    }, tIn(other, 'language.name')));
}

/** The shell's own words (skip link, footer), in the page's language. */
function translateShell() {
  const set = (selector, key) => {
    const el = document.querySelector(selector);
    if (el) el.textContent = t(key);
  };
  set('.govuk-skip-link', 'layout.skip');
  set('#footer-help', 'footer.help');
  set('#footer-accessibility', 'footer.accessibility');
  set('#footer-privacy', 'footer.privacy');
  set('#footer-cookies', 'footer.cookies');
  set('#app-footer h2', 'footer.heading');
  set('.govuk-footer__meta-custom', 'footer.tagline');
}

/**
 * languageSwitch: false leaves the switch out (the live room, whose meeting bar must stay within
 * a few tab stops of the top: the room draws the switch at its end, with languageSwitch()).
 */
export function renderLayout({ title, caller, languageSwitch: withSwitch = true }) {
  document.title = `${title} – Roundtable`;
  const header = document.getElementById('app-header');
  const here = window.location.pathname;
  const items = navigationFor(caller).map((link) => h('li', {
    class: `govuk-service-navigation__item${here === link.href ? ' govuk-service-navigation__item--active' : ''}`,
  }, h('a', { class: 'govuk-service-navigation__link', href: link.href }, link.text)));
  if (caller) {
    items.push(h('li', { class: 'govuk-service-navigation__item' },
      h('a', { class: 'govuk-service-navigation__link', href: '#', id: 'sign-out', onclick: signOut }, t('nav.signOut'))));
  }
  replaceChildren(header,
    h('section', { class: 'govuk-service-navigation', 'aria-label': t('layout.serviceInformation'), 'data-module': 'govuk-service-navigation' },
      h('div', { class: 'govuk-width-container' },
        h('div', { class: 'govuk-service-navigation__container' },
          h('span', { class: 'govuk-service-navigation__service-name' },
            h('a', { href: homeOf(caller), class: 'govuk-service-navigation__link app-service-name' }, 'Roundtable')),
          items.length ? h('nav', { 'aria-label': t('layout.menu'), class: 'govuk-service-navigation__wrapper' },
            h('button', { type: 'button', class: 'govuk-service-navigation__toggle govuk-js-service-navigation-toggle', 'aria-controls': 'navigation', hidden: true }, t('layout.menu')),
            h('ul', { class: 'govuk-service-navigation__list', id: 'navigation' }, items)) : null,
          withSwitch ? languageSwitch(caller) : null))),
    onlyInEnglish() ? h('div', { class: 'govuk-width-container' },
      h('p', { class: 'govuk-body-s govuk-!-margin-top-2', lang: 'cy', id: 'only-in-english' }, tIn('cy', 'layout.onlyInEnglish'))) : null,
    caller ? h('div', { class: 'govuk-width-container' },
      h('p', { class: 'govuk-body-s app-muted', id: 'signed-in-as' }, caller.agencyName
        ? t('staff.layout.signedInAsAt', { name: caller.name, agency: caller.agencyName }) : t('layout.signedInAs', { name: caller.name }),
      // newcomer: a lost phone or a shared computer: every session of this person ends from here.
      // Not in the live room, whose meeting bar must stay within a few tab stops of the top.
      withSwitch ? ['. ', h('a', { class: 'govuk-link', href: '/sign-out-everywhere', id: 'sign-out-everywhere-link' }, t('layout.signOutEverywhere'))] : null)) : null);
  translateShell();
  initAll();
}

async function signOut(event) {
  event.preventDefault();
  try {
    await api.post('/auth/sign-out');
  } finally {
    // The server also sends Clear-Site-Data; this covers browsers that ignore it.
    forgetStoredEdits();
    // Signing out clears the site's storage: a Welsh reader's next page is still in Welsh.
    window.location.assign(chosenLanguage() === 'en' ? '/?signedOut=1' : `/?signedOut=1&lang=${chosenLanguage()}`);
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

/**
 * Shows a failure that is not about a form field, inside the usual header (with the person's
 * own navigation when they are signed in) and with a way on: the page still works, the person
 * is told what to do.
 */
export async function showPageError(error) {
  let caller = null;
  try {
    caller = await api.get('/auth/me');
    adopt(caller);
  } catch (e) {
    // Signed out, or the server cannot be reached: the header without navigation.
  }
  const title = { 404: t('error.notFound'), 403: t('error.forbidden') }[error.status] || t('error.problem');
  renderLayout({ title, caller });
  const main = document.getElementById('main-content');
  replaceChildren(main,
    h('h1', { class: 'govuk-heading-l', id: 'error-title' }, title),
    h('p', { class: 'govuk-body' }, error.message),
    error.status === 403 ? h('p', { class: 'govuk-body' }, t('error.askChair')) : null,
    h('p', { class: 'govuk-body' }, h('a', { class: 'govuk-link', href: homeOf(caller), id: 'way-on' },
      caller ? (homeOf(caller) === '/admin' ? t('staff.error.toAdministration')
        : t(caller.kind === 'STAFF' ? 'staff.error.toConferences' : 'error.toConferences')) : t('error.toSignIn'))));
}
