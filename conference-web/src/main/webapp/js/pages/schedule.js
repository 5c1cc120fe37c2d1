// The chair schedules (or reschedules) a conference in GOV.UK question pages, one thing per
// page, then "Check your answers". Nothing is saved until that last page; the server checks
// everything together and any error is shown on the page that asked the question.
import { api, requireCaller } from '../api.js';
import { formatDateTime, h, humanise, param, replaceChildren } from '../dom.js';
import { clearErrors, errorsFrom, showErrors } from '../forms.js';
import { renderLayout } from '../layout.js';
import {
  continueButton, dateInput, forgetAnswers, loadAnswers, questionPage, radiosQuestion, readDate, saveAnswers,
  sendBackWithErrors, showCarriedErrors, summaryList, textArea, textField, warningText,
} from '../questions.js';

export const KINDS = [
  ['INITIAL_CHILD_PROTECTION', 'Initial child protection conference', 'The first conference after an enquiry.'],
  ['REVIEW_CHILD_PROTECTION', 'Review child protection conference', 'Looks at how the plan is going.'],
  ['CORE_GROUP', 'Core group meeting', 'The people doing the plan, with the family.'],
  ['TEAM_AROUND_THE_FAMILY', 'Team around the family meeting', 'Early help, agreed with the family.'],
  ['OTHER', 'Another kind of meeting', null],
];

// Which question each of the server's fields belongs to, and the input it is shown beside.
const STEP_OF_FIELD = { kind: 'kind', scheduledStart: 'when', venue: 'where', joinLink: 'where', dialIn: 'where', invitees: 'who' };
const INPUT_OF_FIELD = { kind: 'kind', scheduledStart: 'when', venue: 'venue', joinLink: 'joinLink', dialIn: 'dialIn', invitees: 'invitees' };

function localParts(iso) {
  const d = new Date(iso);
  const pad = (n) => String(n).padStart(2, '0');
  return { date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: `${pad(d.getHours())}:${pad(d.getMinutes())}` };
}

function startOf(answers) {
  const [y, m, d] = answers.date.split('-').map(Number);
  const [hh, mm] = answers.time.split(':').map(Number);
  return new Date(y, m - 1, d, hh, mm).toISOString();
}

function whereAndHow(a) {
  const lines = [];
  if (a.venue) lines.push(`In person: ${a.venue}`);
  if (a.joinLink) lines.push(`Online: ${a.joinLink}`);
  if (a.dialIn) lines.push(`By phone: ${a.dialIn}`);
  return lines;
}

function lines(items, id) {
  return items.length === 0 ? 'None' : h('ul', { class: 'govuk-list', id }, items.map((t) => h('li', {}, t)));
}

export async function render(main, { id }) {
  const caller = await requireCaller();
  const path = window.location.pathname;
  const rescheduling = path.includes('/reschedule/');
  if (path.endsWith('/cancel')) {
    await cancelPage(main, caller, id);
    return;
  }
  const step = path.split('/').pop();
  let conference = null;
  let familyId = param('family');
  let key;
  let answers;
  if (rescheduling) {
    conference = await api.get(`/conferences/${id}`);
    familyId = conference.familyId;
    key = `reschedule:${id}`;
    const when = localParts(conference.scheduledStart);
    answers = loadAnswers(key, { kind: conference.kind, date: when.date, time: when.time, venue: conference.venue,
      joinLink: conference.joinLink, dialIn: conference.dialIn });
  } else {
    key = `schedule:${familyId}`;
    answers = loadAnswers(key, { kind: null, date: null, time: null, venue: '', joinLink: '', dialIn: '', invitees: [], agenda: [] });
  }
  const family = await api.get(`/families/${familyId}`);
  renderLayout({ title: rescheduling ? 'Reschedule the conference' : 'Schedule a conference', caller });
  const steps = rescheduling ? ['kind', 'when', 'where', 'check'] : ['kind', 'when', 'where', 'who', 'agenda', 'check'];
  const base = rescheduling ? `/conferences/${id}/reschedule` : '/conferences/new';
  const query = rescheduling ? '' : `?family=${familyId}`;
  const urlOf = (s) => `${base}/${s}${query}`;
  const at = steps.indexOf(step);
  const back = at <= 0 ? (rescheduling ? `/conferences/${id}` : `/families/${familyId}`) : urlOf(steps[at - 1]);
  const caption = rescheduling ? `Reschedule: ${family.name}` : `Schedule a conference: ${family.name}`;
  // From "Check your answers", a change goes straight back there.
  const next = () => (param('change') || at === steps.length - 2 ? urlOf('check') : urlOf(steps[at + 1]));
  const changeUrl = (s) => `${urlOf(s)}${query ? '&' : '?'}change=1`;

  const pages = {
    kind: () => {
      const form = h('form', { novalidate: true, id: 'question-form' },
        radiosQuestion({ name: 'kind', legend: 'What kind of conference is it?', options: KINDS, value: answers.kind }),
        continueButton());
      return [form, () => {
        const chosen = form.querySelector('input[name="kind"]:checked');
        if (!chosen) return [{ field: 'kind', message: 'Choose the kind of conference' }];
        answers.kind = chosen.value;
        return [];
      }];
    },
    when: () => {
      const form = h('form', { novalidate: true, id: 'question-form' },
        dateInput({ id: 'when', legend: 'What day is the conference?', hint: 'For example, 27 3 2027', value: answers.date }),
        textField({ id: 'time', label: 'What time does it start?', hint: 'Use the 24-hour clock, for example 10:30 or 14:00',
          value: answers.time, width: 5 }),
        continueButton());
      return [form, () => {
        const date = readDate(form, 'when');
        const time = form.time.value.trim().replace('.', ':');
        const errors = [];
        if (!date) errors.push({ field: 'when', message: 'Enter a real date, for example 27 3 2027' });
        if (!/^([01]?\d|2[0-3]):[0-5]\d$/.test(time)) errors.push({ field: 'time', message: 'Enter a time like 10:30 or 14:00' });
        if (errors.length) return errors;
        answers.date = date;
        answers.time = time.padStart(5, '0');
        return [];
      }];
    },
    where: () => {
      const form = h('form', { novalidate: true, id: 'question-form' },
        h('h1', { class: 'govuk-heading-l' }, 'Where and how will people meet?'),
        h('p', { class: 'govuk-body', id: 'where-hint' }, 'Give an address, a video or phone meeting link, or both. Everyone invited will see this.'),
        textArea({ id: 'venue', label: 'Address of the venue', hint: 'Include the room, if there is one', value: answers.venue }),
        textField({ id: 'joinLink', label: 'Video or phone meeting link', hint: 'For example, https://meet.example/abc', value: answers.joinLink, type: 'url' }),
        textArea({ id: 'dialIn', label: 'Dial-in number and code', hint: 'For people joining by phone', value: answers.dialIn, rows: 2 }),
        continueButton());
      return [form, () => {
        answers.venue = form.venue.value.trim();
        answers.joinLink = form.joinLink.value.trim();
        answers.dialIn = form.dialIn.value.trim();
        if (!answers.venue && !answers.joinLink && !answers.dialIn) {
          return [{ field: 'venue', message: 'Enter an address, a meeting link or dial-in details' }];
        }
        return [];
      }];
    },
    who: () => whoPage(family, answers),
    agenda: () => agendaPage(answers),
  };

  if (step === 'check') {
    checkPage(main, { answers, rescheduling, caption, back, key, changeUrl, familyId, id });
    return;
  }
  const [form, read] = pages[step]();
  questionPage(main, { back, caption, form });
  showCarriedErrors(key, form, INPUT_OF_FIELD);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const errors = read();
    if (errors.length) {
      showErrors(form, errors);
      return;
    }
    clearErrors(form);
    saveAnswers(key, answers);
    window.location.assign(next());
  });
}

/** Who is invited: the family, its advocate, staff of the agencies working with it, and others by agency. */
async function whoPageAsync(family, answers, form) {
  const today = new Date().toISOString().slice(0, 10);
  const [all, me] = await Promise.all([api.get(`/conferences/candidates?familyId=${family.id}`), api.get('/auth/me')]);
  // The chair scheduling is invited as the chair already (the hint says so): not offered a box.
  const candidates = all.filter((c) => c.id !== me.id);
  const involved = [...new Map(candidates.map((c) => [c.agencyId, c.agencyName])).entries()];
  const chosen = new Set(answers.invitees.map((i) => i.key));
  const box = (keyOf, label, hint) => {
    const id = `invite-${keyOf.replace(':', '-')}`;
    return h('div', { class: 'govuk-checkboxes__item' },
      h('input', { class: 'govuk-checkboxes__input', id, name: 'invitee', type: 'checkbox', value: keyOf, checked: chosen.has(keyOf),
        'data-label': label }),
      h('label', { class: 'govuk-label govuk-checkboxes__label', for: id }, label),
      hint ? h('div', { class: 'govuk-hint govuk-checkboxes__hint' }, hint) : null);
  };
  const advocates = family.advocates.filter((a) => !a.endsOn || a.endsOn >= today);
  const groups = [
    h('h2', { class: 'govuk-heading-s' }, 'The family'),
    h('div', { class: 'govuk-checkboxes govuk-checkboxes--small', 'data-module': 'govuk-checkboxes' },
      family.members.map((m) => box(`member:${m.id}`, m.fullName, m.email ? null : 'No email address: add one before sending invitations')),
      advocates.map((a) => box(`advocate:${a.advocateId}`, `${a.fullName} (advocate)`, a.organisation))),
    ...involved.flatMap(([agencyId, agencyName]) => [
      h('h2', { class: 'govuk-heading-s govuk-!-margin-top-6' }, agencyName),
      h('div', { class: 'govuk-checkboxes govuk-checkboxes--small', 'data-module': 'govuk-checkboxes' },
        candidates.filter((c) => c.agencyId === agencyId).map((c) => box(`staff:${c.id}`, c.fullName,
          c.lead ? 'Lead worker for this family' : null)))]),
  ];
  replaceChildren(form.querySelector('#invitees'), groups);
  return involved;
}

function whoPage(family, answers) {
  const othersList = h('ul', { class: 'govuk-list', id: 'others' });
  const agencySelect = h('select', { class: 'govuk-select', id: 'other-agency', name: 'other-agency' }, h('option', { value: '' }, 'Choose an agency'));
  const personSelect = h('select', { class: 'govuk-select', id: 'other-person', name: 'other-person' }, h('option', { value: '' }, 'Choose the agency first'));
  const addOther = h('button', { type: 'button', class: 'govuk-button govuk-button--secondary', id: 'add-other' }, 'Add this person');
  const form = h('form', { novalidate: true, id: 'question-form' },
    h('div', { class: 'govuk-form-group' },
      h('fieldset', { class: 'govuk-fieldset', 'aria-describedby': 'invitees-hint' },
        h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--l' }, h('h1', { class: 'govuk-fieldset__heading' }, 'Who is invited?')),
        h('div', { class: 'govuk-hint', id: 'invitees-hint' }, 'Select everyone who should come. You are invited as the chair.'),
        h('div', { id: 'invitees' }, h('p', { class: 'govuk-body' }, 'Loading…')))),
    h('h2', { class: 'govuk-heading-m' }, 'Someone else, by agency'),
    othersList,
    h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: 'other-agency' }, 'Agency'), agencySelect),
    h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: 'other-person' }, 'Person'), personSelect),
    addOther,
    h('div', {}, continueButton()));
  const others = answers.invitees.filter((i) => i.other);
  const drawOthers = () => replaceChildren(othersList, others.map((o) => {
    const remove = h('a', { class: 'govuk-link', href: '#' }, 'Remove', h('span', { class: 'govuk-visually-hidden' }, ` ${o.name}`));
    remove.addEventListener('click', (e) => { e.preventDefault(); others.splice(others.indexOf(o), 1); drawOthers(); });
    return h('li', {}, `${o.name} (${o.agencyName}) `, remove);
  }));
  drawOthers();
  whoPageAsync(family, answers, form).catch((error) => replaceChildren(form.querySelector('#invitees'),
    h('p', { class: 'govuk-body' }, `We could not load the people who work with the family: ${error.message}`)));
  api.get('/agencies?size=100').then((agencies) => agencies.items.forEach((a) => agencySelect.append(h('option', { value: a.id }, a.name)))).catch(() => {});
  agencySelect.addEventListener('change', async () => {
    replaceChildren(personSelect, h('option', { value: '' }, 'Choose a person'));
    if (!agencySelect.value) return;
    try {
      const staff = await api.get(`/conferences/candidates?familyId=${family.id}&agencyId=${agencySelect.value}`);
      clearErrors(form);
      staff.forEach((s) => personSelect.append(h('option', { value: s.id, 'data-agency': s.agencyName }, s.fullName)));
    } catch (error) {
      // The server says when the agency is not working with the family, beside the agency chosen.
      showErrors(form, errorsFrom(error), { agencyId: 'other-agency' });
    }
  });
  addOther.addEventListener('click', () => {
    const option = personSelect.selectedOptions[0];
    if (!personSelect.value) {
      showErrors(form, [{ field: 'other-person', message: 'Choose the agency and the person to add' }]);
      return;
    }
    clearErrors(form);
    others.push({ key: `staff:${personSelect.value}`, staffMemberId: personSelect.value, role: 'AGENCY_STAFF',
      name: option.textContent, agencyName: option.dataset.agency, other: true });
    drawOthers();
  });
  return [form, () => {
    const ticked = [...form.querySelectorAll('input[name="invitee"]:checked')].map((box) => {
      const [kind, personId] = box.value.split(':');
      const base = { key: box.value, name: box.dataset.label };
      if (kind === 'member') return { ...base, role: 'FAMILY_MEMBER', familyMemberId: personId };
      if (kind === 'advocate') return { ...base, role: 'ADVOCATE', advocateId: personId };
      return { ...base, role: 'AGENCY_STAFF', staffMemberId: personId };
    });
    answers.invitees = [...ticked, ...others];
    if (answers.invitees.length === 0) return [{ field: 'invitees', message: 'Select at least one person to invite' }];
    return [];
  }];
}

/** The agenda: each item a line that can be moved up or down or removed; "Add another item" adds one. */
function agendaPage(answers) {
  const items = answers.agenda.length ? [...answers.agenda] : [''];
  const list = h('div', { id: 'agenda-items' });
  const form = h('form', { novalidate: true, id: 'question-form' },
    h('h1', { class: 'govuk-heading-l' }, 'What is on the agenda?'),
    h('p', { class: 'govuk-body', id: 'agenda-hint' }, 'One item on each line, in the order the meeting will take them. Everyone invited will see the agenda.'),
    list,
    h('button', { type: 'button', class: 'govuk-button govuk-button--secondary', id: 'add-item' }, 'Add another item'),
    h('div', {}, continueButton()));
  const readInputs = () => list.querySelectorAll('input').forEach((input, n) => { items[n] = input.value; });
  const move = (n, by) => { readInputs(); const [item] = items.splice(n, 1); items.splice(n + by, 0, item); draw(); };
  function draw() {
    replaceChildren(list, items.map((item, n) => {
      const input = h('input', { class: 'govuk-input', id: `agenda-${n}`, name: `agenda-${n}`, type: 'text', value: item, 'aria-describedby': 'agenda-hint' });
      const button = (text, id, onclick, disabled) => {
        const b = h('button', { type: 'button', class: 'govuk-button govuk-button--secondary govuk-!-margin-right-1 govuk-!-margin-bottom-1', id, disabled },
          text, h('span', { class: 'govuk-visually-hidden' }, ` item ${n + 1}`));
        b.addEventListener('click', onclick);
        return b;
      };
      return h('div', { class: 'govuk-form-group app-agenda-item' },
        h('label', { class: 'govuk-label govuk-label--s', for: `agenda-${n}` }, `Item ${n + 1}`),
        input,
        h('div', { class: 'govuk-button-group govuk-!-margin-top-1 govuk-!-margin-bottom-0' },
          button('Move up', `agenda-up-${n}`, () => move(n, -1), n === 0),
          button('Move down', `agenda-down-${n}`, () => move(n, 1), n === items.length - 1),
          button('Remove', `agenda-remove-${n}`, () => { readInputs(); items.splice(n, 1); draw(); })));
    }));
  }
  draw();
  form.querySelector('#add-item').addEventListener('click', () => {
    readInputs();
    items.push('');
    draw();
    list.querySelector(`#agenda-${items.length - 1}`).focus();
  });
  return [form, () => {
    readInputs();
    // Kept exactly as typed: an empty line is refused by the server, beside that line.
    answers.agenda = items.map((i) => i.trim());
    if (answers.agenda.length === 0) return [{ field: 'add-item', message: 'Add at least one agenda item' }];
    return [];
  }];
}

function checkPage(main, ctx) {
  const { answers, rescheduling, caption, back, key, changeUrl, familyId, id } = ctx;
  const kindName = (KINDS.find(([v]) => v === answers.kind) || [null, 'Not answered'])[1];
  const when = answers.date && answers.time ? formatDateTime(startOf(answers)) : 'Not answered';
  const rows = [
    ['Kind of conference', kindName, changeUrl('kind'), 'the kind of conference'],
    ['Date and time', when, changeUrl('when'), 'the date and time'],
    ['Where and how', lines(whereAndHow(answers), 'check-where'), changeUrl('where'), 'where and how'],
  ];
  if (!rescheduling) {
    rows.push(['Who is invited', lines(answers.invitees.map((i) => (i.agencyName ? `${i.name} (${i.agencyName})` : i.name)), 'check-who'),
      changeUrl('who'), 'who is invited']);
    rows.push(['Agenda', answers.agenda.length ? h('ol', { class: 'govuk-list govuk-list--number', id: 'check-agenda' },
      answers.agenda.map((t) => h('li', {}, t || '(empty)'))) : 'None', changeUrl('agenda'), 'the agenda']);
  }
  const form = h('form', { novalidate: true, id: 'check-form' },
    rescheduling ? h('p', { class: 'govuk-body' }, 'Everyone who has been invited will get an email with the new details and calendar entry.') : null,
    h('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button', id: 'confirm' },
      rescheduling ? 'Save and tell everyone' : 'Schedule the conference'));
  replaceChildren(main,
    h('a', { href: back, class: 'govuk-back-link' }, 'Back'),
    h('div', { id: 'error-summary' }),
    h('span', { class: 'govuk-caption-l' }, caption),
    h('h1', { class: 'govuk-heading-l' }, 'Check your answers before scheduling'),
    summaryList(rows, 'check-answers'),
    form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { kind: answers.kind, scheduledStart: answers.date && answers.time ? startOf(answers) : null,
      venue: answers.venue || null, joinLink: answers.joinLink || null, dialIn: answers.dialIn || null };
    try {
      let saved;
      if (rescheduling) {
        saved = await api.put(`/conferences/${id}/arrangements`, body);
      } else {
        saved = await api.post('/conferences', { ...body, familyId,
          invitees: answers.invitees.map(({ role, staffMemberId, familyMemberId, advocateId }) => ({ role, staffMemberId, familyMemberId, advocateId })),
          agenda: answers.agenda });
      }
      forgetAnswers(key);
      window.location.assign(`/conferences/${saved.id}?${rescheduling ? 'rescheduled' : 'scheduled'}=1`);
    } catch (error) {
      const errors = errorsFrom(error);
      const first = errors.find((e) => e.field && (STEP_OF_FIELD[e.field] || e.field.startsWith('agenda-')));
      if (first) {
        const stepOf = (e) => STEP_OF_FIELD[e.field] || 'agenda';
        const target = stepOf(first);
        sendBackWithErrors(key, changeUrl(target), errors.filter((e) => e.field && (STEP_OF_FIELD[e.field] || e.field.startsWith('agenda-')) && stepOf(e) === target));
        return;
      }
      showErrors(form, errors, { body: 'confirm' });
    }
  });
}

async function cancelPage(main, caller, id) {
  const conference = await api.get(`/conferences/${id}`);
  renderLayout({ title: 'Cancel the conference', caller });
  const form = h('form', { novalidate: true, id: 'cancel-form' },
    textArea({ id: 'reason', label: 'Why is it cancelled?', hint: 'Everyone who has been invited will get an email with this reason.', rows: 3, labelClass: 'govuk-label--m' }),
    warningText('Cancelling cannot be undone. To meet another day, schedule a new conference.'),
    h('div', { class: 'govuk-button-group' },
      h('button', { type: 'submit', class: 'govuk-button govuk-button--warning', 'data-module': 'govuk-button', id: 'confirm-cancel' }, 'Cancel the conference'),
      h('a', { class: 'govuk-link', href: `/conferences/${id}` }, 'Keep the conference')));
  replaceChildren(main,
    h('a', { href: `/conferences/${id}`, class: 'govuk-back-link' }, 'Back'),
    h('div', { id: 'error-summary' }),
    h('span', { class: 'govuk-caption-l' }, conference.familyName),
    h('h1', { class: 'govuk-heading-l' }, `Cancel the ${humanise(conference.kind).toLowerCase()} conference on ${formatDateTime(conference.scheduledStart)}?`),
    form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api.post(`/conferences/${id}/cancel`, { reason: form.reason.value });
      window.location.assign(`/conferences/${id}?cancelled=1`);
    } catch (error) {
      showErrors(form, errorsFrom(error), { reason: 'reason', body: 'reason' });
    }
  });
}
