// One member of staff: change their details and roles, deactivate them, or reset their sign-in.
import { api } from '../../api.js';
import { h, replaceChildren } from '../../dom.js';
import { backLink, checkboxes, checked, radios, setFlash, takeFlash, textField } from '../../fields.js';
import { errorsFrom, showErrors } from '../../forms.js';
import { adminPage, ROLES } from './kit.js';

export async function render(main, { id }) {
  await adminPage(main, 'Member of staff');
  const staff = await api.get(`/staff/${id}`);
  document.title = `${staff.fullName} – Roundtable`;
  const form = h('form', { novalidate: true, id: 'staff-form' },
    textField({ id: 'full-name', name: 'fullName', label: 'Full name', value: staff.fullName, spellcheck: false }),
    textField({ id: 'email', name: 'email', label: 'Email address', type: 'email', value: staff.email, spellcheck: false }),
    textField({ id: 'phone', name: 'phone', label: 'Phone number (optional)', type: 'tel', width: 'govuk-input--width-20', value: staff.phone }),
    checkboxes({ name: 'roles', legend: 'Roles', options: ROLES, values: staff.roles }),
    radios({ name: 'active', legend: 'Can they sign in?', value: String(staff.active), options: [
      ['true', 'Yes, the account is active'],
      ['false', 'No, deactivate the account', 'They are signed out everywhere at once. Their records stay.']] }),
    h('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button' }, 'Save changes'));
  const resetErrors = h('div', { id: 'reset-errors' });
  const reset = h('button', { type: 'button', class: 'govuk-button govuk-button--warning', id: 'reset-sign-in', 'data-module': 'govuk-button' }, 'Reset sign-in');
  main.append(backLink(`/admin/agencies/${staff.agencyId}`, staff.agencyName), takeFlash() || '', h('div', { id: 'error-summary' }),
    h('span', { class: 'govuk-caption-l' }, staff.agencyName),
    h('h1', { class: 'govuk-heading-l' }, staff.fullName),
    h('p', { class: 'govuk-body' }, 'Username: ', h('strong', { id: 'username' }, staff.username)),
    form,
    h('h2', { class: 'govuk-heading-m' }, 'Reset sign-in'),
    h('p', { class: 'govuk-body' }, 'For a forgotten password, or if someone else may know it. We email them a link to choose a new one.'),
    h('div', { class: 'govuk-warning-text' },
      h('span', { class: 'govuk-warning-text__icon', 'aria-hidden': 'true' }, '!'),
      h('strong', { class: 'govuk-warning-text__text' }, h('span', { class: 'govuk-visually-hidden' }, 'Warning'),
        'Their password stops working now and they are signed out everywhere.')),
    resetErrors, reset);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const active = form.querySelector('input[name="active"]:checked');
    try {
      const saved = await api.put(`/staff/${id}`, {
        fullName: form.fullName.value, email: form.email.value, phone: form.phone.value,
        roles: checked(form, 'roles'), active: active ? active.value === 'true' : null,
      });
      setFlash(`${saved.fullName}'s details have been saved`, saved.active ? null : 'The account is deactivated.');
      window.location.assign(`/admin/agencies/${saved.agencyId}`);
    } catch (error) {
      showErrors(form, errorsFrom(error), { fullName: 'full-name', email: 'email', phone: 'phone', roles: 'roles', active: 'active', body: 'full-name' });
    }
  });
  reset.addEventListener('click', async () => {
    reset.disabled = true;
    try {
      const saved = await api.post(`/staff/${id}/sign-in-reset`);
      setFlash(`${saved.fullName}'s sign-in has been reset`, `We have emailed ${saved.email} a link to choose a new password.`);
      window.location.reload();
    } catch (error) {
      reset.disabled = false;
      replaceChildren(resetErrors, h('div', { class: 'govuk-error-summary', tabindex: '-1', role: 'alert' },
        h('h2', { class: 'govuk-error-summary__title' }, 'There is a problem'),
        h('div', { class: 'govuk-error-summary__body' }, h('p', { class: 'govuk-body' }, error.message))));
      resetErrors.firstElementChild.focus();
    }
  });
}
