import { api, requireCaller } from '../api.js';
import { formatDateTime, h, humanise, replaceChildren } from '../dom.js';
import { renderLayout } from '../layout.js';

function card(c) {
  return h('li', { class: 'app-card', 'data-start': c.scheduledStart },
    h('h3', { class: 'govuk-heading-m' },
      h('a', { class: 'govuk-link', href: `/conferences/${c.id}` }, `${c.familyName}: ${humanise(c.kind)}`)),
    h('p', { class: 'govuk-body' }, formatDateTime(c.scheduledStart)),
    h('p', { class: 'govuk-body' }, h('strong', { class: `govuk-tag ${statusColour(c.status)}` }, humanise(c.status)),
      ` Chair: ${c.chairName}`));
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
  renderLayout({ title: 'My conferences', caller });
  const page = await api.get('/conferences?size=100');
  const { coming, past } = splitByDate(page.items);
  replaceChildren(main,
    h('h1', { class: 'govuk-heading-l' }, 'My conferences'),
    page.items.length === 0 ? h('p', { class: 'govuk-body', id: 'no-conferences' }, 'You have no conferences yet.') : null,
    // A newcomer's empty start page: where conferences come from, and the way there.
    page.items.length === 0 ? h('p', { class: 'govuk-body', id: 'no-conferences-next' }, caller.kind === 'STAFF'
      ? ['A chair schedules a conference from the family\u2019s page. ', h('a', { class: 'govuk-link', href: '/families' }, 'Go to families'),
        ' to find a family or open a new case.']
      : 'When you are invited to a meeting, it will show here and we will email you.') : null,
    page.items.length === 0 ? null : h('h2', { class: 'govuk-heading-m' }, 'Coming up'),
    page.items.length === 0 ? null : coming.length === 0
      ? h('p', { class: 'govuk-body', id: 'no-coming' }, 'No conference is booked.')
      : h('ul', { class: 'govuk-list', id: 'conference-list' }, coming.map(card)),
    past.length === 0 ? null : h('h2', { class: 'govuk-heading-m' }, 'Past conferences'),
    past.length === 0 ? null : h('ul', { class: 'govuk-list', id: 'past-conferences' }, past.map(card)));
}

export function statusColour(status) {
  return { SCHEDULED: 'govuk-tag--blue', LIVE: 'govuk-tag--green', CLOSED: 'govuk-tag--grey', CANCELLED: 'govuk-tag--red' }[status] || '';
}
