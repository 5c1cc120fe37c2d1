// "Who can see your information": the family's choices for each agency (told in plain words what
// will change before saving), workers' requests to see something (the family answers yes or no),
// and the times a worker shared against the family's wishes (with their reason and an end date).
// Workers ask here, record an override, or renew one; a chair can hold an entry back for a while.
import { api, requireCaller } from '../api.js';
import { formatDate, formatDateTime, h, param, replaceChildren } from '../dom.js';
import { dateInput, dateValue } from '../fields.js';
import { clearErrors, errorsFrom, showErrors } from '../forms.js';
import { t } from '../i18n.js';
import { renderLayout } from '../layout.js';
import { problemBox, recordNav } from './record-nav.js';

// [value, text] lists, made when a page is drawn so that they are in its language.
const KIND_CODES = ['DETAILS', 'CONTACTS', 'PLAN', 'CONFERENCE_RECORDS', 'REPORTS'];
const kinds = () => KIND_CODES.map((k) => [k, t(`sharing.kind.${k}`)]);
const staffKinds = () => KIND_CODES.map((k) => [k, t(`staff.sharing.kind.${k}`)]);
const choices = () => ['SHARE', 'ASK_FIRST', 'DO_NOT_SHARE'].map((c) => [c, t(`sharing.choice.${c}`)]);
const bases = () => ['CHILD_AT_RISK', 'ADULT_AT_RISK', 'STATUTORY_DUTY', 'PREVENTING_CRIME', 'VITAL_INTERESTS']
  .map((b) => [b, t(`sharing.basis.${b}`)]);
const howLongs = () => ['7', '30', '90', '182'].map((d) => [d, t(`sharing.days.${d}`)]);

/** "your plan", in the page's language (the server's words are English). */
const what = (entry) => (KIND_CODES.includes(entry.kind) ? t(`sharing.what.${entry.kind}`) : entry.what);
/** What a worker asked to see, in a worker's words ("your details" is how the family reads it). */
const staffWhat = (entry) => (KIND_CODES.includes(entry.kind) ? t(`staff.sharing.what.${entry.kind}`) : entry.what);

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
  const found = howLongs().find(([v]) => Number(v) === days);
  return found ? found[1].toLowerCase() : t('sharing.daysOther', { days });
}

/** What a request came to, in the words of the person reading. */
function requestOutcome(r, isFamily) {
  if (r.status === 'WAITING') return isFamily ? t('sharing.answerBy', { date: formatDate(r.answerBy) }) : t('staff.sharing.waiting');
  if (r.status === 'YES') {
    return isFamily ? t('sharing.youSaidYesUntil', { date: lastDay(r.sharedUntil) })
      : t('staff.sharing.saidYesUntil', { name: r.answeredByName, date: lastDay(r.sharedUntil) });
  }
  if (r.status === 'NO') return isFamily ? t('sharing.youSaidNo') : t('staff.sharing.saidNo', { name: r.answeredByName });
  return isFamily ? t('sharing.notInTime') : t('staff.sharing.notInTime');
}

const TAG = { WAITING: 'govuk-tag--yellow', YES: 'govuk-tag--green', NO: 'govuk-tag--red', EXPIRED: 'govuk-tag--grey' };

export async function render(main, { id }) {
  const caller = await requireCaller();
  const isFamily = caller.kind === 'FAMILY_MEMBER';
  const isStaff = caller.kind === 'STAFF';
  renderLayout({ title: isFamily ? t('sharing.title') : t('staff.sharing.title'), caller });
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
      h('h1', { class: 'govuk-heading-l' }, isFamily ? t('sharing.title') : t('staff.sharing.title')),
      isFamily ? h('p', { class: 'govuk-body' }, t('sharing.intro')) : null,
      notice,
      isFamily && waiting.length ? waitingSection(waiting) : null,
      h('h2', { class: 'govuk-heading-m' }, isFamily ? t('sharing.yourChoices') : t('staff.sharing.choices')),
      h('div', { id: 'preferences' }, view.agencies.map((a) => preferenceForm(a))),
      isStaff ? askSection(view) : null,
      isFamily && done.length ? answersSection(done) : null,
      h('h2', { class: 'govuk-heading-m' }, isFamily ? t('sharing.overruled') : t('staff.sharing.overrides')),
      view.entriesWithheld ? h('p', { class: 'govuk-body' }, t('sharing.withheld')) : null,
      ledger(view),
      isStaff ? overrideForm() : null);
    const asked = param('request');
    const card = asked && main.querySelector(`[data-request="${asked}"]`);
    if (card && !message && !error) card.scrollIntoView();
  }

  // ---- The family answers workers' requests ----

  function waitingSection(waiting) {
    return h('section', { id: 'requests-waiting' },
      h('h2', { class: 'govuk-heading-m' }, t('sharing.waitingHeading')),
      waiting.map((r) => h('div', { class: 'app-card', 'data-request': r.id },
        h('p', { class: 'govuk-body' }, h('strong', {}, t('sharing.workerFrom', { name: r.requestedByName, agency: r.agencyName })), ' ',
          t('sharing.asksToSee', { what: what(r) })),
        h('p', { class: 'govuk-body' }, t('details.why', { reason: r.reason })),
        h('p', { class: 'govuk-body' }, t('sharing.forHowLong', { time: howLong(r.days) }), ' ', requestOutcome(r, true)),
        h('div', { class: 'govuk-button-group' },
          h('button', { type: 'button', class: 'govuk-button', id: `yes-${r.id}`, onclick: () => answer(r, true) }, t('sharing.yes')),
          h('button', { type: 'button', class: 'govuk-button govuk-button--secondary', id: `no-${r.id}`, onclick: () => answer(r, false) },
            t('sharing.no'))))));
  }

  async function answer(request, share) {
    try {
      await api.post(`/families/${id}/sharing/requests/${request.id}/answer`, { share });
      await draw(share ? t('sharing.saidYes', { agency: request.agencyName, what: what(request), time: howLong(request.days) })
        : t('sharing.saidNo', { agency: request.agencyName, what: what(request) }));
    } catch (error) {
      await draw(null, error);
    }
  }

  function answersSection(done) {
    return h('section', {},
      h('h2', { class: 'govuk-heading-m' }, t('sharing.answersHeading')),
      h('ul', { class: 'govuk-list govuk-list--spaced', id: 'answers' }, done.map((r) => h('li', { class: 'app-card', 'data-request': r.id },
        h('p', { class: 'govuk-body' }, h('strong', {}, `${formatDateTime(r.requestedAt)}:`), ' ',
          t('sharing.askedToSee', { name: r.requestedByName, agency: r.agencyName, what: what(r) })),
        h('p', { class: 'govuk-body' }, t('details.why', { reason: r.reason })),
        h('p', { class: 'govuk-body' }, requestOutcome(r, true))))));
  }

  // ---- The family's choices, checked in plain words before saving ----

  function preferenceForm(a) {
    const check = h('div', { 'aria-live': 'polite' });
    const form = h('form', { class: 'app-card', novalidate: true, 'data-agency': a.agencyId },
      h('h3', { class: 'govuk-heading-s' }, a.agencyName),
      kinds().map(([kind, label]) => {
        const selectId = `pref-${a.agencyId}-${kind}`;
        return isFamily ? labelled(selectId, label, select(selectId, choices(), a.preferences[kind]))
          : h('div', { class: 'govuk-form-group' }, h('p', { class: 'govuk-body', id: selectId },
            `${staffKinds().find(([k]) => k === kind)[1]}: ${choices().find(([v]) => v === a.preferences[kind])[1]}`));
      }),
      check,
      isFamily ? h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary' }, t('sharing.saveFor', { agency: a.agencyName })) : null);
    const changes = () => KIND_CODES.map((kind) => [kind, form.querySelector(`#pref-${a.agencyId}-${kind}`).value])
      .filter(([kind, chosen]) => chosen !== a.preferences[kind]);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const changed = changes();
      if (changed.length === 0) {
        replaceChildren(check, h('p', { class: 'govuk-body' }, t('sharing.nothingChanged')));
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
          h('h4', { class: 'govuk-heading-s' }, t('sharing.checkBeforeSaving')),
          h('ul', { class: 'govuk-list govuk-list--bullet', id: 'preview-sentences' }, once.map((s) => h('li', {}, s))),
          h('div', { class: 'govuk-button-group' },
            h('button', { type: 'button', class: 'govuk-button', id: 'confirm-save', onclick: () => save(changed) }, t('sharing.saveChoices')),
            h('button', { type: 'button', class: 'govuk-button govuk-button--secondary', id: 'cancel-save',
              onclick: () => draw(null) }, t('sharing.cancel')))));
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
        await draw(t('sharing.saved', { agency: a.agencyName }));
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
      labelled('ask-kind', t('staff.sharing.whatToSee'), select('ask-kind', staffKinds(), 'PLAN')),
      labelled('ask-reason', t('staff.sharing.whyNeeded'), reason, t('staff.sharing.whyHint')),
      labelled('ask-days', t('staff.sharing.howLong'), select('ask-days', howLongs(), '30')),
      h('button', { type: 'submit', class: 'govuk-button', id: 'ask' }, t('staff.sharing.send')));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(form);
      try {
        await api.post(`/families/${id}/sharing/requests`, {
          kind: form.querySelector('#ask-kind').value, reason: reason.value, days: Number(form.querySelector('#ask-days').value),
        });
        await draw(t('staff.sharing.sent'));
      } catch (error) {
        showErrors(form, errorsFrom(error), { kind: 'ask-kind', reason: 'ask-reason', days: 'ask-days' });
      }
    });
    return h('section', {},
      h('h2', { class: 'govuk-heading-m' }, t('staff.family.ask')),
      h('p', { class: 'govuk-body' }, t('staff.sharing.askIntro')),
      mine.length ? h('ul', { class: 'govuk-list govuk-list--spaced', id: 'requests' }, mine.map((r) => h('li', { class: 'app-card', 'data-request': r.id },
        h('p', { class: 'govuk-body' }, h('strong', { class: `govuk-tag ${TAG[r.status]}` }, t(`staff.sharing.tag.${r.status}`)), ' ',
          t('staff.sharing.asked', { name: r.requestedByName, what: staffWhat(r), time: howLong(r.days), when: formatDateTime(r.requestedAt) })),
        h('p', { class: 'govuk-body' }, requestOutcome(r, false))))) : null,
      form);
  }

  // ---- The ledger of overrides ----

  function ledger(view) {
    if (view.ledger.length === 0) {
      return h('p', { class: 'govuk-body' }, isFamily ? t('sharing.noOverrides') : t('staff.sharing.noOverrides'));
    }
    return h('ul', { class: 'govuk-list govuk-list--spaced', id: 'ledger' }, view.ledger.map((e) => h('li', { class: 'app-card', 'data-entry': e.id },
      h('p', { class: 'govuk-body govuk-!-margin-bottom-1' }, h('strong', {}, formatDateTime(e.decidedAt))),
      h('p', { class: 'govuk-body' }, t('sharing.lookedAt', { name: e.decidedByName, agency: e.agencyName, what: what(e) })),
      h('p', { class: 'govuk-body' }, t('details.why', { reason: e.reason })),
      h('p', { class: 'govuk-body-s' }, t('sharing.reasonInLaw', { basis: bases().find(([v]) => v === e.lawfulBasis)[1] })),
      h('p', { class: 'govuk-body-s app-ends' }, e.renewed ? t('sharing.renewed')
        : e.inForce ? t('sharing.endsOn', { date: formatDate(e.reviewOn) }) : t('sharing.endedOn', { date: formatDate(e.reviewOn) })),
      !isFamily && e.restrictionReviewOn ? h('p', { class: 'govuk-body-s' },
        t('staff.sharing.heldBack', { date: formatDate(e.restrictionReviewOn), reason: e.restrictionReason, name: e.restrictedByName })) : null,
      isStaff && e.agencyId === caller.agencyId && !e.renewed ? renewForm(e) : null,
      isStaff && caller.roles.includes('CHAIR') ? restrictForm(e) : null)));
  }

  function overrideForm() {
    const kind = select('override-kind', staffKinds(), 'PLAN');
    const basis = select('override-basis', bases(), 'CHILD_AT_RISK');
    const reason = h('textarea', { class: 'govuk-textarea', id: 'override-reason', name: 'override-reason', rows: '3' });
    const form = h('form', { id: 'override-form', novalidate: true },
      labelled('override-kind', t('staff.sharing.whatToSee'), kind),
      labelled('override-basis', t('staff.sharing.lawfulBasis'), basis),
      labelled('override-reason', t('staff.sharing.reason'), reason),
      dateInput({ id: 'override-review', legend: t('staff.sharing.reviewDate'), hint: t('staff.sharing.reviewHint') }),
      h('button', { type: 'submit', class: 'govuk-button govuk-button--warning', id: 'override' }, t('staff.sharing.record')));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const reviewOn = dateValue(form, 'override-review');
      if (reviewOn === null) {
        showErrors(form, [{ field: 'reviewOn', message: t('staff.sharing.realDate') }], { reviewOn: 'override-review' });
        return;
      }
      try {
        await api.post(`/families/${id}/sharing/overrides`, { kind: kind.value, lawfulBasis: basis.value, reason: reason.value, reviewOn: reviewOn || null });
        await draw(t('staff.sharing.recorded'));
      } catch (error) {
        showErrors(form, errorsFrom(error), { kind: 'override-kind', lawfulBasis: 'override-basis', reason: 'override-reason', reviewOn: 'override-review' });
      }
    });
    return h('section', {}, h('h2', { class: 'govuk-heading-m' }, t('staff.sharing.against')),
      h('p', { class: 'govuk-body' }, t('staff.sharing.againstIntro')), form);
  }

  function renewForm(entry) {
    const prefix = `renew-${entry.id}`;
    const reason = h('textarea', { class: 'govuk-textarea', id: `${prefix}-reason`, name: `${prefix}-reason`, rows: '2' });
    const basis = select(`${prefix}-basis`, bases(), entry.lawfulBasis);
    const form = h('form', { novalidate: true, class: 'app-renew' },
      labelled(`${prefix}-basis`, t('staff.sharing.lawfulBasis'), basis),
      labelled(`${prefix}-reason`, t('staff.sharing.newReason'), reason),
      dateInput({ id: `${prefix}-review`, legend: t('staff.sharing.newReviewDate') }),
      h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary', id: `${prefix}-button` }, t('staff.sharing.renew')));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const reviewOn = dateValue(form, `${prefix}-review`);
      const fields = { lawfulBasis: `${prefix}-basis`, reason: `${prefix}-reason`, reviewOn: `${prefix}-review` };
      if (reviewOn === null) {
        showErrors(form, [{ field: 'reviewOn', message: t('staff.sharing.realDate') }], fields);
        return;
      }
      try {
        await api.post(`/families/${id}/sharing/decisions/${entry.id}/renewal`, { lawfulBasis: basis.value, reason: reason.value, reviewOn: reviewOn || null });
        await draw(t('staff.sharing.renewedNotice'));
      } catch (error) {
        showErrors(form, errorsFrom(error), fields);
      }
    });
    return h('details', { class: 'govuk-details' }, h('summary', { class: 'govuk-details__summary' },
      h('span', { class: 'govuk-details__summary-text' }, entry.inForce ? t('staff.sharing.renewThis') : t('staff.sharing.renewEnded'))),
    h('div', { class: 'govuk-details__text' }, form));
  }

  function restrictForm(entry) {
    const reason = h('input', { class: 'govuk-input', id: `restrict-reason-${entry.id}`, type: 'text' });
    const date = h('input', { class: 'govuk-input govuk-input--width-10', id: `restrict-date-${entry.id}`, type: 'date' });
    const form = h('form', { novalidate: true },
      labelled(`restrict-reason-${entry.id}`, t('staff.sharing.restrictWhy'), reason),
      labelled(`restrict-date-${entry.id}`, t('staff.sharing.reviewDate'), date),
      h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary' }, entry.restrictionReviewOn ? t('staff.sharing.renew') : t('staff.sharing.holdBack')));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        await api.put(`/families/${id}/sharing/decisions/${entry.id}/restriction`, { reason: reason.value, reviewOn: date.value || null });
        await draw(t('staff.sharing.heldBackNotice'));
      } catch (error) {
        await draw(null, error);
      }
    });
    return h('details', { class: 'govuk-details' }, h('summary', { class: 'govuk-details__summary' },
      h('span', { class: 'govuk-details__summary-text' }, t('staff.sharing.holdBackSummary'))), h('div', { class: 'govuk-details__text' }, form));
  }

  await draw(null);
}
