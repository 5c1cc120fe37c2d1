// Which agencies work with a family, from when to when, with which lead practitioner. For
// administrators (who see nothing else of the case) and the staff already working with it.
import { api, requireCaller } from '../api.js';
import { formatDate, h, replaceChildren } from '../dom.js';
import { backLink, dateInput, dateValue, selectField, setFlash, takeFlash } from '../fields.js';
import { errorsFrom, showErrors } from '../forms.js';
import { renderLayout } from '../layout.js';
import { table } from './admin/kit.js';

const FIELDS = { agencyId: 'agency', leadPractitionerId: 'lead', startsOn: 'starts-on', endsOn: 'ends-on', body: 'agency' };

/** The lead practitioner list follows the chosen agency. */
async function fillLeads(select, agencyId, chosen) {
  const people = agencyId ? await api.get(`/agencies/${agencyId}/practitioners`) : [];
  replaceChildren(select, h('option', { value: '' }, agencyId ? 'Choose a person' : 'Choose the agency first'),
    people.map((p) => h('option', { value: p.id, selected: p.id === chosen }, p.fullName)));
}

/** Reads the form; a date that is not a real date is reported beside its field before anything is sent. */
function formBody(form, withAgency) {
  const errors = [];
  const startsOn = dateValue(form, 'starts-on');
  const endsOn = dateValue(form, 'ends-on');
  if (startsOn === null) errors.push({ field: 'startsOn', message: 'The start date must be a real date, like 27 3 2026' });
  if (endsOn === null) errors.push({ field: 'endsOn', message: 'The end date must be a real date, like 27 3 2027' });
  const body = { leadPractitionerId: form.lead.value || null, startsOn: startsOn || null, endsOn: endsOn || null };
  if (withAgency) body.agencyId = form.agency.value || null;
  return { body, errors };
}

export async function render(main, { id, ids }) {
  const caller = await requireCaller();
  const involvementId = ids && ids[1];
  const [involvements, agencies] = await Promise.all([api.get(`/families/${id}/involvements`), api.get('/agencies?size=100')]);
  const family = caller.roles.includes('ADMINISTRATOR') ? null : await api.get(`/families/${id}`);
  const familyName = family ? family.name : 'this family';
  const editing = involvementId ? involvements.find((i) => i.id === involvementId) : null;
  if (involvementId && !editing) throw Object.assign(new Error('There is no such involvement.'), { status: 404 });
  renderLayout({ title: editing ? `Change ${editing.agencyName}'s involvement` : 'Agencies working with the family', caller });

  const agencySelect = editing ? null : selectField({ id: 'agency', name: 'agency', label: 'Agency',
    options: [['', 'Choose an agency'], ...agencies.items.map((a) => [a.id, a.name])] });
  const leadSelect = selectField({ id: 'lead', name: 'lead', label: 'Lead practitioner',
    hint: 'The person at the agency the family and other workers go to first', options: [] });
  const form = h('form', { novalidate: true, id: 'involvement-form' },
    agencySelect, leadSelect,
    dateInput({ id: 'starts-on', legend: 'When does the involvement start?', hint: 'For example, 27 3 2026', value: editing?.startsOn }),
    dateInput({ id: 'ends-on', legend: 'When does it end? (optional)', hint: 'Leave empty while the agency is still working with the family. From the day after, its staff no longer see the case.', value: editing?.endsOn }),
    h('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button' }, editing ? 'Save changes' : 'Add involvement'));
  const lead = form.querySelector('#lead');
  await fillLeads(lead, editing?.agencyId, editing?.leadPractitionerId);
  if (agencySelect) form.querySelector('#agency').addEventListener('change', (e) => fillLeads(lead, e.target.value));

  const back = involvementId ? `/families/${id}/involvements` : `/families/${id}`;
  replaceChildren(main, backLink(back), takeFlash(), h('div', { id: 'error-summary' }),
    h('span', { class: 'govuk-caption-l' }, family ? family.name : 'Family'),
    h('h1', { class: 'govuk-heading-l' }, editing ? `Change ${editing.agencyName}'s involvement` : 'Agencies working with the family'),
    editing ? null : (involvements.length === 0 ? h('p', { class: 'govuk-body' }, 'No agency is recorded yet.')
      : table(`Agencies working with ${familyName}`, ['Agency', 'Lead practitioner', 'From', 'Until', h('span', { class: 'govuk-visually-hidden' }, 'Change')], involvements.map((i) => [
        i.agencyName, i.leadPractitionerName, formatDate(i.startsOn), i.endsOn ? formatDate(i.endsOn) : 'Now',
        h('a', { class: 'govuk-link', href: `/families/${id}/involvements/${i.id}` }, 'Change', h('span', { class: 'govuk-visually-hidden' }, ` ${i.agencyName}`))]),
      'involvements', { hiddenCaption: true })),
    editing ? null : h('h2', { class: 'govuk-heading-m' }, 'Add an agency'),
    form);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const { body, errors } = formBody(form, !editing);
    if (errors.length) {
      showErrors(form, errors, FIELDS);
      return;
    }
    try {
      const saved = editing ? await api.put(`/families/${id}/involvements/${editing.id}`, body)
        : await api.post(`/families/${id}/involvements`, body);
      setFlash(editing ? `${saved.agencyName}'s involvement has been changed` : `${saved.agencyName} has been added`,
        `Lead practitioner: ${saved.leadPractitionerName}.`);
      if (editing) window.location.assign(`/families/${id}/involvements`);
      else await render(main, { id, ids });
    } catch (error) {
      showErrors(form, errorsFrom(error), FIELDS);
    }
  });
}
