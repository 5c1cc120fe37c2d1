// The conference's actions: each owner signs what they own to say they will do it, the family says whether it
// agrees (in its own words when it does not), professionals may record dissent, and the chair
// closes the conference, which freezes its record.
import { api } from '../api.js';
import { formatDate, formatDateTime, h, replaceChildren } from '../dom.js';

function problem(error) {
  return h('div', { class: 'govuk-error-summary', tabindex: '-1', role: 'alert' },
    h('h2', { class: 'govuk-error-summary__title' }, 'There is a problem'),
    h('div', { class: 'govuk-error-summary__body' }, h('p', { class: 'govuk-body' }, error.message)));
}

function done(text) {
  return h('div', { class: 'govuk-inset-text' }, text);
}

function stateOf(action) {
  if (action.state === 'SIGNED') {
    return [h('strong', { class: 'govuk-tag govuk-tag--green' }, 'Signed'), ` by ${action.signedBy}, ${formatDateTime(action.signedAt)}`];
  }
  if (action.state === 'NEEDS_NEW_SIGNATURE') {
    return [h('strong', { class: 'govuk-tag govuk-tag--orange' }, 'Needs signing again'),
      ` ${action.voidReason || 'It changed after it was signed'}.`];
  }
  return [h('strong', { class: 'govuk-tag govuk-tag--grey' }, 'Not signed yet')];
}

export async function signOffSection(conference, caller) {
  const section = h('section', { id: 'sign-off', 'aria-labelledby': 'sign-off-heading' });
  const notice = h('div', { 'aria-live': 'polite' });

  async function sign(action, button) {
    button.disabled = true;
    try {
      await api.post(`/conferences/${conference.id}/signatures`, { actionId: action.actionId, contentHash: action.contentHash });
      await draw(done(`You signed to say you will do this: ${action.description}`));
    } catch (error) {
      await draw(problem(error));
    }
  }

  async function draw(message) {
    let view;
    try {
      view = await api.get(`/conferences/${conference.id}/sign-off`);
    } catch (error) {
      if (error.status !== 403) throw error;
      replaceChildren(section, h('h2', { class: 'govuk-heading-m', id: 'sign-off-heading' }, 'Who will do each action'),
        h('p', { class: 'govuk-body' }, error.message));
      return;
    }
    replaceChildren(notice, message);
    replaceChildren(section,
      h('h2', { class: 'govuk-heading-m', id: 'sign-off-heading' }, 'Who will do each action'),
      h('p', { class: 'govuk-body' }, 'Whoever does an action signs it to say they will do it. '
        + 'If the action changes after that, they sign it again.'),
      notice,
      view.actions.some((a) => !a.goalTitle) ? h('p', { class: 'govuk-inset-text', id: 'sign-off-own-only' },
        'Not shared with your agency. You see and sign only the actions your agency owns.') : null,
      view.actions.length === 0 ? h('p', { class: 'govuk-body' }, 'The plan has no actions yet.')
        : h('ul', { class: 'govuk-list govuk-list--spaced', id: 'sign-off-actions' }, view.actions.map((a) => {
          const button = a.canSign ? h('button', {
            type: 'button', class: 'govuk-button govuk-!-margin-bottom-0', 'data-action': a.actionId,
            'aria-label': `Sign to say you will do this: ${a.description}`,
          }, 'Sign to say I will do it') : null;
          if (button) button.addEventListener('click', () => sign(a, button));
          return h('li', { class: 'app-card', 'data-action': a.actionId },
            h('span', { class: 'govuk-caption-s' }, a.goalTitle || 'Goal not shared with your agency'), h('br'),
            h('span', { class: 'govuk-!-font-weight-bold' }, a.description), h('br'),
            `Who: ${a.ownerName}. By: ${a.dueOn ? formatDate(a.dueOn) : 'no date'}.`, h('br'),
            h('span', { class: 'app-sign-off-state' }, stateOf(a)), button ? h('br') : null, button);
        })));
  }
  await draw(null);
  return section;
}

// Whose views they are: the member an advocate wrote them for, else the author.
const SAID = {
  AGREES: (s) => `${s.forMemberName || s.authorName} agrees with the plan.`,
  DISAGREES: (s) => `${s.forMemberName || s.authorName} does not agree with the plan.`,
  PROFESSIONAL_DISSENT: (s) => `${s.authorName}${s.agencyName ? ` (${s.agencyName})` : ''} disagrees with the decision.`,
};

/**
 * The family says what it thinks; the advocate may write it for someone in the family (named,
 * and shown as written by the advocate). `replacing` is a statement written for the caller that
 * these words replace.
 */
function familyForm(conference, caller, members, onSaved, replacing) {
  const agree = h('input', { class: 'govuk-radios__input', id: 'view-agree', name: 'stance', type: 'radio', value: 'AGREES',
    checked: replacing?.stance === 'AGREES' });
  const disagree = h('input', { class: 'govuk-radios__input', id: 'view-disagree', name: 'stance', type: 'radio', value: 'DISAGREES',
    checked: replacing?.stance === 'DISAGREES' });
  const words = h('textarea', { class: 'govuk-textarea', id: 'view-words', name: 'words', rows: '4', 'aria-describedby': 'view-words-hint' },
    replacing?.words || '');
  const forWhom = caller.kind === 'ADVOCATE' ? h('select', { class: 'govuk-select', id: 'view-for', name: 'forMemberId' },
    h('option', { value: '' }, 'My own views, as the advocate'),
    members.map((m) => h('option', { value: m.id }, m.fullName))) : null;
  const errors = h('div', { 'aria-live': 'assertive' });
  const form = h('form', { id: 'family-view', novalidate: true }, errors,
    replacing ? h('p', { class: 'govuk-body', id: 'replacing' }, `You are changing the views ${replacing.writtenBy ? `written by ${replacing.writtenBy}` : 'recorded before'}. `
      + 'What you save here takes their place.') : null,
    forWhom ? h('div', { class: 'govuk-form-group' },
      h('label', { class: 'govuk-label', for: 'view-for' }, 'Whose views are you writing?'),
      h('div', { class: 'govuk-hint' }, 'If you write them for someone, everyone sees that you wrote them. They can change or withdraw them.'),
      forWhom) : null,
    h('div', { class: 'govuk-form-group' }, h('fieldset', { class: 'govuk-fieldset' },
      h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, forWhom ? 'Do they agree with the plan?' : 'Do you agree with the plan?'),
      h('div', { class: 'govuk-radios', 'data-module': 'govuk-radios' },
        h('div', { class: 'govuk-radios__item' }, agree, h('label', { class: 'govuk-label govuk-radios__label', for: 'view-agree' }, forWhom ? 'Yes, they agree' : 'Yes, I agree')),
        h('div', { class: 'govuk-radios__item' }, disagree, h('label', { class: 'govuk-label govuk-radios__label', for: 'view-disagree' }, forWhom ? 'No, they do not agree' : 'No, I do not agree'))))),
    h('div', { class: 'govuk-form-group' },
      h('label', { class: 'govuk-label', for: 'view-words' }, forWhom ? 'What they think, in their own words' : 'Tell us what you think, in your own words'),
      h('div', { class: 'govuk-hint', id: 'view-words-hint' }, forWhom ? 'If they do not agree, say why. Everyone at the conference will see this.' : 'If you do not agree, say why. Everyone at the conference will see this.'),
      words),
    h('button', { type: 'submit', class: 'govuk-button', id: 'save-view' }, forWhom ? 'Save these views' : 'Save what I think'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const stance = agree.checked ? 'AGREES' : disagree.checked ? 'DISAGREES' : null;
    if (!stance) {
      replaceChildren(errors, problem({ message: 'Choose yes or no.' }));
      return;
    }
    try {
      await api.post(`/conferences/${conference.id}/statements`, { stance, words: words.value,
        forMemberId: forWhom && forWhom.value ? forWhom.value : null, replaces: replacing ? replacing.id : null });
      await onSaved(forWhom ? 'Thank you. These views are now part of the conference record.' : 'Thank you. What you think is now part of the conference record.');
    } catch (error) {
      replaceChildren(errors, problem(error));
      errors.firstElementChild.focus();
    }
  });
  return form;
}

/** One statement as everyone reads it; the person it speaks for may change or withdraw it. */
function statementItem(s, conference, caller, open, onChange, onSaved) {
  const mine = open && !s.withdrawnAt && s.forMemberId && s.forMemberId === caller.id;
  const change = mine ? h('button', { type: 'button', class: 'govuk-button govuk-button--secondary', 'data-change': s.id }, 'Change them') : null;
  const withdraw = mine ? h('button', { type: 'button', class: 'govuk-button govuk-button--warning', 'data-withdraw': s.id }, 'Withdraw them') : null;
  if (change) change.addEventListener('click', () => onChange(s));
  if (withdraw) {
    withdraw.addEventListener('click', async () => {
      await api.post(`/conferences/${conference.id}/statements/${s.id}/withdrawal`, null);
      await onSaved('Withdrawn. These views are no longer part of the conference record.');
    });
  }
  return h('li', { 'data-statement': s.id },
    h('span', { class: 'govuk-!-font-weight-bold' }, SAID[s.stance](s)),
    s.words ? h('span', {}, ` “${s.words}”`) : null,
    s.writtenBy ? h('span', { class: 'govuk-body-s app-written-by' }, h('br'), `Written by ${s.writtenBy}.`) : null,
    s.withdrawnAt ? h('span', { class: 'govuk-body-s' }, h('br'), h('strong', { class: 'govuk-tag govuk-tag--grey' }, 'Withdrawn'),
      ` by ${s.withdrawnByName}, ${formatDateTime(s.withdrawnAt)}.`) : null,
    mine ? h('div', { class: 'govuk-button-group' }, change, withdraw) : null);
}

function dissentForm(conference, onSaved) {
  const words = h('textarea', { class: 'govuk-textarea', id: 'dissent-words', name: 'words', rows: '4' });
  const errors = h('div', { 'aria-live': 'assertive' });
  const form = h('form', { id: 'dissent', novalidate: true }, errors,
    h('div', { class: 'govuk-form-group' },
      h('label', { class: 'govuk-label', for: 'dissent-words' }, 'Why you disagree with the decision'), words),
    h('button', { type: 'submit', class: 'govuk-button govuk-button--warning', id: 'record-dissent' }, 'Record my dissent'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api.post(`/conferences/${conference.id}/statements`, { stance: 'PROFESSIONAL_DISSENT', words: words.value });
      await onSaved('Your dissent is recorded in the conference record.');
    } catch (error) {
      replaceChildren(errors, problem(error));
      errors.firstElementChild.focus();
    }
  });
  return h('details', { class: 'govuk-details' },
    h('summary', { class: 'govuk-details__summary' }, h('span', { class: 'govuk-details__summary-text' }, 'Record professional dissent')),
    h('div', { class: 'govuk-details__text' }, form));
}

export async function viewsSection(conference, caller) {
  const section = h('section', { id: 'views', 'aria-labelledby': 'views-heading' });
  const members = caller.kind === 'ADVOCATE'
    ? (await api.get(`/families/${conference.familyId}/members`)).filter((m) => !m.leftOn) : [];
  async function draw(message, replacing) {
    let said;
    try {
      said = await api.get(`/conferences/${conference.id}/statements`);
    } catch (error) {
      if (error.status !== 403) throw error;
      replaceChildren(section, h('h2', { class: 'govuk-heading-m', id: 'views-heading' }, 'What people think of the plan'),
        h('p', { class: 'govuk-body' }, error.message));
      return;
    }
    const open = conference.status !== 'CLOSED';
    const form = open && caller.kind !== 'STAFF' ? familyForm(conference, caller, members, draw, replacing) : null;
    replaceChildren(section,
      h('h2', { class: 'govuk-heading-m', id: 'views-heading' }, 'What people think of the plan'),
      message ? done(message) : null,
      said.length === 0 ? h('p', { class: 'govuk-body' }, 'Nobody has said yet.')
        : h('ul', { class: 'govuk-list govuk-list--spaced', id: 'statements' },
          said.map((s) => statementItem(s, conference, caller, open, (chosen) => draw(null, chosen), draw))),
      form,
      open && caller.kind === 'STAFF' ? dissentForm(conference, draw) : null);
    if (replacing && form) form.querySelector('#view-agree').focus();
  }
  await draw(null);
  return section;
}
