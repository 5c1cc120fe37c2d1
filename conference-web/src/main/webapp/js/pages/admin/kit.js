// What every administration page shares: only administrators get in, and the same start.
import { requireCaller } from '../../api.js';
import { h, replaceChildren } from '../../dom.js';
import { renderLayout } from '../../layout.js';

export const AGENCY_KINDS = [
  ['CHILDRENS_SOCIAL_CARE', "Children's social care"], ['HEALTH', 'Health'], ['EDUCATION', 'Education'],
  ['POLICE', 'Police'], ['HOUSING', 'Housing'], ['ADULT_SERVICES', 'Adult services'], ['VOLUNTARY', 'Voluntary sector'],
  ['OTHER', 'Other'],
];

export const ROLES = [
  ['CHAIR', 'Chair', 'Schedules and runs conferences'],
  ['ADMINISTRATOR', 'Administrator', 'Manages agencies and staff; sees no case detail'],
];

export function kindName(kind) {
  return (AGENCY_KINDS.find(([k]) => k === kind) || [kind, kind])[1];
}

/** Signs the administrator in (or sends them to sign in) and frames the page; anyone else is told it is not for them. */
export async function adminPage(main, title) {
  const caller = await requireCaller();
  renderLayout({ title, caller });
  if (!caller.roles || !caller.roles.includes('ADMINISTRATOR')) {
    const error = new Error('Only administrators can use the administration pages.');
    error.status = 403;
    throw error;
  }
  replaceChildren(main);
  return caller;
}

/** A GOV.UK table; hiddenCaption when a heading just above already says what it is. */
export function table(caption, headings, rows, id, { hiddenCaption = false } = {}) {
  return h('div', { class: 'app-table-wrapper app-table--stack', tabindex: '0', role: 'region', 'aria-label': caption },
    h('table', { class: 'govuk-table', id },
      h('caption', { class: hiddenCaption ? 'govuk-table__caption govuk-visually-hidden' : 'govuk-table__caption govuk-table__caption--m' }, caption),
      h('thead', { class: 'govuk-table__head' }, h('tr', { class: 'govuk-table__row' },
        headings.map((t) => h('th', { scope: 'col', class: 'govuk-table__header' }, t)))),
      h('tbody', { class: 'govuk-table__body' }, rows.map((cells) => h('tr', { class: 'govuk-table__row' },
        cells.map((c, n) => h('td', { class: 'govuk-table__cell', 'data-label': typeof headings[n] === 'string' && headings[n] ? headings[n] : null }, c)))))));
}
