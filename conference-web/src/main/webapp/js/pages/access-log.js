// "Who looked at your record", readable on a phone: first every time a worker shared against
// the family's wishes (with their reasons), then one line per worker per day, each with the
// looks behind it in a details component, a page of days at a time.
import { api, requireCaller } from '../api.js';
import { formatDate, formatDateTime, formatDay, formatTime, h, param, replaceChildren } from '../dom.js';
import { language, t, translated } from '../i18n.js';
import { renderLayout } from '../layout.js';
import { recordNav } from './record-nav.js';

const PAGE_SIZE = 20;
const KINDS = ['DETAILS', 'CONTACTS', 'PLAN', 'CONFERENCE_RECORDS', 'REPORTS'];

/**
 * "Tuesday 1 December" from an ISO date; in Welsh "ddydd Mawrth 1 Rhagfyr", the form that
 * means "on Tuesday" (Welsh mutates the day's name instead of adding a word).
 */
function day(iso) {
  const text = formatDay(iso);
  return language() === 'cy' ? text.replace(/^Dydd /, 'ddydd ') : text;
}

/** What was looked at, in the page's language (the log keeps the server's English words). */
// The log's older words say "conference" where the pages now say "meeting".
const looked = (what) => translated('accessLog.read.', what.replace(/conference/g, 'meeting'));

/** "your plan, your conferences and your details". */
function overridesSection(log) {
  if (log.overrides.length === 0 && log.overridesWithheld === 0) return null;
  return h('section', { id: 'overrides', 'aria-labelledby': 'overrides-heading' },
    h('h2', { class: 'govuk-heading-m', id: 'overrides-heading' }, t('accessLog.overridesHeading')),
    h('ul', { class: 'govuk-list govuk-list--spaced' }, log.overrides.map((o) => h('li', { class: 'app-card' },
      h('strong', {}, t('accessLog.saw', { name: o.decidedByName, agency: o.agencyName, what: KINDS.includes(o.kind) ? t(`sharing.what.${o.kind}`) : o.what })),
      ' ', t('accessLog.sawOn', { when: formatDateTime(o.decidedAt) }), h('br'),
      t('accessLog.why', { reason: o.reason }), h('br'),
      o.inForce ? t('accessLog.until', { date: formatDate(o.reviewOn) }) : t('accessLog.ended')))),
    log.overridesWithheld ? h('p', { class: 'govuk-body' },
      t(log.overridesWithheld === 1 ? 'accessLog.heldBackOne' : 'accessLog.heldBackMany', { count: log.overridesWithheld })) : null);
}

function dayLine(line) {
  return h('li', { 'data-staff': line.staffId, 'data-day': line.day },
    // One thing fits the sentence; more go in a list below it, so no sentence grows long.
    h('p', { class: 'govuk-body govuk-!-margin-bottom-1' },
      h('strong', {}, `${line.staffName}, ${line.agencyName}`),
      line.what.length < 2 ? t('accessLog.lookedAtOne', { what: line.what.map(looked).join(''), day: day(line.day) })
        : t('accessLog.lookedAtMany', { day: day(line.day) })),
    line.what.length < 2 ? null : h('ul', { class: 'govuk-list govuk-list--bullet govuk-!-margin-bottom-1' }, line.what.map((w) => h('li', {}, looked(w)))),
    h('details', { class: 'govuk-details govuk-!-margin-bottom-2' },
      h('summary', { class: 'govuk-details__summary' },
        h('span', { class: 'govuk-details__summary-text' }, t('accessLog.eachLook', { count: line.lookCount }))),
      h('div', { class: 'govuk-details__text' }, h('ul', { class: 'govuk-list' }, line.looks.map((l) => h('li', {},
        `${formatTime(l.at)}: ${looked(l.what)}${l.purpose ? t('accessLog.toPurpose', { purpose: l.purpose }) : ''}`))),
      line.lookCount > line.looks.length ? h('p', { class: 'govuk-body-s' }, t('accessLog.earlier', { count: line.lookCount - line.looks.length })) : null)));
}

function pagination(id, page, total) {
  const pages = Math.ceil(total / PAGE_SIZE);
  if (pages < 2) return null;
  const link = (p, rel, text) => h('div', { class: `govuk-pagination__${rel}` },
    h('a', { class: 'govuk-link govuk-pagination__link', href: `/families/${id}/access-log?page=${p}`, rel },
      h('span', { class: 'govuk-pagination__link-title' }, text)));
  return h('nav', { class: 'govuk-pagination', 'aria-label': t('accessLog.pages') },
    page > 0 ? link(page - 1, 'prev', t('accessLog.newer')) : null,
    page < pages - 1 ? link(page + 1, 'next', t('accessLog.older')) : null);
}

export async function render(main, { id }) {
  const caller = await requireCaller();
  renderLayout({ title: t('recordNav.accessLog'), caller });
  const page = Math.max(0, Number.parseInt(param('page') || '0', 10) || 0);
  const log = await api.get(`/families/${id}/access-log/days?page=${page}&size=${PAGE_SIZE}`);
  replaceChildren(main,
    recordNav(id, caller, `/families/${id}/access-log`),
    h('h1', { class: 'govuk-heading-l' }, t('recordNav.accessLog')),
    h('p', { class: 'govuk-body' }, t('accessLog.intro')),
    overridesSection(log),
    h('h2', { class: 'govuk-heading-m' }, t('accessLog.byDay')),
    log.items.length === 0 ? h('p', { class: 'govuk-body' }, t('accessLog.nobody'))
      : h('ul', { class: 'govuk-list govuk-list--spaced', id: 'access-log' }, log.items.map(dayLine)),
    pagination(id, page, log.total));
}
