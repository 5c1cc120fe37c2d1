// Adding a member of staff by email: they get a link to choose their own password.
import { api } from '../../api.js';
import { h } from '../../dom.js';
import { backLink, checkboxes, checked, setFlash, textField } from '../../fields.js';
import { errorsFrom, showErrors } from '../../forms.js';
import { adminPage, ROLES } from './kit.js';

export async function render(main, { id }) {
  await adminPage(main, 'Add a member of staff');
  const agency = await api.get(`/agencies/${id}`);
  const form = h('form', { novalidate: true, id: 'staff-form' },
    textField({ id: 'full-name', name: 'fullName', label: 'Full name', autocomplete: 'off', spellcheck: false }),
    textField({ id: 'email', name: 'email', label: 'Email address', type: 'email', spellcheck: false,
      hint: 'We email them a link to choose their own password. Their username is the part before the @ (with a number added if someone has it already).' }),
    textField({ id: 'phone', name: 'phone', label: 'Phone number (optional)', type: 'tel', width: 'govuk-input--width-20',
      hint: 'Families they work with see it, so they know whom to call' }),
    checkboxes({ name: 'roles', legend: 'Roles (optional)', hint: 'Leave both unticked for someone who works with families.', options: ROLES }),
    h('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button' }, 'Add and send the email'));
  main.append(backLink(`/admin/agencies/${id}`, agency.name), h('div', { id: 'error-summary' }),
    h('span', { class: 'govuk-caption-l' }, agency.name),
    h('h1', { class: 'govuk-heading-l' }, 'Add a member of staff'), form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const staff = await api.post(`/agencies/${id}/staff`, {
        fullName: form.fullName.value, email: form.email.value, phone: form.phone.value, roles: checked(form, 'roles'),
      });
      setFlash(`${staff.fullName} has been added`, `We have emailed ${staff.email} a link to set a password. Their username is ${staff.username}.`);
      window.location.assign(`/admin/agencies/${id}`);
    } catch (error) {
      showErrors(form, errorsFrom(error), { fullName: 'full-name', email: 'email', phone: 'phone', roles: 'roles', username: 'email', body: 'full-name' });
    }
  });
}
