// GOV.UK error pattern: a summary at the top that links to each field, and the message beside
// the field itself. Focus moves to the summary so screen reader users hear it at once.
import { h, replaceChildren } from './dom.js';
import { t } from './i18n.js';

export function clearErrors(form) {
  form.querySelectorAll('.govuk-form-group--error').forEach((g) => g.classList.remove('govuk-form-group--error'));
  form.querySelectorAll('.govuk-error-message').forEach((m) => m.remove());
  form.querySelectorAll('.govuk-input--error').forEach((i) => i.classList.remove('govuk-input--error'));
  const summary = document.getElementById('error-summary');
  if (summary) replaceChildren(summary);
}

/**
 * errors: [{field, message}]; fields maps API field names to input ids. Messages with no
 * matching field link to the first input of the form.
 */
export function showErrors(form, errors, fields = {}) {
  clearErrors(form);
  const summary = document.getElementById('error-summary');
  const firstInput = form.querySelector('input, select, textarea');
  // The summary lists the problems in the order of the fields on the page.
  const inputOf = (error) => document.getElementById(fields[error.field] || error.field) || firstInput;
  const ordered = [...errors].sort((a, b) => {
    const [x, y] = [inputOf(a), inputOf(b)];
    if (!x || !y || x === y) return 0;
    return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
  const items = ordered.map((error) => {
    const input = inputOf(error);
    if (input) {
      // Radios, checkboxes and date inputs carry their message under the fieldset's legend and hint.
      const fieldset = input.closest('fieldset');
      const group = (fieldset || input).closest('.govuk-form-group');
      if (group && !group.querySelector('.govuk-error-message')) {
        group.classList.add('govuk-form-group--error');
        const message = h('p', { class: 'govuk-error-message', id: `${input.id}-error` },
          h('span', { class: 'govuk-visually-hidden' }, t('form.errorPrefix')), error.message);
        if (fieldset) {
          (fieldset.querySelector(':scope > .govuk-hint') || fieldset.querySelector(':scope > legend')).insertAdjacentElement('afterend', message);
          fieldset.setAttribute('aria-describedby', message.id);
        } else {
          input.insertAdjacentElement('beforebegin', message);
          input.setAttribute('aria-describedby', message.id);
        }
        if (input.classList.contains('govuk-input')) input.classList.add('govuk-input--error');
      }
    }
    return h('li', {}, h('a', { href: `#${input ? input.id : ''}` }, error.message));
  });
  replaceChildren(summary,
    h('div', { class: 'govuk-error-summary', 'data-module': 'govuk-error-summary', tabindex: '-1' },
      h('div', { role: 'alert' },
        h('h2', { class: 'govuk-error-summary__title' }, t('form.problem')),
        h('div', { class: 'govuk-error-summary__body' },
          h('ul', { class: 'govuk-list govuk-error-summary__list' }, items)))));
  summary.firstElementChild.focus();
}

/** Turns an ApiError into summary errors (a general one when no field is named). */
export function errorsFrom(apiError) {
  return apiError.fieldErrors.length ? apiError.fieldErrors : [{ field: null, message: apiError.message }];
}
