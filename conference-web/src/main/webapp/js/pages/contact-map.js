// The contact map: which agencies saw the family, month by month, with a chart the server draws.
import { api, requireCaller } from '../api.js';
import { formatDate, h, replaceChildren } from '../dom.js';
import { renderLayout } from '../layout.js';
import { recordNav } from './record-nav.js';

const monthName = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric' });
const KIND_WORDS = {
  VISIT: ['visit', 'visits'], CALL: ['call', 'calls'], ASSESSMENT: ['assessment', 'assessments'],
  REFERRAL: ['referral', 'referrals'], MEETING: ['meeting', 'meetings'], LETTER: ['letter', 'letters'],
};

/** "3 visits, 1 assessment". */
function kinds(map) {
  return Object.entries(map).map(([kind, n]) => `${n} ${KIND_WORDS[kind][n === 1 ? 0 : 1]}`).join(', ');
}

/** The server's SVG, parsed as SVG (never as HTML) and placed in the page. */
function chart(svgText) {
  const svg = new DOMParser().parseFromString(svgText, 'image/svg+xml').documentElement;
  return h('div', { class: 'app-chart', id: 'contact-chart' }, document.importNode(svg, true));
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
      h('caption', { class: 'govuk-table__caption govuk-table__caption--s' }, 'Contacts each month, newest first'),
      h('thead', { class: 'govuk-table__head' }, h('tr', { class: 'govuk-table__row' },
        h('th', { scope: 'col', class: 'govuk-table__header' }, 'Month'),
        h('th', { scope: 'col', class: 'govuk-table__header' }, 'Who was in touch'),
        h('th', { scope: 'col', class: 'govuk-table__header govuk-table__header--numeric' }, 'Total'))),
      h('tbody', { class: 'govuk-table__body' }, busy.map((b) => h('tr', { class: 'govuk-table__row' },
        h('th', { scope: 'row', class: 'govuk-table__header' }, b.month),
        h('td', { class: 'govuk-table__cell' }, b.who.map((w) => h('span', { class: 'app-contact-who' }, w))),
        h('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, String(b.total)))))),
    quiet.length ? h('p', { class: 'govuk-body', id: 'quiet-months' }, `No contacts in ${quiet.map((q) => q.month).join(', ')}.`) : null);
}

export async function render(main, { id }) {
  const caller = await requireCaller();
  const isFamily = caller.kind !== 'STAFF';
  renderLayout({ title: isFamily ? 'Your contacts with agencies' : 'Contact map', caller });
  const map = await api.get(`/families/${id}/contact-map?months=12`);
  const months = map.months.map((m) => monthName.format(new Date(`${m}-01T12:00:00`)));
  const whose = caller.kind === 'FAMILY_MEMBER' ? 'your family' : 'the family';
  replaceChildren(main,
    recordNav(id, caller, `/families/${id}/contact-map`),
    h('h1', { class: 'govuk-heading-l' }, isFamily ? 'Your contacts with agencies' : 'Contact map'),
    // A worker or an advocate reads about "the family"; only the family reads "your family".
    h('p', { class: 'govuk-body', id: 'contact-map-intro' }, `Who has been in touch with ${whose} in the last 12 months, and how often.`),
    map.repeatedAssessments.map((r) => h('div', { class: 'govuk-warning-text' },
      h('span', { class: 'govuk-warning-text__icon', 'aria-hidden': 'true' }, '!'),
      h('strong', { class: 'govuk-warning-text__text' }, h('span', { class: 'govuk-visually-hidden' }, 'Warning'),
        `Between ${formatDate(r.from)} and ${formatDate(r.to)}, ${r.agencies.join(' and ')} each assessed ${whose}. `
        + 'You may have been asked the same questions more than once.'))),
    chart(map.chartSvg),
    byMonth(map, months),
    h('div', { class: 'app-table-wrapper app-contact-wide', tabindex: '0', role: 'region', 'aria-label': 'Contacts each month' }, h('table', { class: 'govuk-table', id: 'contact-table' },
      h('caption', { class: 'govuk-table__caption govuk-table__caption--s' }, 'Contacts each month'),
      h('thead', { class: 'govuk-table__head' }, h('tr', { class: 'govuk-table__row' },
        h('th', { scope: 'col', class: 'govuk-table__header' }, 'Agency'),
        months.map((m) => h('th', { scope: 'col', class: 'govuk-table__header' }, m)),
        h('th', { scope: 'col', class: 'govuk-table__header' }, 'Total'),
        h('th', { scope: 'col', class: 'govuk-table__header' }, 'What kind'))),
      h('tbody', { class: 'govuk-table__body' }, map.agencies.map((a) => h('tr', { class: 'govuk-table__row' },
        h('th', { scope: 'row', class: 'govuk-table__header' }, a.agencyName),
        a.perMonth.map((n) => h('td', { class: 'govuk-table__cell' }, String(n))),
        h('td', { class: 'govuk-table__cell' }, String(a.total)),
        h('td', { class: 'govuk-table__cell' }, kinds(a.kinds))))))));
}
