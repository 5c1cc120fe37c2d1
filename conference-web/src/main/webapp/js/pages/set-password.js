// The link a new member of staff (or the first administrator) follows to choose their own password.
import { api } from '../api.js';
import { h, param, replaceChildren } from '../dom.js';
import { errorsFrom, showErrors } from '../forms.js';
import { renderLayout } from '../layout.js';

/** A link that is used up, expired or wrong: what happened, and the way on. */
function linkProblem(main, message) {
  replaceChildren(main,
    h('h1', { class: 'govuk-heading-l' }, 'This link cannot be used'),
    h('p', { class: 'govuk-body', id: 'link-problem' }, message),
    h('p', { class: 'govuk-body' }, 'If you have set your password already, sign in with it. If not, ask your administrator to reset your sign-in: they can send you a new link.'),
    h('a', { class: 'govuk-button', href: '/', id: 'go-to-sign-in', role: 'button', draggable: 'false' }, 'Go to sign in'));
}

export async function render(main) {
  renderLayout({ title: 'Set your password', caller: null });
  const token = param('token') || '';
  let account;
  try {
    account = await api.post('/auth/password-setup/check', { token });
  } catch (error) {
    if (error.status === 0) throw error;
    linkProblem(main, error.message);
    return;
  }
  const form = h('form', { novalidate: true, id: 'password-form' },
    h('input', { type: 'text', name: 'username', value: account.username, autocomplete: 'username', hidden: true, readonly: true }),
    h('div', { class: 'govuk-form-group' },
      h('label', { class: 'govuk-label', for: 'password' }, 'Password'),
      h('div', { class: 'govuk-hint', id: 'password-hint' }, 'At least 12 characters. A few unrelated words together are easy to remember and hard to guess.'),
      h('input', { class: 'govuk-input govuk-!-width-one-half', id: 'password', name: 'password', type: 'password', autocomplete: 'new-password', 'aria-describedby': 'password-hint' })),
    h('div', { class: 'govuk-form-group' },
      h('label', { class: 'govuk-label', for: 'password-again' }, 'Type the password again'),
      h('input', { class: 'govuk-input govuk-!-width-one-half', id: 'password-again', name: 'passwordAgain', type: 'password', autocomplete: 'new-password' })),
    h('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button' }, 'Set password'));
  replaceChildren(main, h('div', { id: 'error-summary' }),
    h('h1', { class: 'govuk-heading-l' }, 'Set your password'),
    h('p', { class: 'govuk-body' }, `Hello ${account.fullName}. Your username is `, h('strong', { id: 'username' }, account.username), '.'),
    form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (form.password.value !== form.passwordAgain.value) {
      showErrors(form, [{ field: 'passwordAgain', message: 'The two passwords are not the same. Type them again' }], { passwordAgain: 'password-again' });
      return;
    }
    try {
      const done = await api.post('/auth/password-setup', { token, password: form.password.value });
      window.location.assign(`/?passwordSet=1&username=${encodeURIComponent(done.username)}`);
    } catch (error) {
      if (error.status === 409) {
        linkProblem(main, error.message);
        return;
      }
      showErrors(form, errorsFrom(error), { password: 'password', token: 'password', body: 'password' });
    }
  });
}
