// Reports before a conference: each invited agency uploads its PDF and shares it with the
// family; everyone sees which are in and which are late.
import { api } from '../api.js';
import { formatDateTime, h, replaceChildren } from '../dom.js';
import { t } from '../i18n.js';
import { problemBox } from './record-nav.js';

export async function reportsSection(conference, caller) {
  const section = h('section', { id: 'reports', 'aria-labelledby': 'reports-heading' });

  async function draw(message, error) {
    const view = await api.get(`/conferences/${conference.id}/reports`);
    const invited = caller.kind === 'STAFF' && view.expected.some((e) => e.agencyId === caller.agencyId);
    const file = h('input', { class: 'govuk-file-upload', id: 'report-file', type: 'file', accept: 'application/pdf,.pdf' });
    const errors = h('div', { 'aria-live': 'assertive' });
    const form = h('form', { id: 'report-form', novalidate: true }, errors,
      h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: 'report-file' }, t('staff.reports.file')), file),
      h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary' }, t('staff.reports.upload')));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const chosen = file.files[0];
      if (!chosen) {
        replaceChildren(errors, problemBox({ message: t('staff.reports.choose') }));
        return;
      }
      try {
        await api.upload(`/conferences/${conference.id}/reports?fileName=${encodeURIComponent(chosen.name)}`, 'application/pdf',
          await chosen.arrayBuffer());
        await draw(t('staff.reports.uploaded'));
      } catch (e) {
        replaceChildren(errors, problemBox(e));
        errors.firstElementChild.focus();
      }
    });

    replaceChildren(section,
      h('h2', { class: 'govuk-heading-m', id: 'reports-heading' }, t('reports.heading')),
      h('p', { class: 'govuk-body', id: 'reports-due' }, t('reports.due', { when: formatDateTime(view.deadline) })),
      // Booked after the usual deadline: the page says why reports are due so late (staff only, as the tags below).
      view.shortNotice && caller.kind === 'STAFF' ? h('p', { class: 'govuk-body', id: 'short-notice' }, t('staff.reports.shortNotice')) : null,
      message ? h('div', { class: 'govuk-inset-text' }, message) : null,
      error ? problemBox(error) : null,
      caller.kind === 'STAFF' ? h('ul', { class: 'govuk-list', id: 'reports-expected' }, view.expected.map((e) => h('li', {},
        `${e.agencyName}: `,
        e.received ? h('strong', { class: `govuk-tag ${e.late ? 'govuk-tag--orange' : 'govuk-tag--green'}` }, e.late ? t('staff.reports.cameLate') : t('staff.reports.in'))
          : h('strong', { class: `govuk-tag ${e.late ? 'govuk-tag--red' : 'govuk-tag--grey'}` }, e.late ? t('staff.reports.late') : t('staff.reports.notIn'))))) : null,
      view.reports.length === 0 ? h('p', { class: 'govuk-body' }, caller.kind === 'STAFF' ? t('staff.reports.none') : t('reports.none'))
        : h('ul', { class: 'govuk-list govuk-list--spaced', id: 'report-list' }, view.reports.map((r) => {
          const share = caller.kind === 'STAFF' && r.agencyId === caller.agencyId && !r.sharedAt
            ? h('button', { type: 'button', class: 'govuk-button govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-left-2' }, t('staff.reports.share')) : null;
          if (share) {
            share.addEventListener('click', async () => {
              try {
                await api.post(`/conferences/${conference.id}/reports/${r.id}/share`);
                await draw(t('staff.reports.shared'));
              } catch (e) {
                await draw(null, e);
              }
            });
          }
          return h('li', {}, h('a', { class: 'govuk-link', href: `/api/conferences/${conference.id}/reports/${r.id}`, download: r.fileName },
            `${r.agencyName}: ${r.fileName}`), ' ', r.sharedAt ? t('reports.sharedOn', { when: formatDateTime(r.sharedAt) }) : t('staff.reports.notShared'), share);
        })),
      invited && conference.status !== 'CLOSED' ? form : null);
  }
  await draw(null, null);
  return section;
}
