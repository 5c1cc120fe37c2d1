// Links between the pages of a family's own record, at the top of each.
import { h } from '../dom.js';
import { t } from '../i18n.js';

export function recordNav(familyId, caller, here) {
  const links = [
    [`/families/${familyId}`, caller.kind === 'STAFF' ? t('staff.recordNav.family') : t('recordNav.family')],
    [`/families/${familyId}/details`, caller.kind === 'STAFF' ? t('staff.recordNav.details') : t('recordNav.details')],
    [`/families/${familyId}/sharing`, caller.kind === 'STAFF' ? t('staff.recordNav.sharing') : t('recordNav.sharing')],
    [`/families/${familyId}/contact-map`, caller.kind === 'STAFF' ? t('staff.recordNav.contactMap') : t('recordNav.contactMap')],
  ];
  if (caller.kind !== 'STAFF') links.push([`/families/${familyId}/access-log`, t('recordNav.accessLog')]);
  return h('nav', { class: 'app-record-nav', 'aria-label': t('recordNav.label') },
    h('ul', { class: 'govuk-list app-inline-list' }, links.map(([href, text]) => h('li', {},
      href === here ? h('strong', { 'aria-current': 'page' }, text) : h('a', { class: 'govuk-link', href }, text)))));
}

export function problemBox(error) {
  return h('div', { class: 'govuk-error-summary', tabindex: '-1', role: 'alert' },
    h('h2', { class: 'govuk-error-summary__title' }, t('form.problem')),
    h('div', { class: 'govuk-error-summary__body' }, h('p', { class: 'govuk-body' }, error.message)));
}
