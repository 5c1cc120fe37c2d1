// The plan on one plain page the family can print: every goal and action, with who, by when
// and where it stands. The print stylesheet drops the navigation and prints black on white.
import { api, requireCaller } from '../api.js';
import { formatDate, h, replaceChildren } from '../dom.js';
import { renderLayout } from '../layout.js';

const STATUS_WORDS = {
  PROPOSED: 'Suggested, not agreed yet', AGREED: 'Agreed, not started yet', IN_PROGRESS: 'Started',
  DONE: 'Done', NOT_DONE: 'Could not be done', DROPPED: 'No longer needed',
};

/** A goal the family does not share with the reader's agency comes without its words. */
const NOT_SHARED_GOAL = 'A goal not shared with your agency';

function titleOf(goal) {
  return goal.title || NOT_SHARED_GOAL;
}

function actions(goal) {
  if (!goal.actions.length) return h('p', { class: 'govuk-body' }, 'No actions yet.');
  return h('table', { class: 'govuk-table app-print-plan' },
    h('caption', { class: 'govuk-table__caption govuk-table__caption--s govuk-visually-hidden' }, `Actions for: ${titleOf(goal)}`),
    h('thead', { class: 'govuk-table__head' }, h('tr', { class: 'govuk-table__row' },
      ['What will happen', 'Who', 'By when', 'Where it stands'].map((t) => h('th', { scope: 'col', class: 'govuk-table__header' }, t)))),
    h('tbody', { class: 'govuk-table__body' }, goal.actions.map((a) => h('tr', { class: 'govuk-table__row' },
      h('td', { class: 'govuk-table__cell' }, a.description),
      h('td', { class: 'govuk-table__cell' }, a.ownerName || 'Nobody yet'),
      h('td', { class: 'govuk-table__cell' }, a.dueOn ? formatDate(a.dueOn) : 'No date'),
      h('td', { class: 'govuk-table__cell' }, STATUS_WORDS[a.status] || a.status)))));
}

export async function render(main, { id }) {
  const caller = await requireCaller();
  const [family, plan] = await Promise.all([api.get(`/families/${id}`), api.get(`/families/${id}/plan`)]);
  renderLayout({ title: `The plan for the ${family.name}`, caller });
  replaceChildren(main,
    h('p', { class: 'govuk-body app-no-print' }, h('a', { class: 'govuk-link', href: `/families/${id}` }, 'Back to the family page')),
    h('h1', { class: 'govuk-heading-l' }, `The plan for the ${family.name}`),
    h('p', { class: 'govuk-body', id: 'printed-on' }, `Printed on ${formatDate(new Date().toISOString().slice(0, 10))}.`),
    h('button', { type: 'button', class: 'govuk-button govuk-button--secondary app-no-print', id: 'print', onclick: () => window.print() },
      'Print this page'),
    plan.onlyOwnActions ? h('div', { class: 'govuk-inset-text', id: 'plan-not-shared' },
      'Not shared with your agency. This shows only the actions your agency owns.') : null,
    plan.goals.length ? plan.goals.map((goal) => h('section', { class: 'app-print-goal' },
      h('h2', { class: `govuk-heading-m${goal.title ? '' : ' app-muted'}` }, titleOf(goal)),
      goal.description ? h('p', { class: 'govuk-body' }, goal.description) : null,
      h('div', { class: 'app-table-wrapper', tabindex: '0', role: 'region', 'aria-label': `Actions for: ${titleOf(goal)}` }, actions(goal))))
      : h('p', { class: 'govuk-body' }, 'The plan has no goals yet.'));
}
