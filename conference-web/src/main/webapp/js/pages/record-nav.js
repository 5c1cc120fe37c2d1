// Links between the pages of a family's own record, at the top of each.
import { h } from '../dom.js';

export function recordNav(familyId, caller, here) {
  const links = [
    [`/families/${familyId}`, caller.kind === 'STAFF' ? 'Family' : 'Your family'],
    [`/families/${familyId}/details`, caller.kind === 'STAFF' ? 'Details' : 'Your details'],
    [`/families/${familyId}/sharing`, caller.kind === 'STAFF' ? 'Sharing' : 'Who can see your information'],
    [`/families/${familyId}/contact-map`, caller.kind === 'STAFF' ? 'Contact map' : 'Your contacts with agencies'],
  ];
  if (caller.kind !== 'STAFF') links.push([`/families/${familyId}/access-log`, 'Who looked at your record']);
  return h('nav', { class: 'app-record-nav', 'aria-label': 'The family record' },
    h('ul', { class: 'govuk-list app-inline-list' }, links.map(([href, text]) => h('li', {},
      href === here ? h('strong', { 'aria-current': 'page' }, text) : h('a', { class: 'govuk-link', href }, text)))));
}

export function problemBox(error) {
  return h('div', { class: 'govuk-error-summary', tabindex: '-1', role: 'alert' },
    h('h2', { class: 'govuk-error-summary__title' }, 'There is a problem'),
    h('div', { class: 'govuk-error-summary__body' }, h('p', { class: 'govuk-body' }, error.message)));
}
