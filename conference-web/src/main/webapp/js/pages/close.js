// Closing with care: who came (required for every invitee), what was decided, then "Check your
// answers" with a warning before the record is locked for good.
import { api, requireCaller } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { clearErrors, errorsFrom, showErrors } from '../forms.js';
import { renderLayout } from '../layout.js';
import {
  continueButton, forgetAnswers, loadAnswers, questionPage, saveAnswers, sendBackWithErrors, showCarriedErrors,
  summaryList, textArea, warningText,
} from '../questions.js';

const ATTENDANCE = [['ATTENDED', 'Came'], ['APOLOGIES', 'Sent apologies'], ['DID_NOT_ATTEND', 'Did not come and sent no apologies']];
const ROLE = { AGENCY_STAFF: 'agency', FAMILY_MEMBER: 'family', ADVOCATE: 'advocate', OBSERVER: 'observer' };

export async function render(main, { id }) {
  const caller = await requireCaller();
  const conference = await api.get(`/conferences/${id}`);
  renderLayout({ title: 'Close the conference', caller });
  const step = window.location.pathname.split('/').pop();
  const key = `close:${id}`;
  const answers = loadAnswers(key, { attendance: {}, decisions: '' });
  const people = conference.invitees.filter((i) => i.role !== 'CHAIR');
  const caption = `Close the conference: ${conference.familyName}`;
  const url = (s, change) => `/conferences/${id}/close/${s}${change ? '?change=1' : ''}`;
  const changing = new URLSearchParams(window.location.search).has('change');

  if (step === 'check') {
    const form = h('form', { novalidate: true, id: 'lock-form' },
      warningText('You cannot change the record after this. The plan carries on and can still be updated.'),
      h('button', { type: 'submit', class: 'govuk-button govuk-button--warning', 'data-module': 'govuk-button', id: 'lock' }, 'Close and lock the record'));
    const decisions = answers.decisions.split('\n').map((l) => l.trim()).filter(Boolean);
    replaceChildren(main,
      h('a', { href: url('decisions'), class: 'govuk-back-link' }, 'Back'),
      h('div', { id: 'error-summary' }),
      h('span', { class: 'govuk-caption-l' }, caption),
      h('h1', { class: 'govuk-heading-l' }, 'Check the record before you close it'),
      h('h2', { class: 'govuk-heading-m' }, 'Who came'),
      summaryList(people.map((p) => [p.name, (ATTENDANCE.find(([v]) => v === answers.attendance[p.id]) || [null, 'Not answered'])[1],
        url('attendance', true), `whether ${p.name} came`]), 'check-attendance'),
      h('h2', { class: 'govuk-heading-m' }, 'What was decided'),
      summaryList([['Decisions', decisions.length ? h('ul', { class: 'govuk-list govuk-list--bullet', id: 'check-decisions' },
        decisions.map((d) => h('li', {}, d))) : 'None', url('decisions', true), 'what was decided']], 'check-decisions-list'),
      form);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        await api.post(`/conferences/${id}/close`, {
          attendance: people.filter((p) => answers.attendance[p.id]).map((p) => ({ inviteeId: p.id, attendance: answers.attendance[p.id] })),
          decisions,
        });
        forgetAnswers(key);
        window.location.assign(`/conferences/${id}?closed=1`);
      } catch (error) {
        const errors = errorsFrom(error);
        const attendanceErrors = errors.filter((e) => e.field && e.field.startsWith('attendance'));
        if (attendanceErrors.length) { sendBackWithErrors(key, url('attendance', true), attendanceErrors); return; }
        const decisionErrors = errors.filter((e) => e.field === 'decisions');
        if (decisionErrors.length) { sendBackWithErrors(key, url('decisions', true), decisionErrors); return; }
        showErrors(form, errors, { body: 'lock' });
      }
    });
    return;
  }

  let form;
  let read;
  if (step === 'attendance') {
    form = h('form', { novalidate: true, id: 'question-form' },
      h('h1', { class: 'govuk-heading-l' }, 'Who came to the conference?'),
      h('p', { class: 'govuk-body' }, 'Answer for everyone invited. The record keeps who came and who sent apologies.'),
      people.map((p) => h('div', { class: 'govuk-form-group' }, h('fieldset', { class: 'govuk-fieldset' },
        h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, `${p.name} (${ROLE[p.role]})`),
        h('div', { class: 'govuk-radios govuk-radios--small', 'data-module': 'govuk-radios', id: `attendance-${p.id}` },
          ATTENDANCE.map(([value, label]) => {
            const inputId = `attendance-${p.id}-${value}`;
            return h('div', { class: 'govuk-radios__item' },
              h('input', { class: 'govuk-radios__input', id: inputId, name: `attendance-${p.id}`, type: 'radio', value,
                checked: answers.attendance[p.id] === value }),
              h('label', { class: 'govuk-label govuk-radios__label', for: inputId }, label));
          }))))),
      continueButton());
    read = () => {
      const errors = [];
      people.forEach((p) => {
        const checked = form.querySelector(`input[name="attendance-${p.id}"]:checked`);
        if (checked) answers.attendance[p.id] = checked.value;
        else errors.push({ field: `attendance-${p.id}`, message: `Say whether ${p.name} came` });
      });
      return errors;
    };
  } else {
    form = h('form', { novalidate: true, id: 'question-form' },
      textArea({ id: 'decisions', label: 'What was decided?', hint: 'One decision on each line. These go into the record and the minutes everyone gets.',
        value: answers.decisions, rows: 6, labelClass: 'govuk-label--l' }),
      continueButton());
    form.querySelector('label').replaceWith(h('h1', { class: 'govuk-label-wrapper' },
      h('label', { class: 'govuk-label govuk-label--l', for: 'decisions' }, 'What was decided?')));
    read = () => {
      answers.decisions = form.decisions.value;
      return answers.decisions.trim() ? [] : [{ field: 'decisions', message: 'Write down what was decided' }];
    };
  }
  questionPage(main, { back: step === 'attendance' ? `/conferences/${id}` : url('attendance'), caption, form });
  showCarriedErrors(key, form, {});
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const errors = read();
    if (errors.length) { showErrors(form, errors); return; }
    clearErrors(form);
    saveAnswers(key, answers);
    window.location.assign(changing || step === 'decisions' ? url('check') : url('decisions'));
  });
}
