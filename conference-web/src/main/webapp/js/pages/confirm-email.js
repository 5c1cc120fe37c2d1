import { api } from '../api.js';
import { h, param, replaceChildren } from '../dom.js';
import { errorsFrom, showErrors } from '../forms.js';
import { t } from '../i18n.js';
import { renderLayout } from '../layout.js';

// The link from the "confirm your email address" email. Nothing happens until the person presses
// the button, so a mail scanner that opens links cannot confirm an address for them.
export async function render(main) {
  renderLayout({ title: t('confirm.title'), caller: null });
  const token = param('token') || '';
  const form = h('form', { novalidate: true, id: 'confirm-form' },
    h('div', { class: 'govuk-form-group' },
      h('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button', id: 'confirm' }, t('confirm.yes'))));
  replaceChildren(main,
    h('div', { id: 'error-summary' }),
    h('h1', { class: 'govuk-heading-l' }, t('confirm.title')),
    h('p', { class: 'govuk-body' }, t('confirm.why')),
    h('p', { class: 'govuk-body' }, t('confirm.ifNot')),
    form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const confirmed = await api.post('/auth/addresses/confirm', { token });
      replaceChildren(main,
        h('div', { class: 'govuk-panel govuk-panel--confirmation', id: 'confirmed' },
          h('h1', { class: 'govuk-panel__title' }, t('confirm.done')),
          h('div', { class: 'govuk-panel__body' }, confirmed.email)),
        h('p', { class: 'govuk-body' }, h('a', { class: 'govuk-link', href: '/code' }, t('confirm.signIn')), t('code.fullStop')));
    } catch (error) {
      showErrors(form, errorsFrom(error), { token: 'confirm', body: 'confirm' });
    }
  });
}
