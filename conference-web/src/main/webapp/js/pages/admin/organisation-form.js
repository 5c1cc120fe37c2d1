// Adding or changing an advocates' organisation.
import { api } from '../../api.js';
import { h } from '../../dom.js';
import { backLink, setFlash, textField } from '../../fields.js';
import { errorsFrom, showErrors } from '../../forms.js';
import { adminPage } from './kit.js';

export async function render(main, { id }) {
  await adminPage(main, id ? "Change an advocates' organisation" : "Add an advocates' organisation");
  const organisation = id ? await api.get(`/advocacy-organisations/${id}`) : {};
  const form = h('form', { novalidate: true, id: 'organisation-form' },
    textField({ id: 'organisation-name', name: 'name', label: 'Name', value: organisation.name }),
    textField({ id: 'contact-phone', name: 'contactPhone', label: 'Phone number (optional)', type: 'tel', width: 'govuk-input--width-20', value: organisation.contactPhone }),
    textField({ id: 'contact-email', name: 'contactEmail', label: 'Email address (optional)', type: 'email', spellcheck: false, value: organisation.contactEmail }),
    h('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button' }, id ? 'Save changes' : 'Add organisation'));
  main.append(backLink('/admin/advocacy-organisations'), h('div', { id: 'error-summary' }),
    h('h1', { class: 'govuk-heading-l' }, id ? `Change ${organisation.name}` : "Add an advocates' organisation"), form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { name: form.name.value, contactPhone: form.contactPhone.value, contactEmail: form.contactEmail.value };
    try {
      const saved = id ? await api.put(`/advocacy-organisations/${id}`, body) : await api.post('/advocacy-organisations', body);
      setFlash(id ? `${saved.name} has been changed` : `${saved.name} has been added`);
      window.location.assign('/admin/advocacy-organisations');
    } catch (error) {
      showErrors(form, errorsFrom(error), { name: 'organisation-name', contactPhone: 'contact-phone', contactEmail: 'contact-email', body: 'organisation-name' });
    }
  });
}
