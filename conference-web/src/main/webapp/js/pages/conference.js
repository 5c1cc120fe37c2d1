import { api, requireCaller } from '../api.js';
import { formatDate, formatDateTime, h, humanise, param, replaceChildren } from '../dom.js';
import { t } from '../i18n.js';
import { renderLayout } from '../layout.js';
import { coreGroupMeans, meetingName, statusColour, statusName } from './conferences.js';
import { reportsSection } from './reports.js';
import { signOffSection, viewsSection } from './sign-off.js';
import { answerForm, initRadios, thanksBanner } from './invite.js';

// Status tags for each invitation, as the chair follows them (GOV.UK tag colours).
const INVITATION_TAGS = {
  NOT_SENT: 'govuk-tag--grey', INVITED: 'govuk-tag--blue', OPENED: 'govuk-tag--light-blue', SIGNED_IN: 'govuk-tag--turquoise',
  COMING: 'govuk-tag--green', CANT_COME: 'govuk-tag--orange', JOINED: 'govuk-tag--purple',
};

// The chair's banners after scheduling, changing or closing (staff only: English).
const BANNERS = ['scheduled', 'rescheduled', 'cancelled', 'closed', 'invited', 'added'];

function banner() {
  const which = BANNERS.find((k) => param(k));
  if (!which) return null;
  return h('div', { class: 'govuk-notification-banner govuk-notification-banner--success', role: 'alert',
    'aria-labelledby': 'banner-title', 'data-module': 'govuk-notification-banner', id: 'done-banner' },
  h('div', { class: 'govuk-notification-banner__header' }, h('h2', { class: 'govuk-notification-banner__title', id: 'banner-title' }, t('form.success'))),
  h('div', { class: 'govuk-notification-banner__content' }, h('p', { class: 'govuk-notification-banner__heading' }, t(`staff.conference.banner.${which}`))));
}

function whereAndHow(conference) {
  const rows = [];
  if (conference.venue) rows.push([t('conference.inPerson'), conference.venue]);
  if (conference.joinLink) rows.push([t('conference.online'), h('a', { class: 'govuk-link', href: conference.joinLink, rel: 'noopener' }, conference.joinLink)]);
  if (conference.dialIn) rows.push([t('conference.byPhone'), conference.dialIn]);
  if (rows.length === 0) return null;
  return h('dl', { class: 'govuk-summary-list', id: 'where-and-how' }, rows.map(([k, v]) => h('div', { class: 'govuk-summary-list__row' },
    h('dt', { class: 'govuk-summary-list__key' }, k), h('dd', { class: 'govuk-summary-list__value' }, v))));
}

/** After closing: for each person, what they have to do and when the next review is due. */
async function whatHappensNext(conference, caller) {
  const [record, plan, due] = await Promise.all([api.get(`/conferences/${conference.id}/record`),
    api.get(`/families/${conference.familyId}/plan`).catch(() => null),
    api.get(`/families/${conference.familyId}/timescales`).catch(() => [])]);
  const actions = plan ? plan.goals.flatMap((g) => g.actions) : [];
  const next = due.find((d) => !d.conferenceId && (d.state === 'DUE' || d.state === 'OVERDUE')) || due.find((d) => d.state === 'DUE' || d.state === 'OVERDUE');
  const people = record.attendance.map((a) => {
    const invitee = conference.invitees.find((i) => i.id === a.inviteeId) || {};
    const theirs = actions.filter((x) => (x.ownerKind === 'FAMILY_MEMBER' && x.ownerId === invitee.personId)
      || (x.ownerKind === 'AGENCY' && invitee.personKind === 'STAFF' && x.ownerName === a.organisation));
    return h('div', { class: 'app-card', 'data-person': a.inviteeId },
      h('h3', { class: 'govuk-heading-s' }, a.organisation && invitee.role !== 'FAMILY_MEMBER' ? `${a.name}, ${a.organisation}` : a.name),
      theirs.length === 0 ? h('p', { class: 'govuk-body' }, t('conference.noActions'))
        : h('ul', { class: 'govuk-list govuk-list--bullet' }, theirs.map((x) => h('li', {},
          x.dueOn ? t('conference.actionBy', { action: x.description, date: formatDate(x.dueOn) }) : x.description))));
  });
  return h('section', { id: 'what-happens-next', 'aria-labelledby': 'next-heading' },
    h('h2', { class: 'govuk-heading-m', id: 'next-heading' }, t('conference.next')),
    h('p', { class: 'govuk-body', id: 'next-review' }, next ? (caller.kind === 'STAFF' ? t('staff.conference.nextDue', { kind: humanise(next.kind).toLowerCase(), date: formatDate(next.dueBy) })
      : t('conference.nextDue', { meeting: meetingName(next.kind, caller).toLowerCase(), date: formatDate(next.dueBy) }))
      : t('conference.chairWillTell')),
    people);
}

const ROLES = ['CHAIR', 'AGENCY_STAFF', 'FAMILY_MEMBER', 'ADVOCATE', 'OBSERVER'];

/** A closed conference: its record is frozen; what was decided is shown from it. */
async function closedRecord(id) {
  const record = await api.get(`/conferences/${id}/record`);
  return h('div', { id: 'closed-record' },
    h('div', { class: 'govuk-inset-text' }, t('conference.closedBy', { name: record.closedBy, when: formatDateTime(record.closedAt) })),
    h('h2', { class: 'govuk-heading-m' }, t('conference.decided')),
    record.decisions.length === 0 ? h('p', { class: 'govuk-body' }, t('conference.noDecisions'))
      : h('ul', { class: 'govuk-list govuk-list--bullet', id: 'decisions-made' }, record.decisions.map((d) => h('li', {}, d))));
}

/** For the chair: invited agencies the family does not share something with, so the meeting is not surprised. */
async function sharingWarnings(id) {
  const warnings = await api.get(`/conferences/${id}/sharing`);
  if (warnings.length === 0) return null;
  return h('div', { class: 'govuk-warning-text', id: 'sharing-warnings' },
    h('span', { class: 'govuk-warning-text__icon', 'aria-hidden': 'true' }, '!'),
    h('div', { class: 'govuk-warning-text__text' }, h('span', { class: 'govuk-visually-hidden' }, t('details.warning')),
      h('ul', { class: 'govuk-list' }, warnings.map((w) => h('li', {}, w.words)))));
}

/** What the person already answered, so the form below is for changing it, not a blank question again. */
function whatYouToldUs(me) {
  const said = [];
  if (me.invitation === 'COMING' || me.invitation === 'JOINED') said.push(t('conference.told.coming'));
  if (me.invitation === 'CANT_COME') said.push(me.cantComeReason ? t('conference.told.cantComeBecause', { reason: me.cantComeReason }) : t('conference.told.cantCome'));
  if (me.interpreterLanguage) said.push(t('conference.told.interpreter', { language: me.interpreterLanguage }));
  if (me.accessNeeds) said.push(t('conference.told.help', { help: me.accessNeeds }));
  if (!said.length) return null;
  return h('div', { class: 'govuk-inset-text', id: 'what-you-told-us' },
    h('p', { class: 'govuk-body' }, t('conference.told')),
    h('ul', { class: 'govuk-list govuk-list--bullet' }, said.map((line) => h('li', {}, line))),
    h('p', { class: 'govuk-body govuk-!-margin-bottom-0' }, t('conference.told.change')));
}

export async function render(main, { id }) {
  const caller = await requireCaller();
  const conference = await api.get(`/conferences/${id}`);
  const name = caller.kind === 'STAFF' ? t('staff.conference.name', { kind: humanise(conference.kind) }) : meetingName(conference.kind, caller);
  renderLayout({ title: name, caller });
  const isChair = caller.kind === 'STAFF' && caller.id === conference.chairId;
  const notice = h('div', { id: 'notice', 'aria-live': 'polite' });

  async function sendInvitation(invitee, button) {
    button.disabled = true;
    try {
      await api.post(`/conferences/${id}/invitees/${invitee.id}/invitation`);
      replaceChildren(notice, h('div', { class: 'govuk-inset-text' }, t('staff.conference.sentTo', { name: invitee.name })));
    } catch (error) {
      replaceChildren(notice, h('div', { class: 'govuk-error-summary', tabindex: '-1' },
        h('h2', { class: 'govuk-error-summary__title' }, t('form.problem')),
        h('p', { class: 'govuk-body' }, error.message)));
    } finally {
      button.disabled = false;
    }
  }

  /** The chair moves the conference on: opens the live room, or ends the conference (its record then freezes). */
  async function moveTo(status) {
    try {
      await api.put(`/conferences/${id}`, { kind: conference.kind, scheduledStart: conference.scheduledStart, status });
      await render(main, { id });
    } catch (error) {
      replaceChildren(notice, h('div', { class: 'govuk-error-summary', tabindex: '-1' },
        h('h2', { class: 'govuk-error-summary__title' }, t('form.problem')),
        h('p', { class: 'govuk-body' }, error.message)));
    }
  }
  // Ending goes through the closing pages, which record attendance and decisions.
  const next = conference.status === 'SCHEDULED' ? ['LIVE', t('staff.conference.open')] : undefined;
  const me = conference.invitees.find((i) => i.personKind === caller.kind && i.personId === caller.id);
  const open = conference.status === 'SCHEDULED' || conference.status === 'LIVE';
  const unsent = conference.invitees.some((i) => i.role !== 'CHAIR' && i.invitation === 'NOT_SENT');
  let sendAll = null;
  if (isChair && open && unsent) {
    sendAll = h('button', { type: 'button', class: 'govuk-button', 'data-module': 'govuk-button', id: 'send-invitations' }, t('staff.conference.sendInvitations'));
    sendAll.addEventListener('click', async () => {
      sendAll.disabled = true;
      try {
        await api.post(`/conferences/${id}/invitations`);
        window.location.assign(`/conferences/${id}?invited=1`);
      } catch (error) {
        sendAll.disabled = false;
        replaceChildren(notice, h('div', { class: 'govuk-error-summary', tabindex: '-1', role: 'alert' },
          h('h2', { class: 'govuk-error-summary__title' }, t('form.problem')),
          h('div', { class: 'govuk-error-summary__body' }, h('ul', { class: 'govuk-list govuk-error-summary__list' },
            (error.fieldErrors.length ? error.fieldErrors : [{ message: error.message }]).map((e) => h('li', {}, e.message))))));
      }
    });
  }
  const chairLinks = isChair ? h('ul', { class: 'govuk-list', id: 'chair-links' },
    conference.status === 'SCHEDULED' ? h('li', {}, h('a', { class: 'govuk-link', href: `/conferences/${id}/reschedule/check`, id: 'reschedule' }, t('staff.conference.reschedule'))) : null,
    conference.status === 'SCHEDULED' ? h('li', {}, h('a', { class: 'govuk-link', href: `/conferences/${id}/cancel`, id: 'cancel' }, t('staff.conference.cancel'))) : null,
    conference.status === 'LIVE' ? h('li', {}, h('a', { class: 'govuk-link', href: `/conferences/${id}/close/attendance`, id: 'close-conference' }, t('staff.conference.close'))) : null) : null;
  const answerNotice = h('div', { id: 'answer-notice' });
  const reply = me && !isChair && open ? h('section', { id: 'your-answer', 'aria-labelledby': 'your-answer-heading' },
    h('h2', { class: 'govuk-heading-m', id: 'your-answer-heading' }, t('conference.yourAnswer')),
    whatYouToldUs(me),
    answerNotice,
    answerForm(async (body) => {
      await api.post(`/conferences/${id}/reply`, body);
      replaceChildren(answerNotice, thanksBanner(body.answer));
    }, 'your-answer', caller.kind === 'STAFF' ? ['COMING', 'CANT_COME'] : null)) : null;
  const move = isChair && next ? h('button', { type: 'button', class: 'govuk-button', id: 'move-status' }, next[1]) : null;
  if (move) move.addEventListener('click', () => moveTo(next[0]));

  replaceChildren(main,
    banner(),
    h('span', { class: 'govuk-caption-l' }, h('a', { class: 'govuk-link', href: `/families/${conference.familyId}` }, conference.familyName)),
    h('h1', { class: 'govuk-heading-l' }, name),
    coreGroupMeans([conference]),
    h('p', { class: 'govuk-body-l', id: 'conference-when' }, formatDateTime(conference.scheduledStart)),
    conference.status === 'CANCELLED' ? h('div', { class: 'govuk-inset-text', id: 'cancelled' }, t('conference.cancelled', { reason: conference.cancelReason })) : null,
    whereAndHow(conference),
    // A calendar file is for a meeting still to come, not one that is over or cancelled.
    open ? h('p', { class: 'govuk-body' }, h('a', { class: 'govuk-link', href: `/api/conferences/${id}/calendar`, download: 'meeting.ics', id: 'calendar' },
      t('conference.calendar'))) : null,
    h('p', { class: 'govuk-body' }, h('strong', { class: `govuk-tag ${statusColour(conference.status)}` }, statusName(conference.status, caller)),
      ' ', t('meetings.chair', { name: conference.chairName })),
    // The chair first opens the conference (one button, not two that look alike); then everyone joins.
    open && !move ? h('a', { class: 'govuk-button govuk-button--start', href: `/conferences/${id}/live`, id: 'join-live' },
      t('conference.join')) : null,
    conference.status === 'CLOSED' ? await closedRecord(id) : null,
    conference.status === 'CLOSED' ? await whatHappensNext(conference, caller) : null,
    move,
    chairLinks,
    notice,
    reply,
    isChair && open ? await sharingWarnings(id) : null,
    h('h2', { class: 'govuk-heading-m' }, t('conference.agenda')),
    conference.agenda.length === 0 ? h('p', { class: 'govuk-body', id: 'no-agenda' }, open ? t('conference.agendaNotReady') : t('conference.noAgenda'))
      : h('ol', { class: 'govuk-list govuk-list--number', id: 'agenda' }, conference.agenda.map((item) => h('li', {},
        item.title, item.notes ? h('p', { class: 'govuk-body-s app-muted' }, item.notes) : null))),
    // The chair keeps the agenda and the list up to date after scheduling, from the pages.
    isChair && open && conference.agenda.length ? h('p', { class: 'govuk-body', id: 'start-agenda-hint' }, t('staff.conference.startAgenda')) : null,
    isChair && open ? h('p', { class: 'govuk-body' }, h('a', { class: 'govuk-link', href: `/conferences/${id}/agenda`, id: 'change-agenda' },
      t('staff.conference.changeAgenda'))) : null,
    h('h2', { class: 'govuk-heading-m' }, t('conference.invited')),
    sendAll,
    h('ul', { class: 'govuk-list govuk-list--spaced', id: 'invitees' }, conference.invitees.map((invitee) => {
      const canInvite = isChair && (invitee.role === 'FAMILY_MEMBER' || invitee.role === 'ADVOCATE') && open && invitee.invitation !== 'NOT_SENT';
      const button = canInvite ? h('button', {
        type: 'button', class: 'govuk-button govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-left-2',
        'data-module': 'govuk-button', 'aria-label': t('staff.conference.newLinkTo', { name: invitee.name }),
      }, t('staff.conference.newLink')) : null;
      if (button) button.addEventListener('click', () => sendInvitation(invitee, button));
      const tagColour = INVITATION_TAGS[invitee.invitation] || '';
      const tagText = INVITATION_TAGS[invitee.invitation] ? t(`conference.invitation.${invitee.invitation}`) : '';
      const answers = [invitee.cantComeReason ? t('details.why', { reason: invitee.cantComeReason }) : null,
        invitee.interpreterLanguage ? t('conference.needsInterpreter', { language: invitee.interpreterLanguage }) : null,
        invitee.accessNeeds ? t('conference.otherHelp', { help: invitee.accessNeeds }) : null].filter(Boolean);
      return h('li', { 'data-invitee': invitee.id }, h('span', { class: 'govuk-!-font-weight-bold' }, invitee.name),
        ` (${ROLES.includes(invitee.role) ? t(`conference.role.${invitee.role}`) : invitee.role}) `,
        invitee.role !== 'CHAIR' && open ? h('strong', { class: `govuk-tag ${tagColour}`, 'data-status': invitee.invitation }, tagText) : null,
        answers.length ? h('ul', { class: 'govuk-list govuk-body-s govuk-!-margin-top-1', 'data-answers': invitee.id }, answers.map((a) => h('li', {}, a))) : null,
        button);
    })),
    isChair && open ? h('p', { class: 'govuk-body' }, h('a', { class: 'govuk-link', href: `/conferences/${id}/invitees/new`, id: 'add-invitee' },
      t('staff.conference.addInvitee'))) : null,
    await reportsSection(conference, caller),
    await signOffSection(conference, caller),
    await viewsSection(conference, caller),
    h('p', { class: 'govuk-body' }, h('a', { class: 'govuk-link', href: `/api/conferences/${id}/minutes`, id: 'minutes', download: '' },
      conference.status === 'CLOSED' ? t('conference.minutes') : t('conference.draftMinutes'))));
  initRadios(main);
}
