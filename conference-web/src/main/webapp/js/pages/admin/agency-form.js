// Adding an agency, or changing one: its name, its kind, and the phone and email people use.
import { api } from '../../api.js';
import { h } from '../../dom.js';
import { backLink, radios, setFlash, textField } from '../../fields.js';
import { errorsFrom, showErrors } from '../../forms.js';
import { adminPage, AGENCY_KINDS } from './kit.js';

export async function render(main, { id }) {
  await adminPage(main, id ? 'Change an agency' : 'Add an agency');
  const agency = id ? await api.get(`/agencies/${id}`) : {};
  const form = h('form', { novalidate: true, id: 'agency-form' },
    textField({ id: 'agency-name', name: 'name', label: 'Name', value: agency.name, hint: 'As families and other agencies know it, for example Riverside Children\'s Services' }),
    radios({ name: 'kind', legend: 'What kind of agency is it?', options: AGENCY_KINDS, value: agency.kind, small: true }),
    textField({ id: 'contact-phone', name: 'contactPhone', label: 'Phone number (optional)', type: 'tel', autocomplete: 'off', width: 'govuk-input--width-20', value: agency.contactPhone, hint: 'The number families call when their worker is not there' }),
    textField({ id: 'contact-email', name: 'contactEmail', label: 'Email address (optional)', type: 'email', spellcheck: false, value: agency.contactEmail }),
    h('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button' }, id ? 'Save changes' : 'Add agency'));
  main.append(backLink(id ? `/admin/agencies/${id}` : '/admin/agencies'), h('div', { id: 'error-summary' }),
    h('h1', { class: 'govuk-heading-l' }, id ? `Change ${agency.name}` : 'Add an agency'), form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const kind = form.querySelector('input[name="kind"]:checked');
    const body = { name: form.name.value, kind: kind ? kind.value : null, contactPhone: form.contactPhone.value, contactEmail: form.contactEmail.value };
    try {
      const saved = id ? await api.put(`/agencies/${id}`, body) : await api.post('/agencies', body);
      setFlash(id ? `${saved.name} has been changed` : `${saved.name} has been added`, id ? null : 'Now add the people who work there.');
      window.location.assign(`/admin/agencies/${saved.id}`);
    } catch (error) {
      showErrors(form, errorsFrom(error), { name: 'agency-name', kind: 'kind', contactPhone: 'contact-phone', contactEmail: 'contact-email', body: 'agency-name' });
    }
  });
}
