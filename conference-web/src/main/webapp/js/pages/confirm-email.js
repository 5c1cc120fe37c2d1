import { api } from '../api.js';
import { h, param, replaceChildren } from '../dom.js';
import { errorsFrom, showErrors } from '../forms.js';
import { renderLayout } from '../layout.js';

// The link from the "confirm your email address" email. Nothing happens until the person presses
// the button, so a mail scanner that opens links cannot confirm an address for them.
export async function render(main) {
  renderLayout({ title: 'Confirm your email address', caller: null });
  const token = param('token') || '';
  const form = h('form', { novalidate: true, id: 'confirm-form' },
    h('div', { class: 'govuk-form-group' },
      h('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button', id: 'confirm' }, 'Yes, this is my email address')));
  replaceChildren(main,
    h('div', { id: 'error-summary' }),
    h('h1', { class: 'govuk-heading-l' }, 'Confirm your email address'),
    h('p', { class: 'govuk-body' }, 'Someone working with your family gave Roundtable this email address for you. '
      + 'Once you confirm it, you can sign in with it by asking for a code.'),
    h('p', { class: 'govuk-body' }, 'If you do not know why you got the email, close this page. Nobody can sign in with your address unless you confirm it.'),
    form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const confirmed = await api.post('/auth/addresses/confirm', { token });
      replaceChildren(main,
        h('div', { class: 'govuk-panel govuk-panel--confirmation', id: 'confirmed' },
          h('h1', { class: 'govuk-panel__title' }, 'Email address confirmed'),
          h('div', { class: 'govuk-panel__body' }, confirmed.email)),
        h('p', { class: 'govuk-body' }, h('a', { class: 'govuk-link', href: '/code' }, 'Sign in with a code'), '.'));
    } catch (error) {
      showErrors(form, errorsFrom(error), { token: 'confirm', body: 'confirm' });
    }
  });
}
