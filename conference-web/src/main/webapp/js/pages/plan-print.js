// The plan on one plain page the family can print: every goal and action, with who, by when
// and where it stands. The print stylesheet drops the navigation and prints black on white.
import { api, requireCaller } from '../api.js';
import { formatDate, h, replaceChildren } from '../dom.js';
import { t } from '../i18n.js';
import { renderLayout } from '../layout.js';

const STATUS_WORDS = ['PROPOSED', 'AGREED', 'IN_PROGRESS', 'DONE', 'NOT_DONE', 'DROPPED'];

/** A goal the family does not share with the reader's agency comes without its words. */
function titleOf(goal) {
  return goal.title || t('staff.print.goalNotShared');
}

function actions(goal) {
  if (!goal.actions.length) return h('p', { class: 'govuk-body' }, t('plan.noActions'));
  return h('table', { class: 'govuk-table app-print-plan' },
    h('caption', { class: 'govuk-table__caption govuk-table__caption--s govuk-visually-hidden' }, t('print.actionsFor', { goal: titleOf(goal) })),
    h('thead', { class: 'govuk-table__head' }, h('tr', { class: 'govuk-table__row' },
      [t('print.what'), t('print.who'), t('print.byWhen'), t('print.stands')].map((text) => h('th', { scope: 'col', class: 'govuk-table__header' }, text)))),
    h('tbody', { class: 'govuk-table__body' }, goal.actions.map((a) => h('tr', { class: 'govuk-table__row' },
      h('td', { class: 'govuk-table__cell', 'data-label': t('print.what') }, a.description),
      h('td', { class: 'govuk-table__cell', 'data-label': t('print.who') }, a.ownerName || t('print.nobody')),
      h('td', { class: 'govuk-table__cell', 'data-label': t('print.byWhen') }, a.dueOn ? formatDate(a.dueOn) : t('date.none')),
      h('td', { class: 'govuk-table__cell', 'data-label': t('print.stands') },
        STATUS_WORDS.includes(a.status) ? t(`plan.status.${a.status}`) : a.status)))));
}

export async function render(main, { id }) {
  const caller = await requireCaller();
  const [family, plan] = await Promise.all([api.get(`/families/${id}`), api.get(`/families/${id}/plan`)]);
  renderLayout({ title: t('print.title', { family: family.name }), caller });
  replaceChildren(main,
    h('p', { class: 'govuk-body app-no-print' }, h('a', { class: 'govuk-link', href: `/families/${id}` }, t('print.back'))),
    h('h1', { class: 'govuk-heading-l' }, t('print.title', { family: family.name })),
    h('p', { class: 'govuk-body', id: 'printed-on' }, t('print.printedOn', { date: formatDate(new Date().toISOString().slice(0, 10)) })),
    h('button', { type: 'button', class: 'govuk-button govuk-button--secondary app-no-print', id: 'print', onclick: () => window.print() },
      t('print.print')),
    plan.onlyOwnActions ? h('div', { class: 'govuk-inset-text', id: 'plan-not-shared' }, t('staff.print.onlyOwnActions')) : null,
    plan.goals.length ? plan.goals.map((goal) => h('section', { class: 'app-print-goal' },
      h('h2', { class: `govuk-heading-m${goal.title ? '' : ' app-muted'}` }, titleOf(goal)),
      goal.description ? h('p', { class: 'govuk-body' }, goal.description) : null,
      h('div', { class: 'app-table-wrapper app-table--stack', tabindex: '0', role: 'region', 'aria-label': t('print.actionsFor', { goal: titleOf(goal) }) }, actions(goal))))
      : h('p', { class: 'govuk-body' }, t('print.noGoals')));
}
