// GOV.UK form components, built the same way on every form: a label (or legend), hint text,
// the input. Error messages are added beside them by forms.js showErrors().
import { h } from './dom.js';
import { t } from './i18n.js';

export function textField({ id, name = id, label, hint, value = '', type = 'text', autocomplete, width, spellcheck }) {
  return h('div', { class: 'govuk-form-group' },
    h('label', { class: 'govuk-label', for: id }, label),
    hint ? h('div', { class: 'govuk-hint', id: `${id}-hint` }, hint) : null,
    h('input', {
      class: `govuk-input${width ? ` ${width}` : ''}`, id, name, type, value: value ?? '', autocomplete,
      spellcheck: spellcheck === false ? 'false' : undefined, 'aria-describedby': hint ? `${id}-hint` : undefined,
    }));
}

/** One choice among a few: options are [value, label, hint?]. */
export function radios({ name, legend, hint, options, value, small }) {
  return h('div', { class: 'govuk-form-group' },
    h('fieldset', { class: 'govuk-fieldset', 'aria-describedby': hint ? `${name}-hint` : undefined },
      h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, legend),
      hint ? h('div', { class: 'govuk-hint', id: `${name}-hint` }, hint) : null,
      h('div', { class: `govuk-radios${small ? ' govuk-radios--small' : ''}`, 'data-module': 'govuk-radios' },
        options.map(([v, label, itemHint], i) => h('div', { class: 'govuk-radios__item' },
          h('input', {
            class: 'govuk-radios__input', id: i === 0 ? name : `${name}-${i + 1}`, name, type: 'radio', value: v,
            checked: v === value, 'aria-describedby': itemHint ? `${name}-${i + 1}-hint` : undefined,
          }),
          h('label', { class: 'govuk-label govuk-radios__label', for: i === 0 ? name : `${name}-${i + 1}` }, label),
          itemHint ? h('div', { class: 'govuk-hint govuk-radios__hint', id: `${name}-${i + 1}-hint` }, itemHint) : null)))));
}

/** Any number of choices: options are [value, label, hint?]; values is what is ticked. */
export function checkboxes({ name, legend, hint, options, values = [] }) {
  return h('div', { class: 'govuk-form-group' },
    h('fieldset', { class: 'govuk-fieldset', 'aria-describedby': hint ? `${name}-hint` : undefined },
      h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, legend),
      hint ? h('div', { class: 'govuk-hint', id: `${name}-hint` }, hint) : null,
      h('div', { class: 'govuk-checkboxes', 'data-module': 'govuk-checkboxes' },
        options.map(([v, label, itemHint], i) => h('div', { class: 'govuk-checkboxes__item' },
          h('input', {
            class: 'govuk-checkboxes__input', id: i === 0 ? name : `${name}-${i + 1}`, name, type: 'checkbox', value: v,
            checked: values.includes(v), 'aria-describedby': itemHint ? `${name}-${i + 1}-hint` : undefined,
          }),
          h('label', { class: 'govuk-label govuk-checkboxes__label', for: i === 0 ? name : `${name}-${i + 1}` }, label),
          itemHint ? h('div', { class: 'govuk-hint govuk-checkboxes__hint', id: `${name}-${i + 1}-hint` }, itemHint) : null)))));
}

export function selectField({ id, name = id, label, hint, options, value }) {
  return h('div', { class: 'govuk-form-group' },
    h('label', { class: 'govuk-label', for: id }, label),
    hint ? h('div', { class: 'govuk-hint', id: `${id}-hint` }, hint) : null,
    h('select', { class: 'govuk-select', id, name, 'aria-describedby': hint ? `${id}-hint` : undefined },
      options.map(([v, text]) => h('option', { value: v, selected: v === value }, text))));
}

/** The GOV.UK date input: day, month and year boxes, never the browser's date picker. The day box has the id. */
export function dateInput({ id, legend, hint, value }) {
  const [year, month, day] = value ? value.split('-') : ['', '', ''];
  const box = (part, label, v, width) => h('div', { class: 'govuk-date-input__item' },
    h('div', { class: 'govuk-form-group' },
      h('label', { class: 'govuk-label govuk-date-input__label', for: part === 'day' ? id : `${id}-${part}` }, label),
      h('input', {
        class: `govuk-input govuk-date-input__input govuk-input--width-${width}`, id: part === 'day' ? id : `${id}-${part}`,
        name: `${id}-${part}`, type: 'text', inputmode: 'numeric', value: v ? String(Number(v)) : '',
      })));
  return h('div', { class: 'govuk-form-group' },
    h('fieldset', { class: 'govuk-fieldset', role: 'group', 'aria-describedby': hint ? `${id}-hint` : undefined },
      h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, legend),
      hint ? h('div', { class: 'govuk-hint', id: `${id}-hint` }, hint) : null,
      h('div', { class: 'govuk-date-input', id: `${id}-group` },
        box('day', t('form.day'), day, 2), box('month', t('form.month'), month, 2), box('year', t('form.year'), year, 4))));
}

/**
 * The ISO date typed into a date input; '' when all three boxes are empty; null when what was
 * typed is not a real date (the page then says so beside the field).
 */
export function dateValue(form, id) {
  const get = (part) => form.querySelector(`[name="${id}-${part}"]`).value.trim();
  const [d, m, y] = [get('day'), get('month'), get('year')];
  if (!d && !m && !y) return '';
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCDate() !== Number(d) || date.getUTCMonth() !== Number(m) - 1) return null;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

export function checked(form, name) {
  return [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((i) => i.value);
}

/** A GOV.UK success banner, for the page after a change. */
export function successBanner(heading, text) {
  return h('div', { class: 'govuk-notification-banner govuk-notification-banner--success', role: 'alert',
    'aria-labelledby': 'success-title', 'data-module': 'govuk-notification-banner', id: 'success-banner' },
  h('div', { class: 'govuk-notification-banner__header' },
    h('h2', { class: 'govuk-notification-banner__title', id: 'success-title' }, t('form.success'))),
  h('div', { class: 'govuk-notification-banner__content' },
    h('p', { class: 'govuk-notification-banner__heading' }, heading),
    text ? h('p', { class: 'govuk-body' }, text) : null));
}

/** A summary list row: key, value, and an optional "Change" link. */
export function summaryRow(key, value, change) {
  return h('div', { class: 'govuk-summary-list__row' },
    h('dt', { class: 'govuk-summary-list__key' }, key),
    h('dd', { class: 'govuk-summary-list__value' }, value || h('span', { class: 'app-muted' }, t('family.notGiven'))),
    change ? h('dd', { class: 'govuk-summary-list__actions' },
      h('a', { class: 'govuk-link', href: change.href }, t('form.change'), h('span', { class: 'govuk-visually-hidden' }, ` ${change.what}`))) : null);
}

export function backLink(href, text = t('form.back')) {
  return h('a', { class: 'govuk-back-link', href }, text);
}

/** A success message for the next page (after a form sends the person on). */
export function setFlash(heading, text) {
  sessionStorage.setItem('rt-flash', JSON.stringify({ heading, text }));
}

/** The success banner left by the previous page, once. */
export function takeFlash() {
  const stored = sessionStorage.getItem('rt-flash');
  if (!stored) return null;
  sessionStorage.removeItem('rt-flash');
  const { heading, text } = JSON.parse(stored);
  return successBanner(heading, text);
}
