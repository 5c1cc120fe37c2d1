// The last step of a family member's or advocate's sign-in: type the code from the email.
import { api } from './api.js';
import { h, replaceChildren } from './dom.js';
import { errorsFrom, showErrors } from './forms.js';
import { takeChoiceBeforeSignIn, t } from './i18n.js';
import { safeReturnPath } from './return-address.js';

/** next: where to go once signed in (a path on this site only), else the person's conferences. */
export function renderCodeForm(main, challenge, next) {
  const form = h('form', { novalidate: true, id: 'code-form' },
    h('div', { class: 'govuk-form-group' },
      h('h1', { class: 'govuk-label-wrapper' },
        h('label', { class: 'govuk-label govuk-label--l', for: 'code' }, t('code.checkEmail'))),
      h('div', { class: 'govuk-hint', id: 'code-hint' },
        t('code.sent', { address: challenge.sentTo })),
      h('input', {
        class: 'govuk-input govuk-input--width-5', id: 'code', name: 'code', type: 'text',
        inputmode: 'numeric', autocomplete: 'one-time-code', spellcheck: 'false', 'aria-describedby': 'code-hint',
      })),
    h('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button' }, t('code.signIn')),
    h('p', { class: 'govuk-body' }, t('code.notThere'), ' ',
      h('a', { class: 'govuk-link', href: safeReturnPath(next) ? `/code?next=${encodeURIComponent(next)}` : '/code' }, t('code.askAgain')), t('code.fullStop')));
  replaceChildren(main, h('div', { id: 'error-summary' }), form);
  form.querySelector('#code').focus();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api.post('/auth/codes/verify', { challengeId: challenge.challengeId, code: form.code.value });
      // A language chosen on the pages before signing in becomes the person's own.
      const chosen = takeChoiceBeforeSignIn();
      if (chosen) await api.put('/auth/me/language', { language: chosen });
      window.location.assign(safeReturnPath(next) || '/conferences');
    } catch (error) {
      showErrors(form, errorsFrom(error), { code: 'code', body: 'code', challengeId: 'code' });
    }
  });
}
