import { api } from '../api.js';
import { h, param, replaceChildren } from '../dom.js';
import { errorsFrom, showErrors } from '../forms.js';
import { renderLayout } from '../layout.js';

// The link from the "someone could not sign in as you" email. The button lifts the pause on the
// username from every computer; nothing happens just by opening the link.
export async function render(main) {
  renderLayout({ title: 'Sign in again', caller: null });
  const token = param('token') || '';
  const form = h('form', { novalidate: true, id: 'unlock-form' },
    h('div', { class: 'govuk-form-group' },
      h('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button', id: 'unlock' }, 'Let me sign in again')));
  replaceChildren(main,
    h('div', { id: 'error-summary' }),
    h('h1', { class: 'govuk-heading-l' }, 'Sign in again'),
    h('p', { class: 'govuk-body' }, 'Several wrong passwords were typed for your username, so signing in was paused from that computer or network.'),
    form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api.post('/auth/unlock', { token });
      window.location.assign('/sign-in');
    } catch (error) {
      showErrors(form, errorsFrom(error), { token: 'unlock', body: 'unlock' });
    }
  });
}
