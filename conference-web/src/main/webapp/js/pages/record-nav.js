// Links between the pages of a family's own record, at the top of each.
import { h } from '../dom.js';

// Staff, the family, and the advocate (who supports the family but is not it) each read their own words.
const WORDS = {
  STAFF: ['Family', 'Details', 'Sharing', 'Contact map'],
  FAMILY_MEMBER: ['Your family', 'Your details', 'Who can see your information', 'Your contacts with agencies', 'Who looked at your record'],
  ADVOCATE: ['The family', 'Their details', 'Who can see their information', 'Their contacts with agencies', 'Who looked at their record'],
};

export function recordNav(familyId, caller, here) {
  const words = WORDS[caller.kind] || WORDS.FAMILY_MEMBER;
  const links = [
    [`/families/${familyId}`, words[0]],
    [`/families/${familyId}/details`, words[1]],
    [`/families/${familyId}/sharing`, words[2]],
    [`/families/${familyId}/contact-map`, words[3]],
  ];
  if (caller.kind !== 'STAFF') links.push([`/families/${familyId}/access-log`, words[4]]);
  return h('nav', { class: 'app-record-nav', 'aria-label': 'The family record' },
    h('ul', { class: 'govuk-list app-inline-list' }, links.map(([href, text]) => h('li', {},
      href === here ? h('strong', { 'aria-current': 'page' }, text) : h('a', { class: 'govuk-link', href }, text)))));
}

export function problemBox(error) {
  return h('div', { class: 'govuk-error-summary', tabindex: '-1', role: 'alert' },
    h('h2', { class: 'govuk-error-summary__title' }, 'There is a problem'),
    h('div', { class: 'govuk-error-summary__body' }, h('p', { class: 'govuk-body' }, error.message)));
}
