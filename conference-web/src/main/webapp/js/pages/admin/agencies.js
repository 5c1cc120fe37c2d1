import { api } from '../../api.js';
import { h } from '../../dom.js';
import { takeFlash } from '../../fields.js';
import { adminPage, kindName, table } from './kit.js';

export async function render(main) {
  await adminPage(main, 'Agencies');
  const page = await api.get('/agencies?size=100');
  main.append(takeFlash() || '',
    h('h1', { class: 'govuk-heading-l' }, 'Agencies'),
    h('a', { class: 'govuk-button', href: '/admin/agencies/new', id: 'add-agency', role: 'button', draggable: 'false' }, 'Add an agency'),
    page.items.length === 0
      ? h('p', { class: 'govuk-body', id: 'no-agencies' }, 'There are no agencies yet. Add the first one.')
      : table('Agencies', ['Agency', 'Kind', 'Phone', 'Email'], page.items.map((a) => [
        h('a', { class: 'govuk-link', href: `/admin/agencies/${a.id}` }, a.name), kindName(a.kind),
        a.contactPhone || '', a.contactEmail || '']), 'agency-list'));
}
