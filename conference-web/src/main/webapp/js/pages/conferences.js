import { api, requireCaller } from '../api.js';
import { formatDateTime, h, humanise, replaceChildren } from '../dom.js';
import { t } from '../i18n.js';
import { renderLayout } from '../layout.js';

function card(c, caller) {
  return h('li', { class: 'app-card', 'data-start': c.scheduledStart },
    h('h3', { class: 'govuk-heading-m' },
      h('a', { class: 'govuk-link', href: `/conferences/${c.id}` }, caller.kind === 'STAFF' ? `${c.familyName}: ${humanise(c.kind)}` : meetingName(c.kind, caller))),
    h('p', { class: 'govuk-body' }, formatDateTime(c.scheduledStart)),
    h('p', { class: 'govuk-body' }, h('strong', { class: `govuk-tag ${statusColour(c.status)}` }, statusName(c.status, caller)),
      ` ${t('meetings.chair', { name: c.chairName })}`));
}

// What a family calls its meetings and where they stand; staff keep the names of the procedure.
const FAMILY_NAMES = ['INITIAL_CHILD_PROTECTION', 'REVIEW_CHILD_PROTECTION', 'CORE_GROUP', 'TEAM_AROUND_THE_FAMILY', 'OTHER'];
const FAMILY_STATUS = ['SCHEDULED', 'LIVE', 'CLOSED', 'CANCELLED'];

/** "Review child protection" for staff, "Child protection review meeting" for a family or advocate. */
export function meetingName(kind, caller) {
  return caller.kind === 'STAFF' || !FAMILY_NAMES.includes(kind) ? humanise(kind) : t(`meeting.kind.${kind}`);
}

export function statusName(status, caller) {
  return caller.kind === 'STAFF' || !FAMILY_STATUS.includes(status) ? humanise(status) : t(`meeting.status.${status}`);
}

/** "Core group" is a term of art: where one is listed, the page says what it is before anything else about it. */
export function coreGroupMeans(conferences) {
  return conferences.some((c) => c.kind === 'CORE_GROUP') ? h('p', { class: 'govuk-body', 'data-explains': 'CORE_GROUP' },
    t('meeting.coreGroupExplained')) : null;
}

/**
 * Coming conferences in date order, the next one first (a live one counts as coming); past
 * ones apart below, the latest first.
 */
export function splitByDate(conferences, now = Date.now()) {
  const isPast = (c) => c.status === 'CLOSED' || (c.status !== 'LIVE' && Date.parse(c.scheduledStart) < now);
  const byStart = (a, b) => Date.parse(a.scheduledStart) - Date.parse(b.scheduledStart);
  return {
    coming: conferences.filter((c) => !isPast(c)).sort(byStart),
    past: conferences.filter(isPast).sort((a, b) => byStart(b, a)),
  };
}

export async function render(main) {
  const caller = await requireCaller();
  if (caller.roles && caller.roles.includes('ADMINISTRATOR')) {
    // Administrators have no conferences: their start is the administration pages.
    window.location.replace('/admin');
    return;
  }
  // Families read "meetings" everywhere; staff keep "conferences", the procedure's word.
  const words = (key) => t(caller.kind === 'STAFF' ? `staff.${key}` : key);
  renderLayout({ title: words('meetings.title'), caller });
  const page = await api.get('/conferences?size=100');
  const { coming, past } = splitByDate(page.items);
  replaceChildren(main,
    h('h1', { class: 'govuk-heading-l' }, words('meetings.title')),
    caller.kind === 'STAFF' || page.items.length === 0 ? null : h('p', { class: 'govuk-body', id: 'meetings-intro' },
      t('meetings.intro')),
    page.items.length === 0 ? h('p', { class: 'govuk-body', id: 'no-conferences' }, words('meetings.none')) : null,
    // A newcomer's empty start page: where conferences come from, and the way there.
    page.items.length === 0 ? h('p', { class: 'govuk-body', id: 'no-conferences-next' }, caller.kind === 'STAFF'
      ? [t('staff.meetings.howToSchedule'), ' ', h('a', { class: 'govuk-link', href: '/families' }, t('staff.meetings.goToFamilies')),
        ' ', t('staff.meetings.toFindAFamily')]
      : t('meetings.whenInvited')) : null,
    coreGroupMeans(page.items),
    page.items.length === 0 ? null : h('h2', { class: 'govuk-heading-m' }, t('meetings.comingUp')),
    page.items.length === 0 ? null : coming.length === 0
      ? h('p', { class: 'govuk-body', id: 'no-coming' }, words('meetings.noneBooked'))
      : h('ul', { class: 'govuk-list', id: 'conference-list' }, coming.map((c) => card(c, caller))),
    past.length === 0 ? null : h('h2', { class: 'govuk-heading-m' }, words('meetings.past')),
    past.length === 0 ? null : h('ul', { class: 'govuk-list', id: 'past-conferences' }, past.map((c) => card(c, caller))));
}

export function statusColour(status) {
  return { SCHEDULED: 'govuk-tag--blue', LIVE: 'govuk-tag--green', CLOSED: 'govuk-tag--grey', CANCELLED: 'govuk-tag--red' }[status] || '';
}
