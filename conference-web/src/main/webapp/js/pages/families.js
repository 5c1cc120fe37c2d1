import { api, requireCaller } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { errorsFrom, showErrors } from '../forms.js';
import { renderLayout } from '../layout.js';

export async function render(main) {
  const caller = await requireCaller();
  renderLayout({ title: 'Families', caller });
  const page = await api.get('/families?size=100');
  const form = h('form', { novalidate: true, id: 'new-family-form' },
    h('div', { class: 'govuk-form-group' },
      h('label', { class: 'govuk-label', for: 'family-name' }, 'Family name'),
      h('input', { class: 'govuk-input govuk-!-width-one-half', id: 'family-name', name: 'name', type: 'text' })),
    h('div', { class: 'govuk-form-group' },
      h('label', { class: 'govuk-label', for: 'family-reference' }, 'Case reference (optional)'),
      h('input', { class: 'govuk-input govuk-input--width-10', id: 'family-reference', name: 'reference', type: 'text' })),
    h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary', 'data-module': 'govuk-button' }, 'Open a case'));
  replaceChildren(main,
    h('div', { id: 'error-summary' }),
    h('h1', { class: 'govuk-heading-l' }, caller.kind === 'STAFF' && !caller.roles.includes('ADMINISTRATOR')
      ? 'Families your agency works with' : caller.kind === 'ADVOCATE' ? 'Families you support' : 'Families'),
    page.items.length === 0
      ? h('p', { class: 'govuk-body', id: 'no-families' }, 'There are no families to show.',
        // A newcomer administrator comes here first, from an empty list: say where families come from.
        caller.roles.includes('ADMINISTRATOR') ? ' A family is added when a worker opens its case. You can then record which agencies work with it.' : '')
      : h('ul', { class: 'govuk-list govuk-list--spaced', id: 'family-list' }, page.items.map((f) => h('li', {},
        h('a', { class: 'govuk-link govuk-!-font-weight-bold', href: `/families/${f.id}` }, f.name),
        f.reference ? h('span', { class: 'app-muted' }, ` (${f.reference})`) : null))),
    // Staff open cases; an administrator or an advocate cannot, so they are not offered the form.
    caller.kind !== 'STAFF' || caller.roles.includes('ADMINISTRATOR') ? null : h('details', { class: 'govuk-details' },
      h('summary', { class: 'govuk-details__summary' }, h('span', { class: 'govuk-details__summary-text' }, 'Open a new case')),
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
