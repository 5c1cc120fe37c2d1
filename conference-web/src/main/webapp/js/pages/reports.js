// Reports before a conference: each invited agency uploads its PDF and shares it with the
// family; everyone sees which are in and which are late.
import { api } from '../api.js';
import { formatDateTime, h, replaceChildren } from '../dom.js';
import { problemBox } from './record-nav.js';

export async function reportsSection(conference, caller) {
  const section = h('section', { id: 'reports', 'aria-labelledby': 'reports-heading' });

  async function draw(message, error) {
    const view = await api.get(`/conferences/${conference.id}/reports`);
    const invited = caller.kind === 'STAFF' && view.expected.some((e) => e.agencyId === caller.agencyId);
    const file = h('input', { class: 'govuk-file-upload', id: 'report-file', type: 'file', accept: 'application/pdf,.pdf' });
    const errors = h('div', { 'aria-live': 'assertive' });
    const form = h('form', { id: 'report-form', novalidate: true }, errors,
      h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: 'report-file' }, 'Your agency\'s report (PDF, up to 5 MB)'), file),
      h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary' }, 'Upload the report'));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const chosen = file.files[0];
      if (!chosen) {
        replaceChildren(errors, problemBox({ message: 'Choose the PDF to upload.' }));
        return;
      }
      try {
        await api.upload(`/conferences/${conference.id}/reports?fileName=${encodeURIComponent(chosen.name)}`, 'application/pdf',
          await chosen.arrayBuffer());
        await draw('Uploaded. Share it with the family when it is ready for them.');
      } catch (e) {
        replaceChildren(errors, problemBox(e));
        errors.firstElementChild.focus();
      }
    });

    replaceChildren(section,
      h('h2', { class: 'govuk-heading-m', id: 'reports-heading' }, 'Reports'),
      h('p', { class: 'govuk-body' }, `Reports are due by ${formatDateTime(view.deadline)}.`),
      message ? h('div', { class: 'govuk-inset-text' }, message) : null,
      error ? problemBox(error) : null,
      caller.kind === 'STAFF' ? h('ul', { class: 'govuk-list', id: 'reports-expected' }, view.expected.map((e) => h('li', {},
        `${e.agencyName}: `,
        e.received ? h('strong', { class: `govuk-tag ${e.late ? 'govuk-tag--orange' : 'govuk-tag--green'}` }, e.late ? 'Came late' : 'In')
          : h('strong', { class: `govuk-tag ${e.late ? 'govuk-tag--red' : 'govuk-tag--grey'}` }, e.late ? 'Late' : 'Not in yet')))) : null,
      view.reports.length === 0 ? h('p', { class: 'govuk-body' }, caller.kind === 'STAFF' ? 'No reports you can read yet.' : 'No reports have been shared with you yet.')
        : h('ul', { class: 'govuk-list govuk-list--spaced', id: 'report-list' }, view.reports.map((r) => {
          const share = caller.kind === 'STAFF' && r.agencyId === caller.agencyId && !r.sharedAt
            ? h('button', { type: 'button', class: 'govuk-button govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-left-2' }, 'Share with the family') : null;
          if (share) {
            share.addEventListener('click', async () => {
              try {
                await api.post(`/conferences/${conference.id}/reports/${r.id}/share`);
                await draw('Shared with the family.');
              } catch (e) {
                await draw(null, e);
              }
            });
          }
          return h('li', {}, h('a', { class: 'govuk-link', href: `/api/conferences/${conference.id}/reports/${r.id}`, download: r.fileName },
            `${r.agencyName}: ${r.fileName}`), r.sharedAt ? ` (shared ${formatDateTime(r.sharedAt)})` : ' (not shared with the family yet)', share);
        })),
      invited && conference.status !== 'CLOSED' ? form : null);
  }
  await draw(null, null);
  return section;
}
