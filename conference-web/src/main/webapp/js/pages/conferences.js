import { api, requireCaller } from '../api.js';
import { formatDateTime, h, humanise, replaceChildren } from '../dom.js';
import { renderLayout } from '../layout.js';

export async function render(main) {
  const caller = await requireCaller();
  renderLayout({ title: 'My conferences', caller });
  const page = await api.get('/conferences?size=50');
  replaceChildren(main,
    h('h1', { class: 'govuk-heading-l' }, 'My conferences'),
    page.items.length === 0
      ? h('p', { class: 'govuk-body', id: 'no-conferences' }, 'You have no conferences yet.')
      : h('ul', { class: 'govuk-list', id: 'conference-list' }, page.items.map((c) => h('li', { class: 'app-card' },
        h('h2', { class: 'govuk-heading-m' },
          h('a', { class: 'govuk-link', href: `/conferences/${c.id}` }, `${c.familyName}: ${humanise(c.kind)}`)),
        h('p', { class: 'govuk-body' }, formatDateTime(c.scheduledStart)),
        h('p', { class: 'govuk-body' }, h('strong', { class: `govuk-tag ${statusColour(c.status)}` }, humanise(c.status)),
          ` Chair: ${c.chairName}`)))));
}

export function statusColour(status) {
  return { SCHEDULED: 'govuk-tag--blue', LIVE: 'govuk-tag--green', CLOSED: 'govuk-tag--grey', CANCELLED: 'govuk-tag--red' }[status] || '';
}
