// The families a worker's agency works with, or an advocate supports (in Welsh for an advocate who reads it).
import { api, requireCaller } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { errorsFrom, showErrors } from '../forms.js';
import { t } from '../i18n.js';
import { renderLayout } from '../layout.js';

function heading(caller) {
  if (caller.kind === 'ADVOCATE') return t('nav.familiesYouSupport');
  return caller.kind === 'STAFF' && !caller.roles.includes('ADMINISTRATOR') ? t('staff.families.yourAgency') : t('families.title');
}

export async function render(main) {
  const caller = await requireCaller();
  renderLayout({ title: t('families.title'), caller });
  const page = await api.get('/families?size=100');
  const form = h('form', { novalidate: true, id: 'new-family-form' },
    h('div', { class: 'govuk-form-group' },
      h('label', { class: 'govuk-label', for: 'family-name' }, t('staff.families.name')),
      h('input', { class: 'govuk-input govuk-!-width-one-half', id: 'family-name', name: 'name', type: 'text' })),
    h('div', { class: 'govuk-form-group' },
      h('label', { class: 'govuk-label', for: 'family-reference' }, t('staff.families.reference')),
      h('input', { class: 'govuk-input govuk-input--width-10', id: 'family-reference', name: 'reference', type: 'text' })),
    h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary', 'data-module': 'govuk-button' }, t('staff.families.open')));
  replaceChildren(main,
    h('div', { id: 'error-summary' }),
    h('h1', { class: 'govuk-heading-l' }, heading(caller)),
    page.items.length === 0
      ? h('p', { class: 'govuk-body', id: 'no-families' }, t('families.none'),
        // A newcomer administrator comes here first, from an empty list: say where families come from.
        caller.roles.includes('ADMINISTRATOR') ? ` ${t('staff.families.whereFamiliesComeFrom')}` : '')
      : h('ul', { class: 'govuk-list govuk-list--spaced', id: 'family-list' }, page.items.map((f) => h('li', {},
        h('a', { class: 'govuk-link govuk-!-font-weight-bold', href: `/families/${f.id}` }, f.name),
        f.reference ? h('span', { class: 'app-muted' }, ` (${f.reference})`) : null))),
    // Staff open cases; an administrator or an advocate cannot, so they are not offered the form.
    caller.kind !== 'STAFF' || caller.roles.includes('ADMINISTRATOR') ? null : h('details', { class: 'govuk-details' },
      h('summary', { class: 'govuk-details__summary' }, h('span', { class: 'govuk-details__summary-text' }, t('staff.families.openNew'))),
      h('div', { class: 'govuk-details__text' }, form)));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const created = await api.post('/families', { name: form.name.value, reference: form.reference.value });
      window.location.assign(`/families/${created.id}`);
    } catch (error) {
      showErrors(form, errorsFrom(error), { name: 'family-name', reference: 'family-reference', body: 'family-name' });
    }
  });
}
