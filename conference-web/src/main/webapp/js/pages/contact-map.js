// The contact map: which agencies saw the family, month by month, with a chart the server draws.
import { api, requireCaller } from '../api.js';
import { formatDate, formatMonth, h, replaceChildren } from '../dom.js';
import { t } from '../i18n.js';
import { renderLayout } from '../layout.js';
import { recordNav } from './record-nav.js';

const KINDS = ['VISIT', 'CALL', 'ASSESSMENT', 'REFERRAL', 'MEETING', 'LETTER'];

/** "3 visits, 1 assessment" ("3 ymweliad, 1 asesiad"). */
function kinds(map) {
  return Object.entries(map).map(([kind, n]) => (KINDS.includes(kind)
    ? t(`contactMap.${n === 1 ? 'one' : 'many'}.${kind}`, { count: n }) : `${n} ${kind}`)).join(', ');
}

/** The server's SVG, parsed as SVG (never as HTML) and placed in the page. */
function chart(svgText) {
  const svg = new DOMParser().parseFromString(svgText, 'image/svg+xml').documentElement;
  // The server draws the chart's words in the reader's language and says which, for screen readers.
  return h('div', { class: 'app-chart', id: 'contact-chart', lang: svg.getAttribute('lang') || 'en' }, document.importNode(svg, true));
}

/**
 * On a phone, a table a month to a row: the months with contacts first (newest first), then the
 * quiet months in one sentence, so nobody scrolls past empty months to find who came.
 */
function byMonth(map, months) {
  const busy = [];
  const quiet = [];
  for (let m = months.length - 1; m >= 0; m--) {
    const who = map.agencies.filter((a) => a.perMonth[m] > 0).map((a) => `${a.agencyName}: ${a.perMonth[m]}`);
    (who.length ? busy : quiet).push({ month: months[m], who, total: map.agencies.reduce((n, a) => n + a.perMonth[m], 0) });
  }
  return h('div', { class: 'app-contact-months', id: 'contact-months' },
    h('table', { class: 'govuk-table' },
      h('caption', { class: 'govuk-table__caption govuk-table__caption--s' }, t('contactMap.newestFirst')),
      h('thead', { class: 'govuk-table__head' }, h('tr', { class: 'govuk-table__row' },
        h('th', { scope: 'col', class: 'govuk-table__header' }, t('contactMap.month')),
        h('th', { scope: 'col', class: 'govuk-table__header' }, t('contactMap.who')),
        h('th', { scope: 'col', class: 'govuk-table__header govuk-table__header--numeric app-contact-total' }, t('contactMap.total')))),
      h('tbody', { class: 'govuk-table__body' }, busy.map((b) => h('tr', { class: 'govuk-table__row' },
        h('th', { scope: 'row', class: 'govuk-table__header' }, b.month),
        h('td', { class: 'govuk-table__cell' }, b.who.map((w) => h('span', { class: 'app-contact-who' }, w))),
        h('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, String(b.total)))))),
    quiet.length ? h('p', { class: 'govuk-body', id: 'quiet-months' }, t('contactMap.quiet', { months: quiet.map((q) => q.month).join(', ') })) : null);
}

export async function render(main, { id }) {
  const caller = await requireCaller();
  const isFamily = caller.kind !== 'STAFF';
  renderLayout({ title: isFamily ? t('recordNav.contactMap') : t('staff.recordNav.contactMap'), caller });
  const map = await api.get(`/families/${id}/contact-map?months=12`);
  const months = map.months.map(formatMonth);
  const ofTheFamily = caller.kind !== 'FAMILY_MEMBER';
  replaceChildren(main,
    recordNav(id, caller, `/families/${id}/contact-map`),
    h('h1', { class: 'govuk-heading-l' }, isFamily ? t('recordNav.contactMap') : t('staff.recordNav.contactMap')),
    // A worker or an advocate reads about "the family"; only the family reads "your family".
    h('p', { class: 'govuk-body', id: 'contact-map-intro' }, t(ofTheFamily ? 'contactMap.introTheFamily' : 'contactMap.intro')),
    map.repeatedAssessments.map((r) => h('div', { class: 'govuk-warning-text' },
      h('span', { class: 'govuk-warning-text__icon', 'aria-hidden': 'true' }, '!'),
      h('strong', { class: 'govuk-warning-text__text' }, h('span', { class: 'govuk-visually-hidden' }, t('details.warning')), ' ',
        t(ofTheFamily ? 'contactMap.repeatedTheFamily' : 'contactMap.repeated',
          { from: formatDate(r.from), to: formatDate(r.to), agencies: r.agencies.join(t('contactMap.and')) })))),
    chart(map.chartSvg),
    byMonth(map, months),
    h('div', { class: 'app-table-wrapper app-contact-wide', tabindex: '0', role: 'region', 'aria-label': t('contactMap.each') }, h('table', { class: 'govuk-table', id: 'contact-table' },
      h('caption', { class: 'govuk-table__caption govuk-table__caption--s' }, t('contactMap.each')),
      h('thead', { class: 'govuk-table__head' }, h('tr', { class: 'govuk-table__row' },
        h('th', { scope: 'col', class: 'govuk-table__header' }, t('contactMap.agency')),
        months.map((m) => h('th', { scope: 'col', class: 'govuk-table__header' }, m)),
        h('th', { scope: 'col', class: 'govuk-table__header' }, t('contactMap.total')),
        h('th', { scope: 'col', class: 'govuk-table__header' }, t('contactMap.kind')))),
      h('tbody', { class: 'govuk-table__body' }, map.agencies.map((a) => h('tr', { class: 'govuk-table__row' },
        h('th', { scope: 'row', class: 'govuk-table__header' }, a.agencyName),
        a.perMonth.map((n) => h('td', { class: 'govuk-table__cell' }, String(n))),
        h('td', { class: 'govuk-table__cell' }, String(a.total)),
        h('td', { class: 'govuk-table__cell' }, kinds(a.kinds))))))));
}
