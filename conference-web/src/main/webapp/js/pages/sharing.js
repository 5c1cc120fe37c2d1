// "Who can see your information": the family's choices for each agency (told in plain words what
// will change before saving), workers' requests to see something (the family answers yes or no),
// and the times a worker shared against the family's wishes (with their reason and an end date).
// Workers ask here, record an override, or renew one; a chair can hold an entry back for a while.
import { api, requireCaller } from '../api.js';
import { formatDate, formatDateTime, h, param, replaceChildren } from '../dom.js';
import { dateInput, dateValue } from '../fields.js';
import { clearErrors, errorsFrom, showErrors } from '../forms.js';
import { renderLayout } from '../layout.js';
import { problemBox, recordNav } from './record-nav.js';

const KINDS = [['DETAILS', 'Your details'], ['CONTACTS', 'Contacts with agencies'], ['PLAN', 'Your plan'],
  ['CONFERENCE_RECORDS', 'Meeting records'], ['REPORTS', 'Reports']];
const STAFF_KINDS = [['DETAILS', 'Their details'], ['CONTACTS', 'Contacts with agencies'], ['PLAN', 'Their plan'],
  ['CONFERENCE_RECORDS', 'Conference records'], ['REPORTS', 'Reports']];
/** What a worker asked to see, in a worker's words ("your details" is how the family reads it). */
const STAFF_WHAT = { DETAILS: 'the family\'s details', CONTACTS: 'the contacts with agencies', PLAN: 'the family\'s plan',
  CONFERENCE_RECORDS: 'the conference records', REPORTS: 'the reports' };
const CHOICES = [['SHARE', 'Share'], ['ASK_FIRST', 'Ask me first'], ['DO_NOT_SHARE', 'Do not share']];
const BASES = [['CHILD_AT_RISK', 'A child may be at risk of harm'], ['ADULT_AT_RISK', 'An adult may be at risk'],
  ['STATUTORY_DUTY', 'A duty in law'], ['PREVENTING_CRIME', 'To prevent or detect a crime'], ['VITAL_INTERESTS', 'Someone\'s life is at risk']];
const HOW_LONG = [['7', 'One week'], ['30', 'One month'], ['90', 'Three months'], ['182', 'Six months']];

function select(id, options, value) {
  return h('select', { class: 'govuk-select', id, name: id }, options.map(([v, l]) => h('option', { value: v, selected: v === value }, l)));
}

function labelled(id, label, control, hint) {
  return h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: id }, label),
    hint ? h('div', { class: 'govuk-hint', id: `${id}-hint` }, hint) : null, control);
}

/** The last day a yes or an override still shares: the day before the date it ends on. */
function lastDay(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d - 1));
  return formatDate(day.toISOString().slice(0, 10));
}

function howLong(days) {
  const found = HOW_LONG.find(([v]) => Number(v) === days);
  return found ? found[1].toLowerCase() : `${days} days`;
}

/** What a request came to, in the words of the person reading. */
function requestOutcome(r, isFamily) {
  if (r.status === 'WAITING') return isFamily ? `Please answer by ${formatDate(r.answerBy)}.` : 'Waiting for the family\'s answer.';
  if (r.status === 'YES') return `${isFamily ? 'You said yes' : `${r.answeredByName} said yes`}. They can see it until ${lastDay(r.sharedUntil)}.`;
  if (r.status === 'NO') return isFamily ? 'You said no.' : `${r.answeredByName} said no.`;
  return isFamily ? 'You did not answer in time, so it was not shared.' : 'The family did not answer in time.';
}

const TAG = { WAITING: ['Waiting', 'govuk-tag--yellow'], YES: ['Yes', 'govuk-tag--green'], NO: ['No', 'govuk-tag--red'],
  EXPIRED: ['Ended', 'govuk-tag--grey'] };

export async function render(main, { id }) {
  const caller = await requireCaller();
  const isFamily = caller.kind === 'FAMILY_MEMBER';
  const isStaff = caller.kind === 'STAFF';
  renderLayout({ title: isFamily ? 'Who can see your information' : 'Sharing', caller });
  const notice = h('div', { 'aria-live': 'polite', id: 'notice' });
  const summary = h('div', { id: 'error-summary' });

  async function draw(message, error) {
    const view = await api.get(`/families/${id}/sharing`);
    // A redraw follows a change that worked (or shows its own problem): earlier field errors are gone.
    replaceChildren(summary);
    replaceChildren(notice, error ? problemBox(error) : message ? h('div', { class: 'govuk-inset-text' }, message) : null);
    const waiting = view.requests.filter((r) => r.status === 'WAITING');
    const done = view.requests.filter((r) => r.status !== 'WAITING');

    replaceChildren(main,
      recordNav(id, caller, `/families/${id}/sharing`),
      summary,
      h('h1', { class: 'govuk-heading-l' }, isFamily ? 'Who can see your information' : 'Sharing'),
      isFamily ? h('p', { class: 'govuk-body' }, 'Choose what each service can see. '
        + 'Sometimes a worker must look anyway, for example to keep a child safe. You will see it below, with their reason.') : null,
      notice,
      isFamily && waiting.length ? waitingSection(waiting) : null,
      h('h2', { class: 'govuk-heading-m' }, isFamily ? 'Your choices' : 'The family\'s choices'),
      h('div', { id: 'preferences' }, view.agencies.map((a) => preferenceForm(a))),
      isStaff ? askSection(view) : null,
      isFamily && done.length ? answersSection(done) : null,
      h('h2', { class: 'govuk-heading-m' }, isFamily ? 'When your wishes were overruled' : 'Overrides'),
      view.entriesWithheld ? h('p', { class: 'govuk-body' }, 'Some of this is not shown yet, to keep someone safe. You will see it later.') : null,
      ledger(view),
      isStaff ? overrideForm() : null);
    const asked = param('request');
    const card = asked && main.querySelector(`[data-request="${asked}"]`);
    if (card && !message && !error) card.scrollIntoView();
  }

  // ---- The family answers workers' requests ----

  function waitingSection(waiting) {
    return h('section', { id: 'requests-waiting' },
      h('h2', { class: 'govuk-heading-m' }, 'Waiting for your answer'),
      waiting.map((r) => h('div', { class: 'app-card', 'data-request': r.id },
        h('p', { class: 'govuk-body' }, h('strong', {}, `${r.requestedByName} from ${r.agencyName}`), ` asks to see ${r.what}.`),
        h('p', { class: 'govuk-body' }, `Why: ${r.reason}`),
        h('p', { class: 'govuk-body' }, `For ${howLong(r.days)}. ${requestOutcome(r, true)}`),
        h('div', { class: 'govuk-button-group' },
          h('button', { type: 'button', class: 'govuk-button', id: `yes-${r.id}`, onclick: () => answer(r, true) }, 'Yes, share it'),
          h('button', { type: 'button', class: 'govuk-button govuk-button--secondary', id: `no-${r.id}`, onclick: () => answer(r, false) },
            'No, do not share')))));
  }

  async function answer(request, share) {
    try {
      await api.post(`/families/${id}/sharing/requests/${request.id}/answer`, { share });
      await draw(share ? `You said yes. ${request.agencyName} can see ${request.what} for ${howLong(request.days)}.`
        : `You said no. ${request.agencyName} will not see ${request.what}.`);
    } catch (error) {
      await draw(null, error);
    }
  }

  function answersSection(done) {
    return h('section', {},
      h('h2', { class: 'govuk-heading-m' }, 'Your answers to requests'),
      h('ul', { class: 'govuk-list govuk-list--spaced', id: 'answers' }, done.map((r) => h('li', { class: 'app-card', 'data-request': r.id },
        h('p', { class: 'govuk-body' }, h('strong', {}, `${formatDateTime(r.requestedAt)}: `),
          `${r.requestedByName} from ${r.agencyName} asked to see ${r.what}.`),
        h('p', { class: 'govuk-body' }, `Why: ${r.reason}`),
        h('p', { class: 'govuk-body' }, requestOutcome(r, true))))));
  }

  // ---- The family's choices, checked in plain words before saving ----

  function preferenceForm(a) {
    const check = h('div', { 'aria-live': 'polite' });
    const form = h('form', { class: 'app-card', novalidate: true, 'data-agency': a.agencyId },
      h('h3', { class: 'govuk-heading-s' }, a.agencyName),
      KINDS.map(([kind, label]) => {
        const selectId = `pref-${a.agencyId}-${kind}`;
        return isFamily ? labelled(selectId, label, select(selectId, CHOICES, a.preferences[kind]))
          : h('div', { class: 'govuk-form-group' }, h('p', { class: 'govuk-body', id: selectId },
            `${STAFF_KINDS.find(([k]) => k === kind)[1]}: ${CHOICES.find(([v]) => v === a.preferences[kind])[1]}`));
      }),
      check,
      isFamily ? h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary' }, `Save for ${a.agencyName}`) : null);
    const changes = () => KINDS.map(([kind]) => [kind, form.querySelector(`#pref-${a.agencyId}-${kind}`).value])
      .filter(([kind, chosen]) => chosen !== a.preferences[kind]);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const changed = changes();
      if (changed.length === 0) {
        replaceChildren(check, h('p', { class: 'govuk-body' }, 'You have not changed anything.'));
        return;
      }
      try {
        const sentences = [];
        for (const [kind, chosen] of changed) {
          const query = new URLSearchParams({ agencyId: a.agencyId, kind, preference: chosen });
          sentences.push(...(await api.get(`/families/${id}/sharing/preview?${query}`)).sentences);
        }
        // Each changed choice brings its own sentences; one about the coming meeting would come once per choice.
        // Kept once, where it came last, so it follows what it is about.
        const once = sentences.filter((s, i) => sentences.lastIndexOf(s) === i);
        replaceChildren(check, h('div', { class: 'govuk-warning-text app-preview', id: 'preview' },
          h('h4', { class: 'govuk-heading-s' }, 'Check before you save'),
          h('ul', { class: 'govuk-list govuk-list--bullet', id: 'preview-sentences' }, once.map((s) => h('li', {}, s))),
          h('div', { class: 'govuk-button-group' },
            h('button', { type: 'button', class: 'govuk-button', id: 'confirm-save', onclick: () => save(changed) }, 'Save these choices'),
            h('button', { type: 'button', class: 'govuk-button govuk-button--secondary', id: 'cancel-save',
              onclick: () => draw(null) }, 'Cancel'))));
        check.querySelector('#confirm-save').focus();
      } catch (error) {
        await draw(null, error);
      }
    });

    async function save(changed) {
      try {
        for (const [kind, preference] of changed) {
          await api.put(`/families/${id}/sharing/preferences`, { agencyId: a.agencyId, kind, preference });
        }
        await draw(`Saved. ${a.agencyName} now sees only what you share.`);
      } catch (error) {
        await draw(null, error);
      }
    }
    return form;
  }

  // ---- Workers ask first ----

  function askSection(view) {
    const mine = view.requests.filter((r) => r.agencyId === caller.agencyId);
    const reason = h('textarea', { class: 'govuk-textarea', id: 'ask-reason', name: 'ask-reason', rows: '3', 'aria-describedby': 'ask-reason-hint' });
    const form = h('form', { id: 'ask-form', novalidate: true },
      labelled('ask-kind', 'What you need to see', select('ask-kind', STAFF_KINDS, 'PLAN')),
      labelled('ask-reason', 'Why you need it', reason, 'The family will read this. Use short, plain words.'),
      labelled('ask-days', 'For how long', select('ask-days', HOW_LONG, '30')),
      h('button', { type: 'submit', class: 'govuk-button', id: 'ask' }, 'Send the request'));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(form);
      try {
        await api.post(`/families/${id}/sharing/requests`, {
          kind: form.querySelector('#ask-kind').value, reason: reason.value, days: Number(form.querySelector('#ask-days').value),
        });
        await draw('Request sent. The family has been emailed. You will see their answer here.');
      } catch (error) {
        showErrors(form, errorsFrom(error), { kind: 'ask-kind', reason: 'ask-reason', days: 'ask-days' });
      }
    });
    return h('section', {},
      h('h2', { class: 'govuk-heading-m' }, 'Ask the family'),
      h('p', { class: 'govuk-body' }, 'If something is not shared with your agency, ask the family. They answer yes or no.'),
      mine.length ? h('ul', { class: 'govuk-list govuk-list--spaced', id: 'requests' }, mine.map((r) => h('li', { class: 'app-card', 'data-request': r.id },
        h('p', { class: 'govuk-body' }, h('strong', { class: `govuk-tag ${TAG[r.status][1]}` }, TAG[r.status][0]), ' ',
          `${r.requestedByName} asked to see ${STAFF_WHAT[r.kind] || r.what} for ${howLong(r.days)} on ${formatDateTime(r.requestedAt)}.`),
        h('p', { class: 'govuk-body' }, requestOutcome(r, false))))) : null,
      form);
  }

  // ---- The ledger of overrides ----

  function ledger(view) {
    if (view.ledger.length === 0) {
      return h('p', { class: 'govuk-body' }, isFamily ? 'No worker has shared your information against your wishes.' : 'No overrides recorded.');
    }
    return h('ul', { class: 'govuk-list govuk-list--spaced', id: 'ledger' }, view.ledger.map((e) => h('li', { class: 'app-card', 'data-entry': e.id },
      h('p', { class: 'govuk-body govuk-!-margin-bottom-1' }, h('strong', {}, formatDateTime(e.decidedAt))),
      h('p', { class: 'govuk-body' }, `${e.decidedByName} at ${e.agencyName} looked at ${e.what}, though you asked them not to.`),
      h('p', { class: 'govuk-body' }, `Why: ${e.reason}`),
      h('p', { class: 'govuk-body-s' }, `The reason in law: ${BASES.find(([v]) => v === e.lawfulBasis)[1]}.`),
      h('p', { class: 'govuk-body-s app-ends' }, e.renewed ? 'A worker renewed this. See the newer entry.'
        : e.inForce ? `This ends on ${formatDate(e.reviewOn)} unless a worker renews it.` : `This ended on ${formatDate(e.reviewOn)}.`),
      !isFamily && e.restrictionReviewOn ? h('p', { class: 'govuk-body-s' },
        `Not shown to the family until ${formatDate(e.restrictionReviewOn)} (${e.restrictionReason}, ${e.restrictedByName}).`) : null,
      isStaff && e.agencyId === caller.agencyId && !e.renewed ? renewForm(e) : null,
      isStaff && caller.roles.includes('CHAIR') ? restrictForm(e) : null)));
  }

  function overrideForm() {
    const kind = select('override-kind', STAFF_KINDS, 'PLAN');
    const basis = select('override-basis', BASES, 'CHILD_AT_RISK');
    const reason = h('textarea', { class: 'govuk-textarea', id: 'override-reason', name: 'override-reason', rows: '3' });
    const form = h('form', { id: 'override-form', novalidate: true },
      labelled('override-kind', 'What you need to see', kind),
      labelled('override-basis', 'Lawful basis', basis),
      labelled('override-reason', 'Your reason (the family will read it)', reason),
      dateInput({ id: 'override-review', legend: 'Review date', hint: 'The override ends on this day unless you renew it. For example, 27 3 2027' }),
      h('button', { type: 'submit', class: 'govuk-button govuk-button--warning', id: 'override' }, 'Record the override'));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const reviewOn = dateValue(form, 'override-review');
      if (reviewOn === null) {
        showErrors(form, [{ field: 'reviewOn', message: 'Enter the review date as a real date, for example 27 3 2027' }], { reviewOn: 'override-review' });
        return;
      }
      try {
        await api.post(`/families/${id}/sharing/overrides`, { kind: kind.value, lawfulBasis: basis.value, reason: reason.value, reviewOn: reviewOn || null });
        await draw('Override recorded. The family has been emailed, with your reason.');
      } catch (error) {
        showErrors(form, errorsFrom(error), { kind: 'override-kind', lawfulBasis: 'override-basis', reason: 'override-reason', reviewOn: 'override-review' });
      }
    });
    return h('section', {}, h('h2', { class: 'govuk-heading-m' }, 'Share against the family\'s wishes'),
      h('p', { class: 'govuk-body' }, 'Only when the law allows it. Say why in words the family will understand.'), form);
  }

  function renewForm(entry) {
    const prefix = `renew-${entry.id}`;
    const reason = h('textarea', { class: 'govuk-textarea', id: `${prefix}-reason`, name: `${prefix}-reason`, rows: '2' });
    const basis = select(`${prefix}-basis`, BASES, entry.lawfulBasis);
    const form = h('form', { novalidate: true, class: 'app-renew' },
      labelled(`${prefix}-basis`, 'Lawful basis', basis),
      labelled(`${prefix}-reason`, 'Your new reason (the family will read it)', reason),
      dateInput({ id: `${prefix}-review`, legend: 'New review date' }),
      h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary', id: `${prefix}-button` }, 'Renew'));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const reviewOn = dateValue(form, `${prefix}-review`);
      const fields = { lawfulBasis: `${prefix}-basis`, reason: `${prefix}-reason`, reviewOn: `${prefix}-review` };
      if (reviewOn === null) {
        showErrors(form, [{ field: 'reviewOn', message: 'Enter the review date as a real date, for example 27 3 2027' }], fields);
        return;
      }
      try {
        await api.post(`/families/${id}/sharing/decisions/${entry.id}/renewal`, { lawfulBasis: basis.value, reason: reason.value, reviewOn: reviewOn || null });
        await draw('Override renewed. The family has been emailed, with your new reason.');
      } catch (error) {
        showErrors(form, errorsFrom(error), fields);
      }
    });
    return h('details', { class: 'govuk-details' }, h('summary', { class: 'govuk-details__summary' },
      h('span', { class: 'govuk-details__summary-text' }, entry.inForce ? 'Renew this override' : 'Renew this override (it has ended)')),
    h('div', { class: 'govuk-details__text' }, form));
  }

  function restrictForm(entry) {
    const reason = h('input', { class: 'govuk-input', id: `restrict-reason-${entry.id}`, type: 'text' });
    const date = h('input', { class: 'govuk-input govuk-input--width-10', id: `restrict-date-${entry.id}`, type: 'date' });
    const form = h('form', { novalidate: true },
      labelled(`restrict-reason-${entry.id}`, 'Why telling the family now would put someone at risk', reason),
      labelled(`restrict-date-${entry.id}`, 'Review date', date),
      h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary' }, entry.restrictionReviewOn ? 'Renew' : 'Hold back'));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        await api.put(`/families/${id}/sharing/decisions/${entry.id}/restriction`, { reason: reason.value, reviewOn: date.value || null });
        await draw('Held back from the family until the review date.');
      } catch (error) {
        await draw(null, error);
      }
    });
    return h('details', { class: 'govuk-details' }, h('summary', { class: 'govuk-details__summary' },
      h('span', { class: 'govuk-details__summary-text' }, 'Hold back from the family for now')), h('div', { class: 'govuk-details__text' }, form));
  }

  await draw(null);
}
