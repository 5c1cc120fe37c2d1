// Links between the pages of a family's own record, at the top of each.
import { h } from '../dom.js';
import { t } from '../i18n.js';

// Staff, the family, and the advocate (who supports the family but is not it) each read their own words.
const PREFIX = { STAFF: 'staff.recordNav.', ADVOCATE: 'recordNav.advocate.' };
export function recordNav(familyId, caller, here) {
  const words = (name) => t((PREFIX[caller.kind] || 'recordNav.') + name);
  const links = [
    [`/families/${familyId}`, words('family')],
    [`/families/${familyId}/details`, words('details')],
    [`/families/${familyId}/sharing`, words('sharing')],
    [`/families/${familyId}/contact-map`, words('contactMap')],
  ];
  if (caller.kind !== 'STAFF') links.push([`/families/${familyId}/access-log`, words('accessLog')]);
  return h('nav', { class: 'app-record-nav', 'aria-label': t('recordNav.label') },
    h('ul', { class: 'govuk-list app-inline-list' }, links.map(([href, text]) => h('li', {},
      href === here ? h('strong', { 'aria-current': 'page' }, text) : h('a', { class: 'govuk-link', href }, text)))));
}

export function problemBox(error) {
  return h('div', { class: 'govuk-error-summary', tabindex: '-1', role: 'alert' },
    h('h2', { class: 'govuk-error-summary__title' }, t('form.problem')),
    h('div', { class: 'govuk-error-summary__body' }, h('p', { class: 'govuk-body' }, error.message)));
}
