// The chair's follow-up: actions across their families, overdue first, and the conferences the
// statutory timescales say are due or overdue.
import { api, requireCaller } from '../api.js';
import { formatDate, h, humanise, replaceChildren } from '../dom.js';
import { renderLayout } from '../layout.js';

const STATUSES = ['PROPOSED', 'AGREED', 'IN_PROGRESS', 'DONE', 'NOT_DONE', 'DROPPED'];
const DUE_STATE = {
  ON_TIME: ['govuk-tag--green', 'On time'], LATE: ['govuk-tag--red', 'Held late'],
  DUE: ['govuk-tag--blue', 'To book'], OVERDUE: ['govuk-tag--red', 'Overdue'],
};

function table(id, caption, headings, rows) {
  return h('div', { class: 'app-table-wrapper app-table--stack', tabindex: '0', role: 'region', 'aria-label': caption }, h('table', { class: 'govuk-table', id },
    h('caption', { class: 'govuk-table__caption govuk-table__caption--s' }, caption),
    h('thead', { class: 'govuk-table__head' }, h('tr', { class: 'govuk-table__row' },
      headings.map((t) => h('th', { scope: 'col', class: 'govuk-table__header' }, t)))),
    h('tbody', { class: 'govuk-table__body' }, rows.map((cells) => h('tr', { class: 'govuk-table__row' },
      cells.map((c, n) => h('td', { class: 'govuk-table__cell', 'data-label': typeof headings[n] === 'string' && headings[n] ? headings[n] : null }, c)))))));
}

/** A conference still to book is one click from its first question page. */
function bookLink(c) {
  if (c.conferenceId || (c.state !== 'DUE' && c.state !== 'OVERDUE')) return null;
  return h('a', { class: 'govuk-link', href: `/conferences/new/kind?family=${c.familyId}`, id: `book-${c.familyId}-${c.kind}` },
    'Book it', h('span', { class: 'govuk-visually-hidden' }, `: ${humanise(c.kind).toLowerCase()} for ${c.familyName}`));
}

export async function render(main) {
  const caller = await requireCaller();
  renderLayout({ title: 'Follow-up', caller });
  const status = new URLSearchParams(window.location.search).get('status') || '';
  const view = await api.get(`/dashboard${status ? `?status=${encodeURIComponent(status)}` : ''}`);
  const overdue = view.actions.filter((a) => a.overdue).length;

  const select = h('select', { class: 'govuk-select', id: 'status', name: 'status' },
    h('option', { value: '' }, 'All'),
    STATUSES.map((s) => h('option', { value: s, selected: s === status }, humanise(s))));
  const filter = h('form', { method: 'get', action: '/dashboard', id: 'filter' },
    h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: 'status' }, 'Show actions that are'), select),
    h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary' }, 'Show'));

  replaceChildren(main,
    h('h1', { class: 'govuk-heading-l' }, 'Follow-up'),
    h('p', { class: 'govuk-body-l', id: 'overdue-count' }, overdue === 0 ? 'No actions are overdue.'
      : `${overdue} ${overdue === 1 ? 'action is' : 'actions are'} overdue.`),
    h('h2', { class: 'govuk-heading-m' }, 'Conferences to book'),
    view.conferences.length === 0 ? h('p', { class: 'govuk-body' }, 'No conference is due under the timescales.')
      : table('conferences-due', 'Conferences the timescales require', ['Family', 'Conference', 'Due by', 'Suggested date', 'Where it stands'],
        view.conferences.map((c) => [
          h('a', { class: 'govuk-link', href: `/families/${c.familyId}` }, c.familyName),
          humanise(c.kind), formatDate(c.dueBy), c.proposedOn ? formatDate(c.proposedOn) : formatDate(c.bookedOn),
          [h('strong', { class: `govuk-tag ${DUE_STATE[c.state][0]}` }, DUE_STATE[c.state][1]), ' ', bookLink(c)]])),
    h('h2', { class: 'govuk-heading-m' }, 'Actions'),
    filter,
    view.actions.length === 0 ? h('p', { class: 'govuk-body' }, 'No actions to show.')
      : table('dashboard-actions', 'Actions, overdue first', ['Family', 'Action', 'Who', 'By when', 'Status'],
        view.actions.map((a) => [
          h('a', { class: 'govuk-link', href: `/families/${a.familyId}` }, a.familyName),
          // An action added in the room and not yet written still shows, so nobody forgets it.
          a.description || h('span', { class: 'app-muted' }, 'Not written yet'), a.ownerName, a.dueOn ? formatDate(a.dueOn) : 'No date',
          [h('strong', { class: 'govuk-tag govuk-tag--grey' }, humanise(a.status)),
            a.overdue ? h('strong', { class: 'govuk-tag govuk-tag--red app-overdue-tag' }, 'Overdue') : null]])),
    h('h2', { class: 'govuk-heading-m' }, 'Open actions by owner'),
    table('by-owner', 'Open and overdue actions for each owner', ['Owner', 'Open', 'Overdue'],
      view.byOwner.map((o) => [o.ownerName, String(o.open), String(o.overdue)])));
}
