// "Your details": the family keeps its own details once for every agency. Workers suggest
// corrections, which the family accepts or not. Every change is listed.
import { api, requireCaller } from '../api.js';
import { formatDate, formatDateTime, h, replaceChildren } from '../dom.js';
import { takeFlash } from '../fields.js';
import { t } from '../i18n.js';
import { renderLayout } from '../layout.js';
import { problemBox, recordNav } from './record-nav.js';

// [field, key of its label, input type]
const FIELDS = [
  ['phone', 'details.phone', 'tel'], ['email', 'details.email', 'email'], ['address', 'details.address', 'text'],
  ['preferredLanguage', 'details.preferredLanguage', 'text'], ['accessNeeds', 'details.accessNeeds', 'text'],
];
const FIELD_NAMES = ['FULL_NAME', 'DATE_OF_BIRTH', 'PHONE', 'EMAIL', 'ADDRESS', 'PREFERRED_LANGUAGE', 'ACCESS_NEEDS', 'LIVES_IN_HOUSEHOLD',
  'MESSAGE_TO_WORKERS', 'HOUSEHOLD'];

/** "phone number", in the page's language (the server's words are English). */
function fieldName(change) {
  return FIELD_NAMES.includes(change.field) ? t(`details.field.${change.field}`) : change.fieldName;
}

function input(id, label, value, type = 'text') {
  return h('div', { class: 'govuk-form-group' },
    h('label', { class: 'govuk-label', for: id }, label),
    h('input', { class: 'govuk-input', id, name: id, type, value: value || '', autocomplete: type === 'tel' ? 'tel' : type === 'email' ? 'email' : 'off' }));
}

// An email address is how its owner signs in: only they change it, so others see it, not a box.
function emailOf(member, isSelf) {
  const pending = member.emailPending ? h('p', { class: 'govuk-hint', id: `email-pending-${member.id}` },
    isSelf ? t('details.emailPendingYou') : t('details.emailPendingThem', { name: member.fullName })) : null;
  if (isSelf) return [input(`email-${member.id}`, t('details.emailYouSignIn'), member.email, 'email'), pending];
  // With no address (a young child, say) nobody signs in as them: "only they can change it" would not be true.
  return h('div', { class: 'govuk-form-group' }, h('p', { class: 'govuk-body' }, h('strong', {}, t('details.emailLabel')), ' ',
    member.email ? [member.email, ' ', t('details.onlyTheyChange', { name: member.fullName })] : t('details.notGiven')), pending);
}

function memberForm(familyId, member, callerId, onSaved) {
  const key = member.id;
  const isSelf = member.id === callerId;
  const errors = h('div', { 'aria-live': 'assertive' });
  const home = h('input', { class: 'govuk-checkboxes__input', id: `home-${key}`, type: 'checkbox', checked: member.livesInHousehold });
  const form = h('form', { class: 'app-card', novalidate: true, 'data-member': key }, errors,
    h('h3', { class: 'govuk-heading-s' }, member.fullName),
    FIELDS.map(([field, label, type]) => (field === 'email' ? emailOf(member, isSelf) : input(`${field}-${key}`, t(label), member[field], type))),
    h('div', { class: 'govuk-form-group' }, h('div', { class: 'govuk-checkboxes govuk-checkboxes--small' },
      h('div', { class: 'govuk-checkboxes__item' }, home,
        h('label', { class: 'govuk-label govuk-checkboxes__label', for: `home-${key}` }, t('details.livesAtHome'))))),
    h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary' }, t('details.save', { name: member.fullName })));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { fullName: member.fullName, dateOfBirth: member.dateOfBirth, livesInHousehold: home.checked };
    FIELDS.forEach(([field]) => { body[field] = form.querySelector(`#${field}-${key}`)?.value ?? member[field]; });
    try {
      const saved = await api.put(`/families/${familyId}/members/${key}`, body);
      await onSaved(saved.emailPending
        ? t('details.savedEmail', { email: saved.email })
        : t('details.saved', { name: member.fullName }));
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
    h('strong', { class: 'govuk-warning-text__text' }, h('span', { class: 'govuk-visually-hidden' }, t('details.warning')), ' ',
      t('details.leavingWarning', { name: member.fullName })));
  const yes = h('button', { type: 'button', class: 'govuk-button govuk-button--warning', hidden: true, 'data-left': member.id },
    t('details.yesLeft', { name: member.fullName }));
  const ask = h('button', { type: 'button', class: 'govuk-button govuk-button--secondary', 'data-leaving': member.id },
    t('details.hasLeft', { name: member.fullName }));
  ask.addEventListener('click', () => { confirm.hidden = false; yes.hidden = false; ask.hidden = true; yes.focus(); });
  yes.addEventListener('click', async () => {
    yes.disabled = true;
    try {
      await api.post(`/families/${familyId}/members/${member.id}/end`, null);
      await onSaved(t('details.left', { name: member.fullName }));
    } catch (error) {
      yes.disabled = false;
      replaceChildren(errors, problemBox(error));
      errors.firstElementChild.focus();
    }
  });
  return h('div', {}, errors, confirm, h('div', { class: 'govuk-button-group' }, ask, yes));
}

/**
 * A household change as a sentence, from what the server says happened (someone JOINED, or LEFT
 * on a day) and whom it happened to, named from the family's people: in the reader's language.
 */
function householdChange(change, family) {
  const who = [...family.members, ...(family.formerMembers || [])].find((m) => m.id === change.memberId);
  const name = who ? who.fullName : t('details.someone');
  if (change.household === 'JOINED') return t('details.joinedHousehold', { name });
  if (change.household === 'LEFT' && change.leftOn) return t('details.leftHousehold', { name, date: formatDate(change.leftOn) });
  return change.newValue;
}

function readOnlyMember(member) {
  return h('div', { class: 'app-card' }, h('h3', { class: 'govuk-heading-s' }, member.fullName),
    member.detailsWithheld ? h('p', { class: 'govuk-body' }, t('staff.details.notShared'), ' ',
      h('a', { class: 'govuk-link', href: `${window.location.pathname.replace(/\/details$/, '')}/sharing#ask-form` }, t('staff.family.ask')), ' ', t('staff.family.ifYouNeedThem'))
      : h('dl', { class: 'govuk-summary-list govuk-summary-list--no-border' }, FIELDS.map(([field, label]) => h('div', { class: 'govuk-summary-list__row' },
        h('dt', { class: 'govuk-summary-list__key' }, t(label)),
        h('dd', { class: 'govuk-summary-list__value' }, member[field] || t('details.notGiven'))))));
}

const SUGGESTABLE = ['PHONE', 'EMAIL', 'ADDRESS', 'PREFERRED_LANGUAGE', 'ACCESS_NEEDS'];

/** Staff do not overwrite the family's details: they suggest a correction, with a reason. */
function suggestForm(familyId, members, onSaved) {
  const errors = h('div', { 'aria-live': 'assertive' });
  const who = h('select', { class: 'govuk-select', id: 'suggest-member' }, members.map((m) => h('option', { value: m.id }, m.fullName)));
  const field = h('select', { class: 'govuk-select', id: 'suggest-field' }, SUGGESTABLE.map((v) => h('option', { value: v }, t(`staff.details.suggestable.${v}`))));
  const value = h('input', { class: 'govuk-input', id: 'suggest-value', type: 'text' });
  const reason = h('input', { class: 'govuk-input', id: 'suggest-reason', type: 'text' });
  const form = h('form', { id: 'suggest-form', novalidate: true }, errors,
    h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: 'suggest-member' }, t('staff.details.who')), who),
    h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: 'suggest-field' }, t('staff.details.which')), field),
    h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: 'suggest-value' }, t('staff.details.shouldBe')), value),
    h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: 'suggest-reason' }, t('staff.details.why')), reason),
    h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary' }, t('staff.details.suggest')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api.post(`/families/${familyId}/details/members/${who.value}/proposals`, { field: field.value, value: value.value, reason: reason.value });
      await onSaved(t('staff.details.suggested'));
    } catch (error) {
      replaceChildren(errors, problemBox(error));
      errors.firstElementChild.focus();
    }
  });
  return h('section', {}, h('h2', { class: 'govuk-heading-m' }, t('staff.details.suggestHeading')), form);
}

export async function render(main, { id }) {
  const caller = await requireCaller();
  const family = await api.get(`/families/${id}`);
  renderLayout({ title: caller.kind === 'STAFF' ? t('staff.details.title', { name: family.name }) : t('details.title'), caller });
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
      h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label govuk-label--s', for: 'about' }, t('details.about')),
        h('div', { class: 'govuk-hint' }, t('details.aboutHint')), about),
      h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary' }, t('details.saveAbout')));
    aboutForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        await api.put(`/families/${id}/details/about`, { messageToWorkers: about.value });
        await draw(t('details.aboutSaved'));
      } catch (error) {
        replaceChildren(aboutErrors, problemBox(error));
      }
    });

    replaceChildren(main,
      recordNav(id, caller, `/families/${id}/details`),
      shownFlash,
      h('h1', { class: 'govuk-heading-l' }, isFamily ? t('details.title') : t('staff.details.title', { name: fresh.name })),
      isFamily ? h('p', { class: 'govuk-body' }, t('details.intro')) : null,
      message ? h('div', { class: 'govuk-inset-text', id: 'saved' }, message) : null,
      pending.length ? h('section', { id: 'suggestions' },
        h('h2', { class: 'govuk-heading-m' }, isFamily ? t('details.suggestions') : t('staff.details.waiting')),
        pending.map((p) => {
          const yes = h('button', { type: 'button', class: 'govuk-button govuk-!-margin-right-2', 'data-accept': p.id }, t('details.accept'));
          const no = h('button', { type: 'button', class: 'govuk-button govuk-button--secondary', 'data-decline': p.id }, t('details.decline'));
          const decide = async (accept) => {
            try {
              await api.post(`/families/${id}/details/proposals/${p.id}/decision`, { accept });
              await draw(accept ? t('details.changed') : t('details.kept'));
            } catch (error) {
              await draw(null);
            }
          };
          yes.addEventListener('click', () => decide(true));
          no.addEventListener('click', () => decide(false));
          return h('div', { class: 'app-card' },
            h('p', { class: 'govuk-body' }, t('details.proposal', { worker: p.proposedByName, agency: p.agencyName, name: p.memberName,
              field: fieldName(p), proposed: p.proposedValue || t('details.empty'), current: p.currentValue || t('details.empty') })),
            h('p', { class: 'govuk-body' }, t('details.why', { reason: p.reason })),
            isFamily ? h('div', { class: 'govuk-button-group' }, yes, no) : null);
        })) : null,
      h('h2', { class: 'govuk-heading-m' }, t('family.people')),
      h('div', { id: 'member-forms' }, fresh.members.flatMap((m) => (isFamily
        ? [memberForm(id, m, caller.id, draw), m.id === caller.id ? null : leftForm(id, m, draw)] : readOnlyMember(m)))),
      isFamily ? h('a', { class: 'govuk-button govuk-button--secondary', href: `/families/${id}/members/new`, role: 'button',
        draggable: 'false', 'data-module': 'govuk-button', id: 'add-household-member' }, t('details.addSomeone')) : null,
      (fresh.formerMembers || []).length ? h('section', {}, h('h2', { class: 'govuk-heading-m' }, t('details.peopleWhoLeft')),
        h('ul', { class: 'govuk-list', id: 'former-members' }, fresh.formerMembers.map((m) => h('li', {},
          t('details.leftOn', { name: m.fullName, date: formatDate(m.leftOn) }))))) : null,
      !isFamily && caller.kind === 'STAFF' && !fresh.detailsWithheld ? suggestForm(id, fresh.members, draw) : null,
      isFamily ? aboutForm : (fresh.messageToWorkers ? h('div', { class: 'govuk-inset-text', id: 'about-text' },
        h('strong', {}, t('staff.family.messageToWorkers')), ' ', fresh.messageToWorkers) : null),
      history.length ? h('section', {}, h('h2', { class: 'govuk-heading-m' }, t('details.history')),
        // The time on a line of its own, so each change reads as a short sentence.
        h('ul', { class: 'govuk-list govuk-list--spaced', id: 'history' }, history.slice(0, 30).map((c) => h('li', {},
          h('p', { class: 'govuk-body-s govuk-!-margin-bottom-0' }, formatDateTime(c.changedAt)),
          h('p', { class: 'govuk-body govuk-!-margin-bottom-0' }, c.field === 'HOUSEHOLD'
            ? t('details.householdChange', { name: c.changedByName, what: householdChange(c, fresh) })
            : t('details.change', { name: c.changedByName, field: fieldName(c), value: c.newValue || t('details.nothing') })))))) : null);
  }
  await draw(null);
}
