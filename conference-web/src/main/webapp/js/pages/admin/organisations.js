import { api } from '../../api.js';
import { h } from '../../dom.js';
import { takeFlash } from '../../fields.js';
import { adminPage, table } from './kit.js';

export async function render(main) {
  await adminPage(main, "Advocates' organisations");
  const organisations = await api.get('/advocacy-organisations');
  main.append(takeFlash() || '',
    h('h1', { class: 'govuk-heading-l' }, "Advocates' organisations"),
    h('p', { class: 'govuk-body' }, 'Independent organisations that advocates come from. Staff choose from this list when they add an advocate.'),
    h('a', { class: 'govuk-button', href: '/admin/advocacy-organisations/new', id: 'add-organisation', role: 'button', draggable: 'false' }, 'Add an organisation'),
    organisations.length === 0 ? h('p', { class: 'govuk-body', id: 'no-organisations' }, 'There are no organisations yet.')
      : table("Advocates' organisations", ['Organisation', 'Phone', 'Email'], organisations.map((o) => [
        h('a', { class: 'govuk-link', href: `/admin/advocacy-organisations/${o.id}` }, o.name), o.contactPhone || '', o.contactEmail || '']),
      'organisation-list'));
}
