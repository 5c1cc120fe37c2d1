// Staff working with the family change its name, its reference and the date of the strategy
// discussion (which starts the first conference's statutory timescale). Staff page: English.
import { api, requireCaller } from '../api.js';
import { formatDate, h, replaceChildren } from '../dom.js';
import { backLink, dateInput, dateValue, setFlash, textField } from '../fields.js';
import { errorsFrom, showErrors } from '../forms.js';
import { renderLayout } from '../layout.js';

const FIELDS = { name: 'name', reference: 'reference', strategyDiscussionOn: 'strategy' };

export async function render(main, { id }) {
  const caller = await requireCaller();
  if (caller.kind !== 'STAFF' || caller.roles.includes('ADMINISTRATOR')) {
    const error = new Error('Only staff working with the family can change its details here.');
    error.status = 403;
    throw error;
  }
  const family = await api.get(`/families/${id}`);
  renderLayout({ title: 'Change the family\u2019s details', caller });
  const form = h('form', { novalidate: true, id: 'family-form' },
    textField({ id: 'name', label: 'Family name', hint: 'How everyone will see the family named, for example the Taylor family', value: family.name }),
    textField({ id: 'reference', label: 'Case reference (optional)', value: family.reference || '', width: 'govuk-input--width-20', spellcheck: false }),
    dateInput({ id: 'strategy', legend: 'When was the strategy discussion? (optional)',
      hint: 'The timescale for the initial child protection conference starts on this day. For example, 27 3 2026',
      value: family.strategyDiscussionOn }),
    h('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button', id: 'save-family' }, 'Save'));
  replaceChildren(main, backLink(`/families/${id}`), h('div', { id: 'error-summary' }),
    h('span', { class: 'govuk-caption-l' }, family.name),
    h('h1', { class: 'govuk-heading-l' }, 'Change the family\u2019s details'),
    family.strategyDiscussionOn ? h('p', { class: 'govuk-body' }, `The strategy discussion recorded now was on ${formatDate(family.strategyDiscussionOn)}.`)
      : h('p', { class: 'govuk-body', id: 'no-strategy' }, 'No strategy discussion is recorded, so no timescale for an initial conference has started.'),
    form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const errors = [];
    const strategy = dateValue(form, 'strategy');
    if (!form.querySelector('#name').value.trim()) errors.push({ field: 'name', message: 'Enter the family\u2019s name' });
    if (strategy === null) errors.push({ field: 'strategyDiscussionOn', message: 'The strategy discussion date must be a real date, like 27 3 2026' });
    if (errors.length) {
      showErrors(form, errors, FIELDS);
      return;
    }
    try {
      const saved = await api.put(`/families/${id}`, { name: form.querySelector('#name').value.trim(), reference: form.querySelector('#reference').value.trim() || null,
        strategyDiscussionOn: strategy || null });
      setFlash('The family\u2019s details are saved', saved.strategyDiscussionOn
        ? `Strategy discussion: ${formatDate(saved.strategyDiscussionOn)}.` : null);
      window.location.assign(`/families/${id}`);
    } catch (error) {
      showErrors(form, errorsFrom(error), FIELDS);
    }
  });
}
