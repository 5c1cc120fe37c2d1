import { api } from '../api.js';
import { h, param, replaceChildren } from '../dom.js';
import { errorsFrom, showErrors } from '../forms.js';
import { t } from '../i18n.js';
import { renderLayout } from '../layout.js';
import { safeReturnPath } from '../return-address.js';

export async function render(main) {
  try {
    await api.get('/auth/me');
    window.location.assign(safeReturnPath(param('next')) || '/conferences');
    return;
  } catch (e) {
    // Not signed in: show the form.
  }
  renderLayout({ title: t('signIn.title'), caller: null });
  const form = h('form', { novalidate: true, id: 'sign-in-form' },
    h('div', { class: 'govuk-form-group' },
      h('label', { class: 'govuk-label', for: 'username' }, t('signIn.username')),
      h('input', { class: 'govuk-input govuk-!-width-one-half', id: 'username', name: 'username', type: 'text', autocomplete: 'username', spellcheck: 'false', value: param('username') || '' })),
    h('div', { class: 'govuk-form-group' },
      h('label', { class: 'govuk-label', for: 'password' }, t('signIn.password')),
      h('input', { class: 'govuk-input govuk-!-width-one-half', id: 'password', name: 'password', type: 'password', autocomplete: 'current-password' })),
    h('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button' }, t('signIn.button')));
  const next = safeReturnPath(param('next'));
  replaceChildren(main,
    param('passwordSet') ? h('div', { class: 'govuk-notification-banner govuk-notification-banner--success', role: 'alert', id: 'password-set' },
      h('div', { class: 'govuk-notification-banner__content' },
        h('p', { class: 'govuk-notification-banner__heading' }, t('signIn.passwordSet')))) : null,
    param('signedOut') ? h('div', { class: 'govuk-notification-banner govuk-notification-banner--success', role: 'alert' },
      h('div', { class: 'govuk-notification-banner__content' },
        h('p', { class: 'govuk-notification-banner__heading' }, t('signIn.signedOut')))) : null,
    h('div', { id: 'error-summary' }),
    h('h1', { class: 'govuk-heading-l' }, t('signIn.heading')),
    h('div', { class: 'govuk-grid-row' },
      h('div', { class: 'govuk-grid-column-two-thirds' },
        h('h2', { class: 'govuk-heading-m' }, t('signIn.families')),
        h('p', { class: 'govuk-body' }, t('signIn.noPassword')),
        h('a', { class: 'govuk-button govuk-button--secondary', href: next ? `/code?next=${encodeURIComponent(next)}` : '/code', id: 'get-code' }, t('signIn.getCode')),
        h('h2', { class: 'govuk-heading-m' }, t('signIn.staff')),
        form)));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api.post('/auth/sign-in', { username: form.username.value, password: form.password.value });
      window.location.assign(next || '/conferences');
    } catch (error) {
      showErrors(form, errorsFrom(error), { username: 'username', password: 'password', body: 'username' });
    }
  });
}
