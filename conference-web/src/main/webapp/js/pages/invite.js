import { api } from '../api.js';
import { renderCodeForm } from '../codeform.js';
import { h, param, replaceChildren } from '../dom.js';
import { errorsFrom, showErrors } from '../forms.js';
import { renderLayout } from '../layout.js';

// The link from the invitation email. It does nothing until the person presses the button, so
// a mail scanner that opens links cannot use up the single-use invitation.
export async function render(main) {
  renderLayout({ title: 'You are invited', caller: null });
  const token = param('token') || '';
  const form = h('form', { novalidate: true, id: 'invite-form' },
    h('input', { type: 'hidden', name: 'token', value: token, id: 'token' }),
    h('div', { class: 'govuk-form-group' },
      h('button', { type: 'submit', class: 'govuk-button govuk-button--start', 'data-module': 'govuk-button', id: 'send-code' }, 'Email me a sign-in code')));
  replaceChildren(main,
    h('div', { id: 'error-summary' }),
    h('h1', { class: 'govuk-heading-l' }, 'You are invited to a meeting about your family'),
    h('p', { class: 'govuk-body' }, 'People from the services that work with your family will be there. You can join from your phone or computer.'),
    h('p', { class: 'govuk-body' }, 'First, we email you a short code. Then you type it here.'),
    form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      // Once signed in, straight to the meeting this invitation was for.
      const answer = await api.post('/auth/invitations/redeem', { token });
      renderCodeForm(main, answer, answer.next);
    } catch (error) {
      showErrors(form, errorsFrom(error), { token: 'send-code', body: 'send-code' });
    }
  });
}
