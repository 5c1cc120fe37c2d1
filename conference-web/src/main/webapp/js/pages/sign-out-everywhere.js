// newcomer: the signed-in person ends every one of their sessions, on every device (a lost
// phone, a shared computer). Family members and advocates read it in their own language.
import { api, requireCaller } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { backLink } from '../fields.js';
import { chosenLanguage, t } from '../i18n.js';
import { renderLayout } from '../layout.js';

export async function render(main) {
  const caller = await requireCaller();
  renderLayout({ title: t('signOutEverywhere.title'), caller });
  const button = h('button', { type: 'button', class: 'govuk-button govuk-button--warning', 'data-module': 'govuk-button', id: 'sign-out-everywhere' },
    t('signOutEverywhere.button'));
  const problem = h('div', { id: 'error-summary', 'aria-live': 'polite' });
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await api.post('/auth/sign-out-everywhere');
    } catch (error) {
      button.disabled = false;
      replaceChildren(problem, h('p', { class: 'govuk-error-message', role: 'alert' }, error.message));
      return;
    }
    try {
      Object.keys(localStorage).filter((key) => key.startsWith('roundtable.')).forEach((key) => localStorage.removeItem(key));
      sessionStorage.clear();
    } catch (e) {
      // Storage switched off: there is nothing to forget.
    }
    window.location.assign(chosenLanguage() === 'en' ? '/?signedOut=1' : `/?signedOut=1&lang=${chosenLanguage()}`);
  });
  replaceChildren(main, backLink(document.referrer && new URL(document.referrer).origin === window.location.origin
    ? new URL(document.referrer).pathname : '/conferences', t('signOutEverywhere.back')),
  problem,
  h('h1', { class: 'govuk-heading-l' }, t('signOutEverywhere.title')),
  h('p', { class: 'govuk-body' }, t('signOutEverywhere.why')),
  h('p', { class: 'govuk-body' }, t('signOutEverywhere.what')),
  button);
}
