// The family's lead worker or a chair adds a family member or an advocate: one page of
// questions, then "Check your answers". Nothing is saved until that page; the server checks
// everything (a sign-in address is one person's only) and its errors come back beside the field.
import { api, requireCaller } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { radios, selectField, setFlash, textField } from '../fields.js';
import { errorsFrom, showErrors } from '../forms.js';
import { renderLayout } from '../layout.js';
import {
  continueButton, forgetAnswers, loadAnswers, questionPage, saveAnswers, sendBackWithErrors, showCarriedErrors, summaryList,
} from '../questions.js';

export const CONTACT_WAYS = [
  ['EMAIL', 'Email'],
  ['PHONE', 'Phone call'],
  ['TEXT_MESSAGE', 'Text message'],
];

// The server's field names, and the input each is shown beside.
const MEMBER_FIELDS = { fullName: 'full-name', relationship: 'relationship', email: 'email', phone: 'phone',
  preferredContact: 'preferred-contact', body: 'full-name' };
const ADVOCATE_FIELDS = { organisationId: 'organisation', fullName: 'full-name', email: 'email', startsOn: 'full-name', body: 'full-name' };

const KINDS = {
  members: {
    title: 'Add a family member', fields: MEMBER_FIELDS, endpoint: 'members',
    confirmText: (a) => `Add ${a.fullName}`,
  },
  advocates: {
    title: 'Add an advocate', fields: ADVOCATE_FIELDS, endpoint: 'advocates',
    confirmText: (a) => `Add ${a.fullName} as the family's advocate`,
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
  if (!a.fullName) errors.push({ field: 'fullName', message: "Enter the person's full name" });
  if (!a.relationship) errors.push({ field: 'relationship', message: 'Enter who they are to the family, like mother or grandad' });
  if (a.email && !looksLikeEmail(a.email)) errors.push({ field: 'email', message: 'Enter a real email address, like name@example.org' });
  if (!a.preferredContact) errors.push({ field: 'preferredContact', message: 'Choose how they would like to be contacted' });
  else if (a.preferredContact === 'EMAIL' && !a.email) errors.push({ field: 'email', message: 'Enter an email address, or choose another way to contact them' });
  else if (a.preferredContact !== 'EMAIL' && a.preferredContact !== NOT_DIRECTLY && !a.phone) errors.push({ field: 'phone', message: 'Enter a phone number, or choose another way to contact them' });
  return errors;
}

function advocateErrors(a, organisations) {
  const errors = [];
  if (organisations.length && !a.organisationId) errors.push({ field: 'organisationId', message: "Choose the advocate's organisation" });
  if (!a.fullName) errors.push({ field: 'fullName', message: "Enter the advocate's full name" });
  if (!a.email) errors.push({ field: 'email', message: "Enter the advocate's email address" });
  else if (!looksLikeEmail(a.email)) errors.push({ field: 'email', message: 'Enter a real email address, like name@example.org' });
  return errors;
}

function memberForm(a) {
  return [
    textField({ id: 'full-name', name: 'fullName', label: 'Full name', value: a.fullName, autocomplete: 'off', spellcheck: false }),
    textField({ id: 'relationship', name: 'relationship', label: 'Who are they to the family?', hint: 'For example, mother, grandad, older brother or foster carer',
      value: a.relationship, width: 'govuk-!-width-two-thirds' }),
    textField({ id: 'email', name: 'email', label: 'Email address (optional for a child)', type: 'email', spellcheck: false, autocomplete: 'off',
      hint: 'They sign in with it, once they have confirmed it from the email we send. Each person needs an address of their own.', value: a.email }),
    textField({ id: 'phone', name: 'phone', label: 'Phone number (optional)', type: 'tel', autocomplete: 'off', width: 'govuk-input--width-20', value: a.phone }),
    radios({ name: 'preferred-contact', legend: 'How would they like us to contact them?', options: [...CONTACT_WAYS,
      [NOT_DIRECTLY, 'Through the family', 'For a young child, say']], value: a.preferredContact }),
  ];
}

function advocateForm(a, organisations) {
  return [
    organisations.length ? selectField({ id: 'organisation', name: 'organisation', label: 'Organisation',
      hint: "The advocates' organisations your administrator has set up",
      options: [['', 'Choose an organisation'], ...organisations.map((o) => [o.id, o.name])], value: a.organisationId }) : null,
    textField({ id: 'full-name', name: 'fullName', label: "Advocate's full name", value: a.fullName, autocomplete: 'off', spellcheck: false }),
    textField({ id: 'email', name: 'email', label: "Advocate's email address", type: 'email', spellcheck: false, autocomplete: 'off',
      hint: 'They sign in with it, once they have confirmed it from the email we send.', value: a.email }),
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
    const way = [...CONTACT_WAYS, [NOT_DIRECTLY, 'Through the family']].find(([v]) => v === a.preferredContact);
    return [['Full name', a.fullName, back, 'full name'], ['Who they are to the family', a.relationship, back, 'who they are to the family'],
      ['Email address', a.email || 'None', back, 'email address'], ['Phone number', a.phone || 'None', back, 'phone number'],
      ['How to contact them', way ? way[1] : '', back, 'how to contact them']];
  }
  const organisation = organisations.find((o) => o.id === a.organisationId);
  return [['Organisation', organisation ? organisation.name : 'None', back, 'organisation'], ['Full name', a.fullName, back, 'full name'],
    ['Email address', a.email, back, 'email address']];
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
  renderLayout({ title: step === 'check' ? 'Check your answers' : spec.title, caller });

  if (step === 'new') {
    const form = h('form', { novalidate: true, id: 'person-form' },
      h('h1', { class: 'govuk-heading-l' }, spec.title),
      kind === 'members'
        ? h('p', { class: 'govuk-body' }, `Someone in the ${family.name}, or close to the children, who should be part of their plan and meetings.`)
        : h('p', { class: 'govuk-body' }, 'An advocate supports the family, helps them say what they think and comes to meetings with them.'),
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
    h('h2', { class: 'govuk-heading-m' }, 'Now add them'),
    h('p', { class: 'govuk-body' }, answers.email
      ? `We will email ${answers.email} a link to confirm the address. Until ${answers.fullName} does, they cannot sign in with it. We will also tell the family who has been added.`
      : 'We will tell the family who has been added.',
    caller.kind === 'FAMILY_MEMBER' ? ' We will also tell your lead worker.' : ''),
    continueButton(spec.confirmText(answers), 'confirm'));
  replaceChildren(main,
    h('a', { href: back, class: 'govuk-back-link' }, 'Back'),
    h('div', { id: 'error-summary' }),
    h('span', { class: 'govuk-caption-l' }, family.name),
    h('h1', { class: 'govuk-heading-l' }, 'Check your answers'),
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
      setFlash(`${added.fullName} has been added`, added.emailPending
        ? `We have emailed ${added.email} a link to confirm the address. Until then it shows as waiting for confirmation.${byFamily ? ' We have told your lead worker.' : ''}`
        : byFamily ? 'We have told your lead worker.' : 'We have told the family.');
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
