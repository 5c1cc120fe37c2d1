// The last step of a family member's or advocate's sign-in: type the code from the email.
import { api } from './api.js';
import { h, replaceChildren } from './dom.js';
import { errorsFrom, showErrors } from './forms.js';
import { safeReturnPath } from './return-address.js';

/** next: where to go once signed in (a path on this site only), else the person's conferences. */
export function renderCodeForm(main, challenge, next) {
  const form = h('form', { novalidate: true, id: 'code-form' },
    h('div', { class: 'govuk-form-group' },
      h('h1', { class: 'govuk-label-wrapper' },
        h('label', { class: 'govuk-label govuk-label--l', for: 'code' }, 'Check your email')),
      h('div', { class: 'govuk-hint', id: 'code-hint' },
        `We have sent a 6-digit code to ${challenge.sentTo}. It works for 10 minutes.`),
      h('input', {
        class: 'govuk-input govuk-input--width-5', id: 'code', name: 'code', type: 'text',
        inputmode: 'numeric', autocomplete: 'one-time-code', spellcheck: 'false', 'aria-describedby': 'code-hint',
      })),
    h('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button' }, 'Sign in'),
    h('p', { class: 'govuk-body' }, 'Not there? Check your junk folder, or ',
      h('a', { class: 'govuk-link', href: safeReturnPath(next) ? `/code?next=${encodeURIComponent(next)}` : '/code' }, 'ask for a new code'), '.'));
  replaceChildren(main, h('div', { id: 'error-summary' }), form);
  form.querySelector('#code').focus();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api.post('/auth/codes/verify', { challengeId: challenge.challengeId, code: form.code.value });
      window.location.assign(safeReturnPath(next) || '/conferences');
    } catch (error) {
      showErrors(form, errorsFrom(error), { code: 'code', body: 'code', challengeId: 'code' });
    }
  });
}
