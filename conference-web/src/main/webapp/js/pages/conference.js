import { api, requireCaller } from '../api.js';
import { formatDateTime, h, humanise, replaceChildren } from '../dom.js';
import { renderLayout } from '../layout.js';
import { statusColour } from './conferences.js';
import { reportsSection } from './reports.js';
import { closeSection, signOffSection, viewsSection } from './sign-off.js';

const ROLE_NAMES = {
  CHAIR: 'Chair', AGENCY_STAFF: 'Agency', FAMILY_MEMBER: 'Family', ADVOCATE: 'Advocate', OBSERVER: 'Observer',
};

/** A closed conference: its record is frozen; what was decided is shown from it. */
async function closedRecord(id) {
  const record = await api.get(`/conferences/${id}/record`);
  return h('div', { id: 'closed-record' },
    h('div', { class: 'govuk-inset-text' }, `This conference was closed by ${record.closedBy} on ${formatDateTime(record.closedAt)}. `
      + 'Its record can no longer be changed. The plan carries on.'),
    h('h2', { class: 'govuk-heading-m' }, 'What was decided'),
    record.decisions.length === 0 ? h('p', { class: 'govuk-body' }, 'No decisions were written down.')
      : h('ul', { class: 'govuk-list govuk-list--bullet', id: 'decisions-made' }, record.decisions.map((d) => h('li', {}, d))));
}

export async function render(main, { id }) {
  const caller = await requireCaller();
  const conference = await api.get(`/conferences/${id}`);
  renderLayout({ title: `${humanise(conference.kind)} conference`, caller });
  const isChair = caller.kind === 'STAFF' && caller.id === conference.chairId;
  const notice = h('div', { id: 'notice', 'aria-live': 'polite' });

  async function sendInvitation(invitee, button) {
    button.disabled = true;
    try {
      await api.post(`/conferences/${id}/invitees/${invitee.id}/invitation`);
      replaceChildren(notice, h('div', { class: 'govuk-inset-text' }, `Invitation sent to ${invitee.name}.`));
    } catch (error) {
      replaceChildren(notice, h('div', { class: 'govuk-error-summary', tabindex: '-1' },
        h('h2', { class: 'govuk-error-summary__title' }, 'There is a problem'),
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
        h('h2', { class: 'govuk-error-summary__title' }, 'There is a problem'),
        h('p', { class: 'govuk-body' }, error.message)));
    }
  }
  // Ending goes through the closing form below, which records attendance and decisions.
  const next = { SCHEDULED: ['LIVE', 'Open the conference'] }[conference.status];
  const move = isChair && next ? h('button', { type: 'button', class: 'govuk-button govuk-button--secondary', id: 'move-status' }, next[1]) : null;
  if (move) move.addEventListener('click', () => moveTo(next[0]));

  replaceChildren(main,
    h('span', { class: 'govuk-caption-l' }, h('a', { class: 'govuk-link', href: `/families/${conference.familyId}` }, conference.familyName)),
    h('h1', { class: 'govuk-heading-l' }, `${humanise(conference.kind)} conference`),
    h('p', { class: 'govuk-body-l', id: 'conference-when' }, formatDateTime(conference.scheduledStart)),
    h('p', { class: 'govuk-body' }, h('strong', { class: `govuk-tag ${statusColour(conference.status)}` }, humanise(conference.status)),
      ` Chair: ${conference.chairName}`),
    conference.status !== 'CLOSED' ? h('a', { class: 'govuk-button govuk-button--start', href: `/conferences/${id}/live`, id: 'join-live' },
      'Join the live conference') : null,
    conference.status === 'CLOSED' ? await closedRecord(id) : null,
    move,
    notice,
    h('h2', { class: 'govuk-heading-m' }, 'Agenda'),
    conference.agenda.length === 0 ? h('p', { class: 'govuk-body' }, 'The agenda is not ready yet.')
      : h('ol', { class: 'govuk-list govuk-list--number', id: 'agenda' }, conference.agenda.map((item) => h('li', {},
        item.title, item.notes ? h('p', { class: 'govuk-body-s app-muted' }, item.notes) : null))),
    h('h2', { class: 'govuk-heading-m' }, 'Who is invited'),
    h('ul', { class: 'govuk-list govuk-list--spaced', id: 'invitees' }, conference.invitees.map((invitee) => {
      const canInvite = isChair && (invitee.role === 'FAMILY_MEMBER' || invitee.role === 'ADVOCATE') && conference.status !== 'CLOSED';
      const button = canInvite ? h('button', {
        type: 'button', class: 'govuk-button govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-left-2',
        'data-module': 'govuk-button', 'aria-label': `Send an invitation to ${invitee.name}`,
      }, 'Send invitation') : null;
      if (button) button.addEventListener('click', () => sendInvitation(invitee, button));
      return h('li', {}, h('span', { class: 'govuk-!-font-weight-bold' }, invitee.name), ` (${ROLE_NAMES[invitee.role]})`, button);
    })),
    await reportsSection(conference, caller),
    await signOffSection(conference, caller),
    await viewsSection(conference, caller),
    isChair && conference.status === 'LIVE' ? closeSection(conference, () => render(main, { id })) : null,
    h('p', { class: 'govuk-body' }, h('a', { class: 'govuk-link', href: `/api/conferences/${id}/minutes`, id: 'minutes', download: '' },
      conference.status === 'CLOSED' ? 'Download the minutes (PDF)' : 'Download the draft minutes (PDF)')));
}
