// GOV.UK "question pages" and "check your answers": one thing per page, answers kept in this
// tab (sessionStorage) until the last page sends them all at once. When the server refuses
// them, its field errors are carried back to the page that asked that question.
import { h, replaceChildren } from './dom.js';
import { t } from './i18n.js';
import { showErrors } from './forms.js';

export function loadAnswers(key, initial) {
  const saved = sessionStorage.getItem(key);
  return saved ? JSON.parse(saved) : initial;
}

export function saveAnswers(key, answers) {
  sessionStorage.setItem(key, JSON.stringify(answers));
}

export function forgetAnswers(key) {
  sessionStorage.removeItem(key);
  sessionStorage.removeItem(`${key}:errors`);
}

/** Keeps the server's errors for the page that asked the question, then goes there. */
export function sendBackWithErrors(key, url, errors) {
  sessionStorage.setItem(`${key}:errors`, JSON.stringify(errors));
  window.location.assign(url);
}

/** Shows (once) the errors the server gave for this page. */
export function showCarriedErrors(key, form, fields) {
  const saved = sessionStorage.getItem(`${key}:errors`);
  if (!saved) return;
  sessionStorage.removeItem(`${key}:errors`);
  showErrors(form, JSON.parse(saved), fields);
}

/** The frame of one question page: back link, error summary, caption and the form. */
export function questionPage(main, { back, caption, form }) {
  replaceChildren(main,
    h('a', { href: back, class: 'govuk-back-link' }, t('form.back')),
    h('div', { id: 'error-summary' }),
    caption ? h('span', { class: 'govuk-caption-l' }, caption) : null,
    form);
}

export function continueButton(text = t('form.continue'), id = 'continue') {
  return h('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button', id }, text);
}

/** A radios question whose legend is the page heading. */
export function radiosQuestion({ name, legend, hint, options, value }) {
  const hintId = `${name}-hint`;
  return h('div', { class: 'govuk-form-group' },
    h('fieldset', { class: 'govuk-fieldset', 'aria-describedby': hint ? hintId : null },
      h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--l' },
        h('h1', { class: 'govuk-fieldset__heading' }, legend)),
      hint ? h('div', { class: 'govuk-hint', id: hintId }, hint) : null,
      h('div', { class: 'govuk-radios', 'data-module': 'govuk-radios' }, options.map(([v, label, itemHint], n) => {
        const id = n === 0 ? name : `${name}-${v}`;
        return h('div', { class: 'govuk-radios__item' },
          h('input', { class: 'govuk-radios__input', id, name, type: 'radio', value: v, checked: v === value,
            'aria-describedby': itemHint ? `${id}-item-hint` : null }),
          h('label', { class: 'govuk-label govuk-radios__label', for: id }, label),
          itemHint ? h('div', { class: 'govuk-hint govuk-radios__hint', id: `${id}-item-hint` }, itemHint) : null);
      }))));
}

/** GOV.UK date input: day, month and year boxes (never the browser's date picker). */
export function dateInput({ id, legend, hint, value, heading = true }) {
  const [y, m, d] = value ? value.split('-') : ['', '', ''];
  const box = (part, label, width, v) => h('div', { class: 'govuk-date-input__item' },
    h('div', { class: 'govuk-form-group' },
      h('label', { class: 'govuk-label govuk-date-input__label', for: `${id}-${part}` }, label),
      h('input', { class: `govuk-input govuk-date-input__input govuk-input--width-${width}`, id: `${id}-${part}`,
        name: `${id}-${part}`, type: 'text', inputmode: 'numeric', value: v ? String(Number(v)) : '' })));
  return h('div', { class: 'govuk-form-group' },
    h('fieldset', { class: 'govuk-fieldset', role: 'group', 'aria-describedby': `${id}-hint` },
      h('legend', { class: `govuk-fieldset__legend ${heading ? 'govuk-fieldset__legend--l' : 'govuk-fieldset__legend--m'}` },
        heading ? h('h1', { class: 'govuk-fieldset__heading' }, legend) : legend),
      h('div', { class: 'govuk-hint', id: `${id}-hint` }, hint),
      h('div', { class: 'govuk-date-input', id }, box('day', t('form.day'), 2, d), box('month', t('form.month'), 2, m), box('year', t('form.year'), 4, y))));
}

/** "2027-03-04" from the three boxes, or null when they do not make a real date. */
export function readDate(form, id) {
  const [d, m, y] = ['day', 'month', 'year'].map((p) => form.querySelector(`#${id}-${p}`).value.trim());
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return null;
  const date = new Date(Number(y), Number(m) - 1, Number(d));
  if (date.getFullYear() !== Number(y) || date.getMonth() !== Number(m) - 1 || date.getDate() !== Number(d)) return null;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

export function textField({ id, label, hint, value, type = 'text', width, autocomplete }) {
  return h('div', { class: 'govuk-form-group' },
    h('label', { class: 'govuk-label govuk-label--s', for: id }, label),
    hint ? h('div', { class: 'govuk-hint', id: `${id}-hint` }, hint) : null,
    h('input', { class: `govuk-input${width ? ` govuk-input--width-${width}` : ''}`, id, name: id, type,
      value: value || '', 'aria-describedby': hint ? `${id}-hint` : null, autocomplete, spellcheck: type === 'text' ? null : 'false' }));
}

export function textArea({ id, label, hint, value, rows = 3, labelClass = 'govuk-label--s' }) {
  const area = h('textarea', { class: 'govuk-textarea', id, name: id, rows: String(rows), 'aria-describedby': hint ? `${id}-hint` : null });
  area.value = value || '';
  return h('div', { class: 'govuk-form-group' },
    h('label', { class: `govuk-label ${labelClass}`, for: id }, label),
    hint ? h('div', { class: 'govuk-hint', id: `${id}-hint` }, hint) : null,
    area);
}

/** A "Check your answers" summary list: [key, value (text or node), change link, visually hidden words]. */
export function summaryList(rows, id) {
  return h('dl', { class: 'govuk-summary-list', id }, rows.map(([key, value, href, hidden]) => h('div', { class: 'govuk-summary-list__row' },
    h('dt', { class: 'govuk-summary-list__key' }, key),
    h('dd', { class: 'govuk-summary-list__value' }, value),
    href ? h('dd', { class: 'govuk-summary-list__actions' },
      h('a', { class: 'govuk-link', href }, t('form.change'), h('span', { class: 'govuk-visually-hidden' }, ` ${hidden || key.toLowerCase()}`))) : null)));
}

export function warningText(text) {
  return h('div', { class: 'govuk-warning-text' },
    h('span', { class: 'govuk-warning-text__icon', 'aria-hidden': 'true' }, '!'),
    h('strong', { class: 'govuk-warning-text__text' }, h('span', { class: 'govuk-visually-hidden' }, t('details.warning')), text));
}
