// newcomer: the administrator sets how early the owners of actions are reminded, and can send
// today's reminders now (they go once a day, from whichever server gets there first).
import { api } from '../../api.js';
import { h } from '../../dom.js';
import { backLink, setFlash, takeFlash, textField } from '../../fields.js';
import { errorsFrom, showErrors } from '../../forms.js';
import { adminPage } from './kit.js';

export async function render(main) {
  await adminPage(main, 'Reminders');
  const settings = await api.get('/admin/settings/reminders');
  const form = h('form', { novalidate: true, id: 'reminders-form' },
    textField({ id: 'days-ahead', name: 'daysAhead', label: 'How many days before an action is due should its owner be reminded?',
      hint: 'From 0 to 30. With 0, owners are reminded only once an action is overdue.', value: String(settings.daysAhead),
      width: 'govuk-input--width-3' }),
    h('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button', id: 'save-reminders' }, 'Save'));
  const run = h('button', { type: 'button', class: 'govuk-button govuk-button--secondary', 'data-module': 'govuk-button', id: 'run-reminders' },
    'Send today\u2019s reminders now');
  form.querySelector('#days-ahead').setAttribute('inputmode', 'numeric');
  main.append(backLink('/admin'), takeFlash() || '', h('div', { id: 'error-summary' }),
    h('h1', { class: 'govuk-heading-l' }, 'Reminders'),
    h('p', { class: 'govuk-body' }, 'Once a day, the owners of actions in families\u2019 plans are emailed about actions due soon or overdue, '
      + 'and families are reminded of a meeting the next day.'),
    form,
    h('h2', { class: 'govuk-heading-m' }, 'Today\u2019s reminders'),
    h('p', { class: 'govuk-body' }, 'They go by themselves each morning. If they have gone already today, nothing is sent twice.'),
    run);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const typed = form.querySelector('#days-ahead').value.trim();
    if (!/^\d{1,2}$/.test(typed) || Number(typed) > 30) {
      showErrors(form, [{ field: 'daysAhead', message: 'Enter a number of days from 0 to 30' }], { daysAhead: 'days-ahead' });
      return;
    }
    try {
      const saved = await api.put('/admin/settings/reminders', { daysAhead: Number(typed) });
      setFlash('Reminder settings saved', saved.daysAhead === 0 ? 'Owners are reminded once an action is overdue.'
        : `Owners are reminded ${saved.daysAhead} ${saved.daysAhead === 1 ? 'day' : 'days'} before an action is due.`);
      window.location.assign('/admin/reminders');
    } catch (error) {
      showErrors(form, errorsFrom(error), { daysAhead: 'days-ahead', body: 'days-ahead' });
    }
  });
  run.addEventListener('click', async () => {
    run.disabled = true;
    try {
      const result = await api.post('/admin/reminders/run');
      setFlash(result.ran ? 'Today\u2019s reminders are sent' : 'Today\u2019s reminders had gone already',
        result.ran ? `${result.emailsSent} ${result.emailsSent === 1 ? 'email' : 'emails'} sent.` : 'Nothing was sent twice.');
      window.location.assign('/admin/reminders');
    } catch (error) {
      run.disabled = false;
      showErrors(form, errorsFrom(error), { daysAhead: 'days-ahead' });
    }
  });
}
