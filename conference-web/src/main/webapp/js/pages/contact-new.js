// A worker records a contact with the family: when it happened, what kind it was and what
// happened. It is then on the family's page and in the contact map (the family reads it too).
import { api, requireCaller } from '../api.js';
import { formatDate, h } from '../dom.js';
import { dateInput, dateValue, radios, setFlash } from '../fields.js';
import { errorsFrom, showErrors } from '../forms.js';
import { renderLayout } from '../layout.js';
import { continueButton, questionPage, textArea } from '../questions.js';

const KINDS = [['VISIT', 'A visit'], ['CALL', 'A phone call'], ['MEETING', 'A meeting'], ['ASSESSMENT', 'An assessment'],
  ['REFERRAL', 'A referral'], ['LETTER', 'A letter or email']];

export async function render(main, { id }) {
  const caller = await requireCaller();
  const family = await api.get(`/families/${id}`);
  renderLayout({ title: `Record a contact with the ${family.name}`, caller });
  const form = h('form', { novalidate: true, id: 'contact-form' },
    h('h1', { class: 'govuk-heading-l' }, 'Record a contact'),
    h('p', { class: 'govuk-body' }, 'Everyone working with the family sees it, and so does the family. Write it so they can read it.'),
    dateInput({ id: 'happened-on', legend: 'When was it?', hint: 'For example, 27 3 2026' }),
    radios({ name: 'kind', legend: 'What kind of contact was it?', options: KINDS }),
    textArea({ id: 'summary', label: 'What happened', hint: 'A short summary, in plain words', rows: 4 }),
    continueButton('Record the contact', 'save-contact'));
  questionPage(main, { back: `/families/${id}`, caption: family.name, form });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const happenedOn = dateValue(form, 'happened-on');
    const kind = form.querySelector('input[name="kind"]:checked');
    const summary = form.querySelector('#summary').value;
    // Checked here first, in the GOV.UK words; the server checks again and its errors land beside the same fields.
    const errors = [];
    if (happenedOn === '') errors.push({ field: 'happenedOn', message: 'Enter the date of the contact' });
    if (happenedOn === null) errors.push({ field: 'happenedOn', message: 'The date of the contact must be a real date' });
    if (!kind) errors.push({ field: 'kind', message: 'Choose the kind of contact' });
    if (!summary.trim()) errors.push({ field: 'summary', message: 'Write a short summary' });
    const fields = { happenedOn: 'happened-on', kind: 'kind', summary: 'summary', body: 'happened-on' };
    if (errors.length) {
      showErrors(form, errors, fields);
      return;
    }
    try {
      await api.post(`/families/${id}/contacts`, { happenedOn, kind: kind.value, summary });
      setFlash('Contact recorded', `${KINDS.find(([v]) => v === kind.value)[1]} on ${formatDate(happenedOn)}.`);
      window.location.assign(`/families/${id}#contacts-heading`);
    } catch (error) {
      showErrors(form, errorsFrom(error), fields);
    }
  });
}
