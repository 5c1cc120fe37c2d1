// One agency: how to reach it, and its staff (with their roles and whether they can sign in).
import { api } from '../../api.js';
import { h } from '../../dom.js';
import { backLink, summaryRow, takeFlash } from '../../fields.js';
import { adminPage, kindName, table } from './kit.js';

function rolesText(roles) {
  return roles.length === 0 ? 'Staff' : roles.map((r) => (r === 'CHAIR' ? 'Chair' : 'Administrator')).join(', ');
}

export async function render(main, { id }) {
  await adminPage(main, 'Agency');
  const [agency, staff] = await Promise.all([api.get(`/agencies/${id}`), api.get(`/agencies/${id}/staff?size=100`)]);
  document.title = `${agency.name} – Roundtable`;
  const change = (what) => ({ href: `/admin/agencies/${id}/change`, what });
  main.append(backLink('/admin/agencies', 'All agencies'), takeFlash() || '',
    h('span', { class: 'govuk-caption-l' }, kindName(agency.kind)),
    h('h1', { class: 'govuk-heading-l' }, agency.name),
    h('dl', { class: 'govuk-summary-list', id: 'agency-summary' },
      summaryRow('Name', agency.name, change('name')),
      summaryRow('Kind', kindName(agency.kind), change('kind')),
      summaryRow('Phone', agency.contactPhone, change('phone number')),
      summaryRow('Email', agency.contactEmail, change('email address'))),
    h('h2', { class: 'govuk-heading-m' }, 'Staff'),
    h('a', { class: 'govuk-button', href: `/admin/agencies/${id}/staff/new`, id: 'add-staff', role: 'button', draggable: 'false' }, 'Add a member of staff'),
    staff.items.length === 0 ? h('p', { class: 'govuk-body', id: 'no-staff' }, 'Nobody from this agency can sign in yet.')
      : table(`Staff of ${agency.name}`, ['Name', 'Email', 'Role', 'Account'], staff.items.map((s) => [
        h('a', { class: 'govuk-link', href: `/admin/staff/${s.id}` }, s.fullName), s.email, rolesText(s.roles),
        h('strong', { class: `govuk-tag ${s.active ? 'govuk-tag--green' : 'govuk-tag--grey'}` }, s.active ? 'Active' : 'Deactivated')]), 'staff-list', { hiddenCaption: true }));
}
