// "Who can see your information": the family's choices for each agency, and the times a worker
// shared against them (with their reason). Workers record an override here; a chair can hold an
// entry back from the family for a while, with a reason and a date to look again.
import { api, requireCaller } from '../api.js';
import { formatDate, formatDateTime, h, replaceChildren } from '../dom.js';
import { renderLayout } from '../layout.js';
import { problemBox, recordNav } from './record-nav.js';

const KINDS = [['DETAILS', 'Your details'], ['CONTACTS', 'Contacts with agencies'], ['PLAN', 'Your plan'],
  ['CONFERENCE_RECORDS', 'Conference records'], ['REPORTS', 'Reports']];
const CHOICES = [['SHARE', 'Share'], ['ASK_FIRST', 'Ask me first'], ['DO_NOT_SHARE', 'Do not share']];
const BASES = [['CHILD_AT_RISK', 'A child may be at risk of harm'], ['ADULT_AT_RISK', 'An adult may be at risk'],
  ['STATUTORY_DUTY', 'A duty in law'], ['PREVENTING_CRIME', 'To prevent or detect a crime'], ['VITAL_INTERESTS', 'Someone\'s life is at risk']];

function select(id, options, value) {
  return h('select', { class: 'govuk-select', id }, options.map(([v, l]) => h('option', { value: v, selected: v === value }, l)));
}

export async function render(main, { id }) {
  const caller = await requireCaller();
  const isFamily = caller.kind === 'FAMILY_MEMBER';
  renderLayout({ title: isFamily ? 'Who can see your information' : 'Sharing', caller });
  const notice = h('div', { 'aria-live': 'polite' });

  async function draw(message, error) {
    const view = await api.get(`/families/${id}/sharing`);
    replaceChildren(notice, error ? problemBox(error) : message ? h('div', { class: 'govuk-inset-text' }, message) : null);

    const agencies = view.agencies.map((a) => {
      const form = h('form', { class: 'app-card', novalidate: true, 'data-agency': a.agencyId },
        h('h3', { class: 'govuk-heading-s' }, a.agencyName),
        KINDS.map(([kind, label]) => {
          const selectId = `pref-${a.agencyId}-${kind}`;
          return h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: selectId }, label),
            isFamily ? select(selectId, CHOICES, a.preferences[kind])
              : h('p', { class: 'govuk-body', id: selectId }, CHOICES.find(([v]) => v === a.preferences[kind])[1]));
        }),
        isFamily ? h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary' }, `Save for ${a.agencyName}`) : null);
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        try {
          for (const [kind] of KINDS) {
            const chosen = form.querySelector(`#pref-${a.agencyId}-${kind}`).value;
            if (chosen !== a.preferences[kind]) {
              await api.put(`/families/${id}/sharing/preferences`, { agencyId: a.agencyId, kind, preference: chosen });
            }
          }
          await draw(`Saved. ${a.agencyName} now sees only what you share.`);
        } catch (error) {
          await draw(null, error);
        }
      });
      return form;
    });

    const ledger = view.ledger.length === 0 ? h('p', { class: 'govuk-body' }, isFamily
      ? 'No worker has shared your information against your wishes.' : 'No overrides recorded.')
      : h('ul', { class: 'govuk-list govuk-list--spaced', id: 'ledger' }, view.ledger.map((e) => h('li', { class: 'app-card' },
        h('p', { class: 'govuk-body' }, h('strong', {}, `${formatDateTime(e.decidedAt)}: `),
          `${e.decidedByName} at ${e.agencyName} looked at ${e.what} even though you asked them not to.`),
        h('p', { class: 'govuk-body' }, `Why: ${e.reason}`),
        h('p', { class: 'govuk-body-s' }, `The reason in law: ${BASES.find(([v]) => v === e.lawfulBasis)[1]}.`),
        !isFamily && e.restrictionReviewOn ? h('p', { class: 'govuk-body-s' },
          `Not shown to the family until ${formatDate(e.restrictionReviewOn)} (${e.restrictionReason}, ${e.restrictedByName}).`) : null,
        !isFamily && caller.roles.includes('CHAIR') ? restrictForm(e) : null)));

    replaceChildren(main,
      recordNav(id, caller, `/families/${id}/sharing`),
      h('h1', { class: 'govuk-heading-l' }, isFamily ? 'Who can see your information' : 'Sharing'),
      isFamily ? h('p', { class: 'govuk-body' }, 'Choose what each service can see. Sometimes a worker must look anyway, '
        + 'for example to keep a child safe. If that happens, you will see it below, with their reason.') : null,
      notice,
      h('h2', { class: 'govuk-heading-m' }, isFamily ? 'Your choices' : 'The family\'s choices'),
      h('div', { id: 'preferences' }, agencies),
      h('h2', { class: 'govuk-heading-m' }, isFamily ? 'When your wishes were overruled' : 'Overrides'),
      view.entriesWithheld ? h('p', { class: 'govuk-body' }, 'Some of this is not shown yet, to keep someone safe. You will see it later.') : null,
      ledger,
      caller.kind === 'STAFF' ? overrideForm() : null);
  }

  function overrideForm() {
    const errors = h('div', { 'aria-live': 'assertive' });
    const kind = select('override-kind', KINDS, 'PLAN');
    const basis = select('override-basis', BASES, 'CHILD_AT_RISK');
    const reason = h('textarea', { class: 'govuk-textarea', id: 'override-reason', rows: '3' });
    const form = h('form', { id: 'override-form', novalidate: true }, errors,
      h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: 'override-kind' }, 'What you need to see'), kind),
      h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: 'override-basis' }, 'Lawful basis'), basis),
      h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: 'override-reason' }, 'Your reason (the family will read it)'), reason),
      h('button', { type: 'submit', class: 'govuk-button govuk-button--warning', id: 'override' }, 'Record the override'));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        await api.post(`/families/${id}/sharing/overrides`, { kind: kind.value, lawfulBasis: basis.value, reason: reason.value });
        await draw('Override recorded. The family will see it, with your reason.');
      } catch (error) {
        replaceChildren(errors, problemBox(error));
        errors.firstElementChild.focus();
      }
    });
    return h('section', {}, h('h2', { class: 'govuk-heading-m' }, 'Share against the family\'s wishes'),
      h('p', { class: 'govuk-body' }, 'Only when the law allows it. Say why in words the family will understand.'), form);
  }

  function restrictForm(entry) {
    const reason = h('input', { class: 'govuk-input', id: `restrict-reason-${entry.id}`, type: 'text' });
    const date = h('input', { class: 'govuk-input govuk-input--width-10', id: `restrict-date-${entry.id}`, type: 'date' });
    const form = h('form', { novalidate: true },
      h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: `restrict-reason-${entry.id}` },
        'Why telling the family now would put someone at risk'), reason),
      h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: `restrict-date-${entry.id}` }, 'Review date'), date),
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
