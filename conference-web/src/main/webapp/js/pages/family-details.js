// "Your details": the family keeps its own details once for every agency. Workers suggest
// corrections, which the family accepts or not. Every change is listed.
import { api, requireCaller } from '../api.js';
import { formatDate, formatDateTime, h, replaceChildren } from '../dom.js';
import { takeFlash } from '../fields.js';
import { renderLayout } from '../layout.js';
import { problemBox, recordNav } from './record-nav.js';

const FIELDS = [
  ['phone', 'Phone number', 'tel'], ['email', 'Email address', 'email'], ['address', 'Address', 'text'],
  ['preferredLanguage', 'Language you prefer', 'text'], ['accessNeeds', 'Anything that makes things hard for you, like reading or getting about', 'text'],
];

function input(id, label, value, type = 'text') {
  return h('div', { class: 'govuk-form-group' },
    h('label', { class: 'govuk-label', for: id }, label),
    h('input', { class: 'govuk-input', id, name: id, type, value: value || '', autocomplete: type === 'tel' ? 'tel' : type === 'email' ? 'email' : 'off' }));
}

// An email address is how its owner signs in: only they change it, so others see it, not a box.
function emailOf(member, isSelf) {
  const pending = member.emailPending ? h('p', { class: 'govuk-hint', id: `email-pending-${member.id}` },
    `Waiting for ${isSelf ? 'you' : member.fullName} to confirm this address with the link we emailed to it. Until then, ${isSelf ? 'you sign' : 'they sign'} in with the old one.`) : null;
  if (isSelf) return [input(`email-${member.id}`, 'Email address (you sign in with it)', member.email, 'email'), pending];
  // With no address (a young child, say) nobody signs in as them: "only they can change it" would not be true.
  return h('div', { class: 'govuk-form-group' }, h('p', { class: 'govuk-body' }, h('strong', {}, 'Email address: '),
    member.email ? [member.email, ' (only ', member.fullName, ' can change it)'] : 'Not given'), pending);
}

function memberForm(familyId, member, callerId, onSaved) {
  const key = member.id;
  const isSelf = member.id === callerId;
  const errors = h('div', { 'aria-live': 'assertive' });
  const home = h('input', { class: 'govuk-checkboxes__input', id: `home-${key}`, type: 'checkbox', checked: member.livesInHousehold });
  const form = h('form', { class: 'app-card', novalidate: true, 'data-member': key }, errors,
    h('h3', { class: 'govuk-heading-s' }, member.fullName),
    FIELDS.map(([field, label, type]) => (field === 'email' ? emailOf(member, isSelf) : input(`${field}-${key}`, label, member[field], type))),
    h('div', { class: 'govuk-form-group' }, h('div', { class: 'govuk-checkboxes govuk-checkboxes--small' },
      h('div', { class: 'govuk-checkboxes__item' }, home,
        h('label', { class: 'govuk-label govuk-checkboxes__label', for: `home-${key}` }, 'Lives at home')))),
    h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary' }, `Save ${member.fullName}'s details`));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { fullName: member.fullName, dateOfBirth: member.dateOfBirth, livesInHousehold: home.checked };
    FIELDS.forEach(([field]) => { body[field] = form.querySelector(`#${field}-${key}`)?.value ?? member[field]; });
    try {
      const saved = await api.put(`/families/${familyId}/members/${key}`, body);
      await onSaved(saved.emailPending
        ? `Saved. We have emailed a link to ${saved.email}: it works for signing in once you confirm it there.`
        : `Saved. Every worker now sees ${member.fullName}'s new details.`);
    } catch (error) {
      replaceChildren(errors, problemBox(error));
      errors.firstElementChild.focus();
    }
  });
  return form;
}

/**
 * Someone has left the household: asked once more before it is done, since they stop signing
 * in. Nobody takes themselves off (the server refuses it too).
 */
function leftForm(familyId, member, onSaved) {
  const errors = h('div', { 'aria-live': 'assertive' });
  const confirm = h('div', { class: 'govuk-warning-text', hidden: true, id: `leaving-${member.id}` },
    h('span', { class: 'govuk-warning-text__icon', 'aria-hidden': 'true' }, '!'),
    h('strong', { class: 'govuk-warning-text__text' }, h('span', { class: 'govuk-visually-hidden' }, 'Warning'),
      `${member.fullName} will no longer be able to sign in. What they said before stays in your record. We will tell your lead worker.`));
  const yes = h('button', { type: 'button', class: 'govuk-button govuk-button--warning', hidden: true, 'data-left': member.id },
    `Yes, ${member.fullName} has left`);
  const ask = h('button', { type: 'button', class: 'govuk-button govuk-button--secondary', 'data-leaving': member.id },
    `${member.fullName} has left the household`);
  ask.addEventListener('click', () => { confirm.hidden = false; yes.hidden = false; ask.hidden = true; yes.focus(); });
  yes.addEventListener('click', async () => {
    yes.disabled = true;
    try {
      await api.post(`/families/${familyId}/members/${member.id}/end`, null);
      await onSaved(`${member.fullName} is no longer in your household. We have told your lead worker.`);
    } catch (error) {
      yes.disabled = false;
      replaceChildren(errors, problemBox(error));
      errors.firstElementChild.focus();
    }
  });
  return h('div', {}, errors, confirm, h('div', { class: 'govuk-button-group' }, ask, yes));
}

/**
 * A household change as a sentence. Someone leaving is stored as "Left the household on
 * 2026-12-01", without their name: said as is, it reads as if the person who wrote it had left.
 */
function householdChange(change, family) {
  const left = /^Left the household on (\d{4}-\d{2}-\d{2})$/.exec(change.newValue || '');
  if (!left) return change.newValue;
  const who = [...family.members, ...(family.formerMembers || [])].find((m) => m.id === change.memberId);
  return `${who ? who.fullName : 'Someone'} left the household on ${formatDate(left[1])}`;
}

function readOnlyMember(member) {
  return h('div', { class: 'app-card' }, h('h3', { class: 'govuk-heading-s' }, member.fullName),
    member.detailsWithheld ? h('p', { class: 'govuk-body' }, 'Not shared with your agency. ',
      h('a', { class: 'govuk-link', href: `${window.location.pathname.replace(/\/details$/, '')}/sharing#ask-form` }, 'Ask the family'), ' if you need them.')
      : h('dl', { class: 'govuk-summary-list govuk-summary-list--no-border' }, FIELDS.map(([field, label]) => h('div', { class: 'govuk-summary-list__row' },
        h('dt', { class: 'govuk-summary-list__key' }, label),
        h('dd', { class: 'govuk-summary-list__value' }, member[field] || 'Not given')))));
}

const SUGGESTABLE = [['PHONE', 'Phone number'], ['EMAIL', 'Email address'], ['ADDRESS', 'Address'],
  ['PREFERRED_LANGUAGE', 'Language'], ['ACCESS_NEEDS', 'Access needs']];

/** Staff do not overwrite the family's details: they suggest a correction, with a reason. */
function suggestForm(familyId, members, onSaved) {
  const errors = h('div', { 'aria-live': 'assertive' });
  const who = h('select', { class: 'govuk-select', id: 'suggest-member' }, members.map((m) => h('option', { value: m.id }, m.fullName)));
  const field = h('select', { class: 'govuk-select', id: 'suggest-field' }, SUGGESTABLE.map(([v, l]) => h('option', { value: v }, l)));
  const value = h('input', { class: 'govuk-input', id: 'suggest-value', type: 'text' });
  const reason = h('input', { class: 'govuk-input', id: 'suggest-reason', type: 'text' });
  const form = h('form', { id: 'suggest-form', novalidate: true }, errors,
    h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: 'suggest-member' }, 'Who'), who),
    h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: 'suggest-field' }, 'Which detail'), field),
    h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: 'suggest-value' }, 'What it should be'), value),
    h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: 'suggest-reason' }, 'Why (the family will read this)'), reason),
    h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary' }, 'Suggest the correction'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api.post(`/families/${familyId}/details/members/${who.value}/proposals`, { field: field.value, value: value.value, reason: reason.value });
      await onSaved('Suggested. The family will see it and decide.');
    } catch (error) {
      replaceChildren(errors, problemBox(error));
      errors.firstElementChild.focus();
    }
  });
  return h('section', {}, h('h2', { class: 'govuk-heading-m' }, 'Suggest a correction'), form);
}

export async function render(main, { id }) {
  const caller = await requireCaller();
  const family = await api.get(`/families/${id}`);
  renderLayout({ title: caller.kind === 'STAFF' ? `${family.name}: details` : 'Your details', caller });
  const isFamily = caller.kind === 'FAMILY_MEMBER';

  const flash = takeFlash();
  let first = true;
  async function draw(message) {
    const shownFlash = first ? flash : null;
    first = false;
    const fresh = await api.get(`/families/${id}`);
    let proposals = [];
    let history = [];
    if (!fresh.detailsWithheld) {
      [proposals, history] = await Promise.all([api.get(`/families/${id}/details/proposals`), api.get(`/families/${id}/details/history`)]);
    }
    const pending = proposals.filter((p) => p.status === 'PENDING');
    const about = h('textarea', { class: 'govuk-textarea', id: 'about', rows: '4' }, fresh.messageToWorkers || '');
    const aboutErrors = h('div', { 'aria-live': 'assertive' });
    const aboutForm = h('form', { id: 'about-form', novalidate: true }, aboutErrors,
      h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label govuk-label--s', for: 'about' }, 'What you want every worker to know'),
        h('div', { class: 'govuk-hint' }, 'For example: the best time to call, or who to speak to first.'), about),
      h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary' }, 'Save'));
    aboutForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        await api.put(`/families/${id}/details/about`, { messageToWorkers: about.value });
        await draw('Saved. Every worker will see this.');
      } catch (error) {
        replaceChildren(aboutErrors, problemBox(error));
      }
    });

    replaceChildren(main,
      recordNav(id, caller, `/families/${id}/details`),
      shownFlash,
      h('h1', { class: 'govuk-heading-l' }, isFamily ? 'Your details' : `${fresh.name}: details`),
      isFamily ? h('p', { class: 'govuk-body' }, 'Tell us once. Every worker who helps your family sees what you write here, so nobody needs to ask again.') : null,
      message ? h('div', { class: 'govuk-inset-text', id: 'saved' }, message) : null,
      pending.length ? h('section', { id: 'suggestions' },
        h('h2', { class: 'govuk-heading-m' }, isFamily ? 'Changes a worker suggests' : 'Corrections waiting for the family'),
        pending.map((p) => {
          const yes = h('button', { type: 'button', class: 'govuk-button govuk-!-margin-right-2', 'data-accept': p.id }, 'Yes, change it');
          const no = h('button', { type: 'button', class: 'govuk-button govuk-button--secondary', 'data-decline': p.id }, 'No, keep mine');
          const decide = async (accept) => {
            try {
              await api.post(`/families/${id}/details/proposals/${p.id}/decision`, { accept });
              await draw(accept ? 'Changed.' : 'Kept as it was.');
            } catch (error) {
              await draw(null);
            }
          };
          yes.addEventListener('click', () => decide(true));
          no.addEventListener('click', () => decide(false));
          return h('div', { class: 'app-card' },
            h('p', { class: 'govuk-body' }, `${p.proposedByName} (${p.agencyName}) thinks ${p.memberName}'s ${p.fieldName} should be "${p.proposedValue || 'empty'}". `
              + `Now it is "${p.currentValue || 'empty'}".`),
            h('p', { class: 'govuk-body' }, `Why: ${p.reason}`),
            isFamily ? h('div', { class: 'govuk-button-group' }, yes, no) : null);
        })) : null,
      h('h2', { class: 'govuk-heading-m' }, 'People in the family'),
      h('div', { id: 'member-forms' }, fresh.members.flatMap((m) => (isFamily
        ? [memberForm(id, m, caller.id, draw), m.id === caller.id ? null : leftForm(id, m, draw)] : readOnlyMember(m)))),
      isFamily ? h('a', { class: 'govuk-button govuk-button--secondary', href: `/families/${id}/members/new`, role: 'button',
        draggable: 'false', 'data-module': 'govuk-button', id: 'add-household-member' }, 'Add someone who has moved in') : null,
      (fresh.formerMembers || []).length ? h('section', {}, h('h2', { class: 'govuk-heading-m' }, 'People who have left'),
        h('ul', { class: 'govuk-list', id: 'former-members' }, fresh.formerMembers.map((m) => h('li', {},
          `${m.fullName}, left on ${formatDate(m.leftOn)}`)))) : null,
      !isFamily && caller.kind === 'STAFF' && !fresh.detailsWithheld ? suggestForm(id, fresh.members, draw) : null,
      isFamily ? aboutForm : (fresh.messageToWorkers ? h('div', { class: 'govuk-inset-text', id: 'about-text' },
        h('strong', {}, 'What the family wants every worker to know: '), fresh.messageToWorkers) : null),
      history.length ? h('section', {}, h('h2', { class: 'govuk-heading-m' }, 'What has changed'),
        // The time on a line of its own, so each change reads as a short sentence.
        h('ul', { class: 'govuk-list govuk-list--spaced', id: 'history' }, history.slice(0, 30).map((c) => h('li', {},
          h('p', { class: 'govuk-body-s govuk-!-margin-bottom-0' }, formatDateTime(c.changedAt)),
          h('p', { class: 'govuk-body govuk-!-margin-bottom-0' }, c.field === 'HOUSEHOLD'
            ? `${c.changedByName}: ${householdChange(c, fresh)}.`
            : `${c.changedByName} changed ${c.fieldName} to "${c.newValue || 'nothing'}".`))))) : null);
  }
  await draw(null);
}
