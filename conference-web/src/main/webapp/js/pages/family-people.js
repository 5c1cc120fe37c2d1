// The family's lead worker or a chair adds a family member or an advocate: one page of
// questions, then "Check your answers". Nothing is saved until that page; the server checks
// everything (a sign-in address is one person's only) and its errors come back beside the field.
import { api, requireCaller } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { radios, selectField, setFlash, textField } from '../fields.js';
import { errorsFrom, showErrors } from '../forms.js';
import { t } from '../i18n.js';
import { renderLayout } from '../layout.js';
import {
  continueButton, forgetAnswers, loadAnswers, questionPage, saveAnswers, sendBackWithErrors, showCarriedErrors, summaryList,
} from '../questions.js';

/** [value, text]: how someone likes to be contacted, in the page's language. */
export function contactWays() {
  return ['EMAIL', 'PHONE', 'TEXT_MESSAGE'].map((way) => [way, t(`family.contactWay.${way}`)]);
}

// The server's field names, and the input each is shown beside.
const MEMBER_FIELDS = { fullName: 'full-name', relationship: 'relationship', email: 'email', phone: 'phone',
  preferredContact: 'preferred-contact', body: 'full-name' };
const ADVOCATE_FIELDS = { organisationId: 'organisation', fullName: 'full-name', email: 'email', startsOn: 'full-name', body: 'full-name' };

const KINDS = {
  members: {
    title: () => t('people.addMember'), fields: MEMBER_FIELDS, endpoint: 'members',
    confirmText: (a) => t('people.add', { name: a.fullName }),
  },
  advocates: {
    title: () => t('staff.people.addAdvocate'), fields: ADVOCATE_FIELDS, endpoint: 'advocates',
    confirmText: (a) => t('staff.people.addAsAdvocate', { name: a.fullName }),
  },
};

/** Today's date where the person is, as the API's LocalDate. */
function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Someone reached through the family (a young child): the API stores no preferred way. */
const NOT_DIRECTLY = 'THROUGH_FAMILY';

const looksLikeEmail = (v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v);

function memberErrors(a) {
  const errors = [];
  if (!a.fullName) errors.push({ field: 'fullName', message: t('people.error.fullName') });
  if (!a.relationship) errors.push({ field: 'relationship', message: t('people.error.relationship') });
  if (a.email && !looksLikeEmail(a.email)) errors.push({ field: 'email', message: t('people.error.realEmail') });
  if (!a.preferredContact) errors.push({ field: 'preferredContact', message: t('people.error.contact') });
  else if (a.preferredContact === 'EMAIL' && !a.email) errors.push({ field: 'email', message: t('people.error.emailNeeded') });
  else if (a.preferredContact !== 'EMAIL' && a.preferredContact !== NOT_DIRECTLY && !a.phone) errors.push({ field: 'phone', message: t('people.error.phoneNeeded') });
  return errors;
}

function advocateErrors(a, organisations) {
  const errors = [];
  if (organisations.length && !a.organisationId) errors.push({ field: 'organisationId', message: t('staff.people.error.organisation') });
  if (!a.fullName) errors.push({ field: 'fullName', message: t('staff.people.error.fullName') });
  if (!a.email) errors.push({ field: 'email', message: t('staff.people.error.email') });
  else if (!looksLikeEmail(a.email)) errors.push({ field: 'email', message: t('people.error.realEmail') });
  return errors;
}

function memberForm(a) {
  return [
    textField({ id: 'full-name', name: 'fullName', label: t('people.fullName'), value: a.fullName, autocomplete: 'off', spellcheck: false }),
    textField({ id: 'relationship', name: 'relationship', label: t('people.relationship'), hint: t('people.relationshipHint'),
      value: a.relationship, width: 'govuk-!-width-two-thirds' }),
    textField({ id: 'email', name: 'email', label: t('people.email'), type: 'email', spellcheck: false, autocomplete: 'off',
      hint: t('people.emailHint'), value: a.email }),
    textField({ id: 'phone', name: 'phone', label: t('people.phone'), type: 'tel', autocomplete: 'off', width: 'govuk-input--width-20', value: a.phone }),
    radios({ name: 'preferred-contact', legend: t('people.contact'), options: [...contactWays(),
      [NOT_DIRECTLY, t('people.throughFamily'), t('people.throughFamilyHint')]], value: a.preferredContact }),
  ];
}

function advocateForm(a, organisations) {
  return [
    organisations.length ? selectField({ id: 'organisation', name: 'organisation', label: t('staff.people.organisation'),
      hint: t('staff.people.organisationHint'),
      options: [['', t('staff.people.chooseOrganisation')], ...organisations.map((o) => [o.id, o.name])], value: a.organisationId }) : null,
    textField({ id: 'full-name', name: 'fullName', label: t('staff.people.advocateName'), value: a.fullName, autocomplete: 'off', spellcheck: false }),
    textField({ id: 'email', name: 'email', label: t('staff.people.advocateEmail'), type: 'email', spellcheck: false, autocomplete: 'off',
      hint: t('staff.people.advocateEmailHint'), value: a.email }),
  ];
}

function readForm(form, kind) {
  const value = (name) => (form.querySelector(`[name="${name}"]`)?.value || '').trim();
  if (kind === 'members') {
    const way = form.querySelector('input[name="preferred-contact"]:checked');
    return { fullName: value('fullName'), relationship: value('relationship'), email: value('email'), phone: value('phone'),
      preferredContact: way ? way.value : '' };
  }
  return { organisationId: value('organisation'), fullName: value('fullName'), email: value('email') };
}

function checkRows(kind, a, organisations, back) {
  if (kind === 'members') {
    const way = [...contactWays(), [NOT_DIRECTLY, t('people.throughFamily')]].find(([v]) => v === a.preferredContact);
    return [[t('people.fullName'), a.fullName, back, t('people.fullNameHidden')],
      [t('people.relationshipRow'), a.relationship, back, t('people.relationshipHidden')],
      [t('people.emailRow'), a.email || t('people.none'), back, t('people.emailHidden')],
      [t('people.phoneRow'), a.phone || t('people.none'), back, t('people.phoneHidden')],
      [t('people.contactRow'), way ? way[1] : '', back, t('people.contactHidden')]];
  }
  const organisation = organisations.find((o) => o.id === a.organisationId);
  return [[t('staff.people.organisation'), organisation ? organisation.name : t('people.none'), back, t('staff.people.organisationHidden')],
    [t('people.fullName'), a.fullName, back, t('people.fullNameHidden')], [t('people.emailRow'), a.email, back, t('people.emailHidden')]];
}

function body(kind, a) {
  if (kind === 'members') {
    return { fullName: a.fullName, relationship: a.relationship, email: a.email || null, phone: a.phone || null,
      preferredContact: a.preferredContact === NOT_DIRECTLY ? null : a.preferredContact };
  }
  return { fullName: a.fullName, email: a.email, organisationId: a.organisationId || null, startsOn: today() };
}

export async function render(main, { id }) {
  const caller = await requireCaller();
  const [, , , kind, step] = window.location.pathname.split('/');
  const spec = KINDS[kind];
  const [family, organisations] = await Promise.all([api.get(`/families/${id}`),
    kind === 'advocates' ? api.get('/advocacy-organisations') : Promise.resolve([])]);
  const key = `rt-add-${kind}-${id}`;
  const answers = loadAnswers(key, {});
  const back = `/families/${id}/${kind}/new`;
  renderLayout({ title: step === 'check' ? t('people.check') : spec.title(), caller });

  if (step === 'new') {
    const form = h('form', { novalidate: true, id: 'person-form' },
      h('h1', { class: 'govuk-heading-l' }, spec.title()),
      kind === 'members'
        ? h('p', { class: 'govuk-body' }, t('people.who', { family: family.name }))
        : h('p', { class: 'govuk-body' }, t('staff.people.advocateIs')),
      kind === 'members' ? memberForm(answers) : advocateForm(answers, organisations),
      continueButton());
    questionPage(main, { back: caller.kind === 'FAMILY_MEMBER' ? `/families/${id}/details` : `/families/${id}`, caption: family.name, form });
    showCarriedErrors(key, form, spec.fields);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const a = readForm(form, kind);
      saveAnswers(key, a);
      const errors = kind === 'members' ? memberErrors(a) : advocateErrors(a, organisations);
      if (errors.length) {
        showErrors(form, errors, spec.fields);
        return;
      }
      window.location.assign(`/families/${id}/${kind}/check`);
    });
    return;
  }

  // Check your answers: nothing is saved until "Add".
  if (!answers.fullName) {
    window.location.replace(back);
    return;
  }
  const confirm = h('form', { novalidate: true, id: 'check-form' },
    h('h2', { class: 'govuk-heading-m' }, t('people.nowAdd')),
    h('p', { class: 'govuk-body' }, answers.email
      ? t('people.willEmail', { email: answers.email, name: answers.fullName })
      : t('people.willTell'),
    caller.kind === 'FAMILY_MEMBER' ? ` ${t('people.willTellLeadWorker')}` : ''),
    continueButton(spec.confirmText(answers), 'confirm'));
  replaceChildren(main,
    h('a', { href: back, class: 'govuk-back-link' }, t('form.back')),
    h('div', { id: 'error-summary' }),
    h('span', { class: 'govuk-caption-l' }, family.name),
    h('h1', { class: 'govuk-heading-l' }, t('people.check')),
    summaryList(checkRows(kind, answers, organisations, back), 'check-answers'),
    confirm);
  confirm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = confirm.querySelector('button');
    button.disabled = true;
    try {
      const added = await api.post(`/families/${id}/${spec.endpoint}`, body(kind, answers));
      forgetAnswers(key);
      // Someone in the family added them: what they need to hear is that their lead worker was told.
      const byFamily = caller.kind === 'FAMILY_MEMBER';
      setFlash(t('people.added', { name: added.fullName }), added.emailPending
        ? t('people.addedEmail', { email: added.email }) + (byFamily ? ` ${t('people.toldLeadWorker')}` : '')
        : byFamily ? t('people.toldLeadWorker') : t('people.addedTold'));
      window.location.assign(caller.kind === 'FAMILY_MEMBER' ? `/families/${id}/details` : `/families/${id}`);
    } catch (error) {
      button.disabled = false;
      if (error.fieldErrors.length) {
        sendBackWithErrors(key, back, errorsFrom(error));
      } else {
        showErrors(confirm, errorsFrom(error));
      }
    }
  });
}
