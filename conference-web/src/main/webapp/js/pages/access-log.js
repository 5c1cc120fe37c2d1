// "Who looked at your record": every time a worker opened part of the family's record.
import { api, requireCaller } from '../api.js';
import { formatDateTime, h, replaceChildren } from '../dom.js';
import { renderLayout } from '../layout.js';
import { recordNav } from './record-nav.js';

export async function render(main, { id }) {
  const caller = await requireCaller();
  renderLayout({ title: 'Who looked at your record', caller });
  const log = await api.get(`/families/${id}/access-log?size=100`);
  replaceChildren(main,
    recordNav(id, caller, `/families/${id}/access-log`),
    h('h1', { class: 'govuk-heading-l' }, 'Who looked at your record'),
    h('p', { class: 'govuk-body' }, 'Each time a worker looks at your information, we write it down here.'),
    log.items.length === 0 ? h('p', { class: 'govuk-body' }, 'Nobody has looked yet.')
      : h('ul', { class: 'govuk-list govuk-list--spaced', id: 'access-log' }, log.items.map((a) => h('li', {},
        h('strong', {}, `${a.staffName} from ${a.agencyName}`), ` looked at ${a.what}`,
        a.purpose ? `, to ${a.purpose}` : '', `. ${formatDateTime(a.at)}.`))),
    log.total > log.items.length ? h('p', { class: 'govuk-body' }, `Showing the newest ${log.items.length} of ${log.total}.`) : null);
}
