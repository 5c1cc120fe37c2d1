// The conference's actions: each owner signs what they own to say they will do it, the family says whether it
// agrees (in its own words when it does not), professionals may record dissent, and the chair
// closes the conference, which freezes its record.
import { api } from '../api.js';
import { formatDate, formatDateTime, h, replaceChildren } from '../dom.js';
import { t } from '../i18n.js';

function problem(error) {
  return h('div', { class: 'govuk-error-summary', tabindex: '-1', role: 'alert' },
    h('h2', { class: 'govuk-error-summary__title' }, t('form.problem')),
    h('div', { class: 'govuk-error-summary__body' }, h('p', { class: 'govuk-body' }, error.message)));
}

function done(text) {
  return h('div', { class: 'govuk-inset-text' }, text);
}

function stateOf(action) {
  if (action.state === 'SIGNED') {
    return [h('strong', { class: 'govuk-tag govuk-tag--green' }, t('signOff.signed')), ' ', t('signOff.signedBy', { name: action.signedBy, when: formatDateTime(action.signedAt) })];
  }
  if (action.state === 'NEEDS_NEW_SIGNATURE') {
    return [h('strong', { class: 'govuk-tag govuk-tag--orange' }, t('signOff.again')), ' ',
      action.voidReason ? `${action.voidReason}.` : t('signOff.changed')];
  }
  return [h('strong', { class: 'govuk-tag govuk-tag--grey' }, t('signOff.notYet'))];
}

export async function signOffSection(conference, caller) {
  const section = h('section', { id: 'sign-off', 'aria-labelledby': 'sign-off-heading' });
  const notice = h('div', { 'aria-live': 'polite' });

  async function sign(action, button) {
    button.disabled = true;
    try {
      await api.post(`/conferences/${conference.id}/signatures`, { actionId: action.actionId, contentHash: action.contentHash });
      await draw(done(t('signOff.youSigned', { action: action.description })));
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
      replaceChildren(section, h('h2', { class: 'govuk-heading-m', id: 'sign-off-heading' }, t('signOff.heading')),
        h('p', { class: 'govuk-body' }, error.message));
      return;
    }
    replaceChildren(notice, message);
    replaceChildren(section,
      h('h2', { class: 'govuk-heading-m', id: 'sign-off-heading' }, t('signOff.heading')),
      h('p', { class: 'govuk-body' }, t('signOff.intro')),
      notice,
      view.actions.some((a) => !a.goalTitle) ? h('p', { class: 'govuk-inset-text', id: 'sign-off-own-only' },
        t('staff.signOff.ownOnly')) : null,
      view.actions.length === 0 ? h('p', { class: 'govuk-body' }, t('signOff.none'))
        : h('ul', { class: 'govuk-list govuk-list--spaced', id: 'sign-off-actions' }, view.actions.map((a) => {
          const button = a.canSign ? h('button', {
            type: 'button', class: 'govuk-button govuk-!-margin-bottom-0', 'data-action': a.actionId,
            'aria-label': t('signOff.signLabel', { action: a.description }),
          }, t('signOff.sign')) : null;
          if (button) button.addEventListener('click', () => sign(a, button));
          return h('li', { class: 'app-card', 'data-action': a.actionId },
            h('span', { class: 'govuk-caption-s' }, a.goalTitle || t('staff.plan.goalNotShared')), h('br'),
            h('span', { class: 'govuk-!-font-weight-bold' }, a.description), h('br'),
            t('plan.whoAndBy', { owner: a.ownerName, due: a.dueOn ? formatDate(a.dueOn) : t('plan.noDate') }), h('br'),
            h('span', { class: 'app-sign-off-state' }, stateOf(a)), button ? h('br') : null, button);
        })));
  }
  await draw(null);
  return section;
}

// Whose views they are: the member an advocate wrote them for, else the author.
const SAID = {
  AGREES: (s) => t('views.agrees', { name: s.forMemberName || s.authorName }),
  DISAGREES: (s) => t('views.disagrees', { name: s.forMemberName || s.authorName }),
  PROFESSIONAL_DISSENT: (s) => t('views.dissent', { name: s.agencyName ? `${s.authorName} (${s.agencyName})` : s.authorName }),
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
    h('option', { value: '' }, t('views.ownViews')),
    members.map((m) => h('option', { value: m.id }, m.fullName))) : null;
  const errors = h('div', { 'aria-live': 'assertive' });
  const form = h('form', { id: 'family-view', novalidate: true }, errors,
    replacing ? h('p', { class: 'govuk-body', id: 'replacing' }, replacing.forMemberName
      ? t('views.changingWrittenByFor', { advocate: replacing.authorName, member: replacing.forMemberName }) : t('views.changing')) : null,
    forWhom ? h('div', { class: 'govuk-form-group' },
      h('label', { class: 'govuk-label', for: 'view-for' }, t('views.whose')),
      h('div', { class: 'govuk-hint' }, t('views.whoseHint')),
      forWhom) : null,
    h('div', { class: 'govuk-form-group' }, h('fieldset', { class: 'govuk-fieldset' },
      h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, forWhom ? t('views.theyAgree') : t('views.youAgree')),
      h('div', { class: 'govuk-radios', 'data-module': 'govuk-radios' },
        h('div', { class: 'govuk-radios__item' }, agree, h('label', { class: 'govuk-label govuk-radios__label', for: 'view-agree' }, forWhom ? t('views.yesThey') : t('views.yesI'))),
        h('div', { class: 'govuk-radios__item' }, disagree, h('label', { class: 'govuk-label govuk-radios__label', for: 'view-disagree' }, forWhom ? t('views.noThey') : t('views.noI')))))),
    h('div', { class: 'govuk-form-group' },
      h('label', { class: 'govuk-label', for: 'view-words' }, forWhom ? t('views.theirWords') : t('views.yourWords')),
      h('div', { class: 'govuk-hint', id: 'view-words-hint' }, forWhom ? t('views.theirWordsHint') : t('views.yourWordsHint')),
      words),
    h('button', { type: 'submit', class: 'govuk-button', id: 'save-view' }, forWhom ? t('views.saveTheirs') : t('views.saveMine')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const stance = agree.checked ? 'AGREES' : disagree.checked ? 'DISAGREES' : null;
    if (!stance) {
      replaceChildren(errors, problem({ message: t('views.chooseYesOrNo') }));
      return;
    }
    try {
      await api.post(`/conferences/${conference.id}/statements`, { stance, words: words.value,
        forMemberId: forWhom && forWhom.value ? forWhom.value : null, replaces: replacing ? replacing.id : null });
      await onSaved(forWhom ? t('views.thanksTheirs') : t('views.thanksMine'));
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
  const change = mine ? h('button', { type: 'button', class: 'govuk-button govuk-button--secondary', 'data-change': s.id }, t('views.change')) : null;
  const withdraw = mine ? h('button', { type: 'button', class: 'govuk-button govuk-button--warning', 'data-withdraw': s.id }, t('views.withdraw')) : null;
  if (change) change.addEventListener('click', () => onChange(s));
  if (withdraw) {
    withdraw.addEventListener('click', async () => {
      await api.post(`/conferences/${conference.id}/statements/${s.id}/withdrawal`, null);
      await onSaved(t('views.withdrawn'));
    });
  }
  return h('li', { 'data-statement': s.id },
    h('span', { class: 'govuk-!-font-weight-bold' }, SAID[s.stance](s)),
    s.words ? h('span', {}, ` “${s.words}”`) : null,
    s.forMemberName ? h('span', { class: 'govuk-body-s app-written-by' }, h('br'),
      t('views.writtenByFor', { advocate: s.authorName, member: s.forMemberName })) : null,
    s.withdrawnAt ? h('span', { class: 'govuk-body-s' }, h('br'), h('strong', { class: 'govuk-tag govuk-tag--grey' }, t('views.withdrawnTag')), ' ',
      t('views.withdrawnBy', { name: s.withdrawnByName, when: formatDateTime(s.withdrawnAt) })) : null,
    mine ? h('div', { class: 'govuk-button-group' }, change, withdraw) : null);
}

function dissentForm(conference, onSaved) {
  const words = h('textarea', { class: 'govuk-textarea', id: 'dissent-words', name: 'words', rows: '4' });
  const errors = h('div', { 'aria-live': 'assertive' });
  const form = h('form', { id: 'dissent', novalidate: true }, errors,
    h('div', { class: 'govuk-form-group' },
      h('label', { class: 'govuk-label', for: 'dissent-words' }, t('staff.views.why')), words),
    h('button', { type: 'submit', class: 'govuk-button govuk-button--warning', id: 'record-dissent' }, t('staff.views.record')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api.post(`/conferences/${conference.id}/statements`, { stance: 'PROFESSIONAL_DISSENT', words: words.value });
      await onSaved(t('staff.views.recorded'));
    } catch (error) {
      replaceChildren(errors, problem(error));
      errors.firstElementChild.focus();
    }
  });
  return h('details', { class: 'govuk-details' },
    h('summary', { class: 'govuk-details__summary' }, h('span', { class: 'govuk-details__summary-text' }, t('staff.views.summary'))),
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
      replaceChildren(section, h('h2', { class: 'govuk-heading-m', id: 'views-heading' }, t('views.heading')),
        h('p', { class: 'govuk-body' }, error.message));
      return;
    }
    const open = conference.status !== 'CLOSED';
    const form = open && caller.kind !== 'STAFF' ? familyForm(conference, caller, members, draw, replacing) : null;
    replaceChildren(section,
      h('h2', { class: 'govuk-heading-m', id: 'views-heading' }, t('views.heading')),
      message ? done(message) : null,
      said.length === 0 ? h('p', { class: 'govuk-body' }, t('views.none'))
        : h('ul', { class: 'govuk-list govuk-list--spaced', id: 'statements' },
          said.map((s) => statementItem(s, conference, caller, open, (chosen) => draw(null, chosen), draw))),
      form,
      open && caller.kind === 'STAFF' ? dissentForm(conference, draw) : null);
    if (replacing && form) form.querySelector('#view-agree').focus();
  }
  await draw(null);
  return section;
}
