import { api } from '../api.js';
import { renderCodeForm } from '../codeform.js';
import { h, param, replaceChildren } from '../dom.js';
import { errorsFrom, showErrors } from '../forms.js';
import { language, t } from '../i18n.js';
import { renderLayout } from '../layout.js';

// The link from the invitation email. It says when, where and how, who will be there and what
// for; the person can answer without signing in. Nothing here uses the single-use link up
// except "Email me a sign-in code", so a mail scanner that opens links cannot spend it.


function getCode() {
  return h('a', { class: 'govuk-button', href: '/code', role: 'button', draggable: 'false', 'data-module': 'govuk-button', id: 'get-code' },
    t('signIn.getCode'));
}

function summaryRow(key, value) {
  return h('div', { class: 'govuk-summary-list__row' },
    h('dt', { class: 'govuk-summary-list__key' }, key), h('dd', { class: 'govuk-summary-list__value' }, value));
}

/** The lead worker and the chair, with agency, phone and email: whom to phone about the meeting. */
function whomToCall(people) {
  if (!people || people.length === 0) return null;
  const roleName = { LEAD_WORKER: t('contacts.yourLeadWorker'), CHAIR: t('invite.chairOfMeeting') };
  return h('div', { id: 'whom-to-call' },
    h('h2', { class: 'govuk-heading-m' }, t('contacts.heading')),
    people.map((p) => h('div', { class: 'govuk-summary-card' },
      h('div', { class: 'govuk-summary-card__title-wrapper' },
        h('h3', { class: 'govuk-summary-card__title' }, t('contacts.roleAndName', { role: roleName[p.role], name: p.fullName }))),
      h('div', { class: 'govuk-summary-card__content' },
        h('dl', { class: 'govuk-summary-list' },
          summaryRow(t('invite.agency'), p.agencyName),
          p.phone ? summaryRow(t('family.phone'), h('a', { class: 'govuk-link', href: `tel:${p.phone.replace(/[^0-9+]/g, '')}` }, p.phone)) : null,
          summaryRow(t('family.email'), h('a', { class: 'govuk-link', href: `mailto:${p.email}` }, p.email)))))));
}

function list(items) {
  return h('ul', { class: 'govuk-list' }, items.map((item) => h('li', {}, item)));
}

// [answer, what it reveals]
const ANSWERS = [['COMING', null], ['CANT_COME', 'reason'], ['NEEDS_HELP', 'help'], ['VIEWS', 'views']];

function readFile(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',')[1]);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** The four answers as GOV.UK radios, each revealing what it needs. Used here and on the meeting's page. */
/** only: the answers offered (a worker is asked only whether they can come, not the family's choices). */
export function answerForm(send, idPrefix = 'answer', only = null) {
  const conditional = {
    reason: h('div', { class: 'govuk-form-group' },
      h('label', { class: 'govuk-label', for: 'reason' }, t('invite.whyNot')),
      h('div', { class: 'govuk-hint', id: 'reason-hint' }, t('invite.whyNotHint')),
      h('textarea', { class: 'govuk-textarea', id: 'reason', name: 'reason', rows: '3', 'aria-describedby': 'reason-hint' })),
    help: h('div', {},
      h('div', { class: 'govuk-form-group' },
        h('label', { class: 'govuk-label', for: 'language' }, t('invite.interpreter')),
        h('input', { class: 'govuk-input govuk-!-width-two-thirds', id: 'language', name: 'language', type: 'text' })),
      h('div', { class: 'govuk-form-group' },
        h('label', { class: 'govuk-label', for: 'accessNeeds' }, t('invite.otherHelp')),
        h('div', { class: 'govuk-hint', id: 'accessNeeds-hint' }, t('invite.otherHelpHint')),
        h('textarea', { class: 'govuk-textarea', id: 'accessNeeds', name: 'accessNeeds', rows: '3', 'aria-describedby': 'accessNeeds-hint' }))),
    views: h('div', {},
      h('div', { class: 'govuk-form-group' },
        h('label', { class: 'govuk-label', for: 'words' }, t('invite.views')),
        h('div', { class: 'govuk-hint', id: 'words-hint' }, t('invite.viewsHint')),
        h('textarea', { class: 'govuk-textarea', id: 'words', name: 'words', rows: '5', 'aria-describedby': 'words-hint' })),
      h('div', { class: 'govuk-form-group' },
        h('label', { class: 'govuk-label', for: 'file' }, t('invite.file')),
        h('div', { class: 'govuk-hint', id: 'file-hint' }, t('invite.fileHint')),
        h('input', { class: 'govuk-file-upload', id: 'file', name: 'file', type: 'file', accept: '.pdf,.txt,.jpg,.jpeg,.png', 'aria-describedby': 'file-hint' }))),
  };
  const form = h('form', { novalidate: true, id: `${idPrefix}-form` },
    h('div', { class: 'govuk-form-group' },
      h('fieldset', { class: 'govuk-fieldset' },
        h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--m' }, h('h2', { class: 'govuk-fieldset__heading' }, t('invite.whatToDo'))),
        h('div', { class: 'govuk-radios', id: 'answer' }, ANSWERS.filter(([value]) => !only || only.includes(value)).map(([value, reveal]) => {
          const id = `answer-${value}`;
          return [h('div', { class: 'govuk-radios__item' },
            h('input', { class: 'govuk-radios__input', id, name: 'answer', type: 'radio', value,
              'data-aria-controls': reveal ? `conditional-${reveal}` : null }),
            h('label', { class: 'govuk-label govuk-radios__label', for: id }, t(`invite.answer.${value}`))),
          reveal ? h('div', { class: 'govuk-radios__conditional govuk-radios__conditional--hidden', id: `conditional-${reveal}` }, conditional[reveal]) : null];
        }).flat()))),
    h('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button', id: 'send-answer' }, t('invite.send')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = form.querySelector('input[name="answer"]:checked');
    if (!chosen) { showErrors(form, [{ field: 'answer', message: t('invite.chooseAnswer') }], { answer: 'answer-COMING' }); return; }
    const reply = { answer: chosen.value, reason: form.reason.value, language: form.language.value, accessNeeds: form.accessNeeds.value,
      words: form.words.value };
    const file = form.file.files[0];
    if (chosen.value === 'VIEWS' && file) {
      if (file.size > 40 * 1024) { showErrors(form, [{ field: 'file', message: t('invite.fileTooBig') }]); return; }
      reply.fileName = file.name;
      reply.fileBase64 = await readFile(file);
    }
    try {
      await send(reply);
    } catch (error) {
      showErrors(form, errorsFrom(error), { reply: 'answer-COMING', body: 'answer-COMING', token: 'answer-COMING', answer: 'answer-COMING' });
    }
  });
  return form;
}

/**
 * GOV.UK's conditional reveal for radios added after the page loaded. GOV.UK's own script also
 * sets aria-expanded on each radio, which is not allowed on a radio (axe-core refuses it), so
 * this shows and hides the parts itself and links them with aria-controls only.
 */
export function initRadios(root) {
  root.querySelectorAll('.govuk-radios__input[data-aria-controls]').forEach((input) => {
    input.setAttribute('aria-controls', input.getAttribute('data-aria-controls'));
    input.removeAttribute('data-aria-controls');
  });
  root.querySelectorAll('.govuk-radios').forEach((group) => {
    const sync = () => group.querySelectorAll('.govuk-radios__input').forEach((input) => {
      const part = input.getAttribute('aria-controls') && document.getElementById(input.getAttribute('aria-controls'));
      if (part) part.classList.toggle('govuk-radios__conditional--hidden', !input.checked);
    });
    group.addEventListener('change', sync);
    sync();
  });
}


export function thanksBanner(answer) {
  return h('div', { class: 'govuk-notification-banner govuk-notification-banner--success', role: 'alert',
    'aria-labelledby': 'answer-banner-title', 'data-module': 'govuk-notification-banner', id: 'answer-sent' },
  h('div', { class: 'govuk-notification-banner__header' },
    h('h2', { class: 'govuk-notification-banner__title', id: 'answer-banner-title' }, t('form.success'))),
  h('div', { class: 'govuk-notification-banner__content' },
    h('p', { class: 'govuk-notification-banner__heading' }, t(`invite.thanks.${answer}`))));
}

export async function render(main) {
  renderLayout({ title: t('invite.title'), caller: null });
  const token = param('token') || '';
  let page;
  try {
    page = await api.post('/invitations/page', { token });
  } catch (error) {
    page = { state: 'NOT_VALID', message: error.message };
  }
  if (page.state === 'CANCELLED') {
    replaceChildren(main,
      h('h1', { class: 'govuk-heading-l' }, t('invite.cancelled')),
      h('p', { class: 'govuk-body' }, t('invite.notGoingAhead', { meeting: page.title.toLowerCase(), when: page.when })),
      h('p', { class: 'govuk-body', id: 'cancel-reason' }, t('details.why', { reason: page.cancelReason })),
      // Whom to contact once: the cards when there are any, else the chair's line.
      whomToCall(page.whomToCall) || h('p', { class: 'govuk-body' }, t('invite.questions', { contact: page.contact })));
    return;
  }
  if (page.state !== 'VALID') {
    replaceChildren(main,
      h('h1', { class: 'govuk-heading-l' }, t(`invite.state.${page.state}`)),
      // The server's words are English: the page says the same in its own language.
      h('p', { class: 'govuk-body', id: 'link-state' }, language() === 'en' ? page.message : t(`invite.stateMessage.${page.state}`)),
      h('p', { class: 'govuk-body' }, t('invite.stillSignIn')),
      getCode());
    return;
  }
  const notice = h('div', { id: 'answer-notice' });
  const signIn = h('form', { novalidate: true, id: 'invite-form' },
    h('button', { type: 'submit', class: 'govuk-button govuk-button--start', 'data-module': 'govuk-button', id: 'send-code' }, t('invite.emailMeACode')));
  replaceChildren(main,
    h('div', { id: 'error-summary' }),
    notice,
    h('span', { class: 'govuk-caption-l' }, t('invite.hello', { name: page.inviteeName })),
    h('h1', { class: 'govuk-heading-l' }, t('invite.heading')),
    h('dl', { class: 'govuk-summary-list', id: 'meeting' },
      summaryRow(t('invite.what'), page.title),
      summaryRow(t('invite.whatFor'), t('invite.itIs', { purpose: page.purpose })),
      summaryRow(t('invite.when'), page.when),
      summaryRow(t('invite.whereAndHow'), list(page.whereAndHow)),
      summaryRow(t('invite.whoWillBeThere'), list(page.whoWillBeThere)),
      page.whomToCall && page.whomToCall.length ? null : summaryRow(t('invite.questionsKey'), t('invite.contactChair', { contact: page.contact }))),
    whomToCall(page.whomToCall),
    answerForm(async (reply) => {
      await api.post('/invitations/reply', { token, reply });
      replaceChildren(notice, thanksBanner(reply.answer));
      notice.scrollIntoView();
    }),
    h('h2', { class: 'govuk-heading-m' }, t('invite.join')),
    h('p', { class: 'govuk-body' }, t('invite.joinText')),
    signIn);
  initRadios(main);
  signIn.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      // Once signed in, straight to the meeting this invitation was for.
      const answer = await api.post('/auth/invitations/redeem', { token });
      renderCodeForm(main, answer, answer.next);
    } catch (error) {
      showErrors(signIn, errorsFrom(error), { token: 'send-code', body: 'send-code' });
    }
  });
}
