import { api } from '../api.js';
import { renderCodeForm } from '../codeform.js';
import { h, param, replaceChildren } from '../dom.js';
import { errorsFrom, showErrors } from '../forms.js';
import { chosenBeforeSignIn, t } from '../i18n.js';
import { renderLayout } from '../layout.js';

export async function render(main) {
  renderLayout({ title: t('code.title'), caller: null });
  const form = h('form', { novalidate: true, id: 'email-form' },
    h('div', { class: 'govuk-form-group' },
      h('h1', { class: 'govuk-label-wrapper' },
        h('label', { class: 'govuk-label govuk-label--l', for: 'email' }, t('code.question'))),
      h('div', { class: 'govuk-hint', id: 'email-hint' }, t('code.hint')),
      h('input', { class: 'govuk-input', id: 'email', name: 'email', type: 'email', autocomplete: 'email', spellcheck: 'false', 'aria-describedby': 'email-hint' })),
    h('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button' }, t('code.send')));
  replaceChildren(main, h('div', { id: 'error-summary' }), form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      renderCodeForm(main, await api.post('/auth/codes', { email: form.email.value, language: chosenBeforeSignIn() }), param('next'));
    } catch (error) {
      showErrors(form, errorsFrom(error), { email: 'email', body: 'email' });
    }
  });
}
