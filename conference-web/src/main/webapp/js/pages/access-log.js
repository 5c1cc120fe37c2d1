// "Who looked at your record", readable on a phone: first every time a worker shared against
// the family's wishes (with their reasons), then one line per worker per day, each with the
// looks behind it in a details component, a page of days at a time.
import { api, requireCaller } from '../api.js';
import { formatDate, formatDateTime, h, param, replaceChildren } from '../dom.js';
import { renderLayout } from '../layout.js';
import { recordNav } from './record-nav.js';

const PAGE_SIZE = 20;
const dayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit' });

/** "Tuesday 1 December" from an ISO date. */
function day(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return dayFormat.format(new Date(y, m - 1, d)).replace(',', '');
}

/** "your plan, your conferences and your details". */
function overridesSection(log) {
  if (log.overrides.length === 0 && log.overridesWithheld === 0) return null;
  return h('section', { id: 'overrides', 'aria-labelledby': 'overrides-heading' },
    h('h2', { class: 'govuk-heading-m', id: 'overrides-heading' }, 'When a worker saw something you had not shared'),
    h('ul', { class: 'govuk-list govuk-list--spaced' }, log.overrides.map((o) => h('li', { class: 'app-card' },
      h('strong', {}, `${o.decidedByName}, ${o.agencyName}, saw ${o.what}`), ` on ${formatDateTime(o.decidedAt)}.`, h('br'),
      `Why: “${o.reason}”`, h('br'),
      o.inForce ? `They can see it until ${formatDate(o.reviewOn)}.` : 'This has ended.'))),
    log.overridesWithheld ? h('p', { class: 'govuk-body' },
      `${log.overridesWithheld} more ${log.overridesWithheld === 1 ? 'time is' : 'times are'} held back for now. You will see them later.`) : null);
}

function dayLine(line) {
  return h('li', { 'data-staff': line.staffId, 'data-day': line.day },
    // One thing fits the sentence; more go in a list below it, so no sentence grows long.
    h('p', { class: 'govuk-body govuk-!-margin-bottom-1' },
      h('strong', {}, `${line.staffName}, ${line.agencyName}`),
      line.what.length < 2 ? `, looked at ${line.what.join('')} on ${day(line.day)}.` : `, looked at these on ${day(line.day)}:`),
    line.what.length < 2 ? null : h('ul', { class: 'govuk-list govuk-list--bullet govuk-!-margin-bottom-1' }, line.what.map((w) => h('li', {}, w))),
    h('details', { class: 'govuk-details govuk-!-margin-bottom-2' },
      h('summary', { class: 'govuk-details__summary' },
        h('span', { class: 'govuk-details__summary-text' }, `Each look (${line.lookCount})`)),
      h('div', { class: 'govuk-details__text' }, h('ul', { class: 'govuk-list' }, line.looks.map((l) => h('li', {},
        `${timeFormat.format(new Date(l.at))}: ${l.what}${l.purpose ? `, to ${l.purpose}` : ''}`))),
      line.lookCount > line.looks.length ? h('p', { class: 'govuk-body-s' }, `And ${line.lookCount - line.looks.length} earlier that day.`) : null)));
}

function pagination(id, page, total) {
  const pages = Math.ceil(total / PAGE_SIZE);
  if (pages < 2) return null;
  const link = (p, rel, text) => h('div', { class: `govuk-pagination__${rel}` },
    h('a', { class: 'govuk-link govuk-pagination__link', href: `/families/${id}/access-log?page=${p}`, rel },
      h('span', { class: 'govuk-pagination__link-title' }, text)));
  return h('nav', { class: 'govuk-pagination', 'aria-label': 'Pages of the list' },
    page > 0 ? link(page - 1, 'prev', 'Newer') : null,
    page < pages - 1 ? link(page + 1, 'next', 'Older') : null);
}

export async function render(main, { id }) {
  const caller = await requireCaller();
  renderLayout({ title: 'Who looked at your record', caller });
  const page = Math.max(0, Number.parseInt(param('page') || '0', 10) || 0);
  const log = await api.get(`/families/${id}/access-log/days?page=${page}&size=${PAGE_SIZE}`);
  replaceChildren(main,
    recordNav(id, caller, `/families/${id}/access-log`),
    h('h1', { class: 'govuk-heading-l' }, 'Who looked at your record'),
    h('p', { class: 'govuk-body' }, 'We write down each time a worker looks at your information. You see one line for each worker for each day.'),
    overridesSection(log),
    h('h2', { class: 'govuk-heading-m' }, 'Who looked, day by day'),
    log.items.length === 0 ? h('p', { class: 'govuk-body' }, 'Nobody has looked yet.')
      : h('ul', { class: 'govuk-list govuk-list--spaced', id: 'access-log' }, log.items.map(dayLine)),
    pagination(id, page, log.total));
}
