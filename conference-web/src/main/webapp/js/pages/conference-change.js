// After scheduling, the chair keeps the conference up to date from the pages: the agenda
// (add, change, take off an item) and the list (invite someone else). Staff pages: English.
import { api, requireCaller } from '../api.js';
import { h, humanise, param, replaceChildren } from '../dom.js';
import { backLink, setFlash, takeFlash } from '../fields.js';
import { errorsFrom, showErrors } from '../forms.js';
import { renderLayout } from '../layout.js';
import { textArea, textField } from '../questions.js';

const AGENDA_FIELDS = { title: 'title', notes: 'notes' };

export async function render(main, { id }) {
  const caller = await requireCaller();
  const conference = await api.get(`/conferences/${id}`);
  if (caller.kind !== 'STAFF' || caller.id !== conference.chairId) {
    const error = new Error('Only the conference\u2019s chair can change its agenda or its list.');
    error.status = 403;
    throw error;
  }
  if (window.location.pathname.endsWith('/agenda')) await agendaPage(main, caller, conference);
  else await inviteePage(main, caller, conference);
}

/** The agenda as a summary list, each item with "Change" and "Remove"; below, the form to add or change one. */
async function agendaPage(main, caller, conference) {
  const id = conference.id;
  renderLayout({ title: 'Change the agenda', caller });
  const editing = conference.agenda.find((item) => item.id === param('item'));
  const form = h('form', { novalidate: true, id: 'agenda-form' },
    h('h2', { class: 'govuk-heading-m' }, editing ? `Change item ${conference.agenda.indexOf(editing) + 1}` : 'Add an item'),
    textField({ id: 'title', label: 'Title', hint: 'For example, How Ryan is doing at school', value: editing ? editing.title : '' }),
    textArea({ id: 'notes', label: 'Notes (optional)', hint: 'Anything people should read before this item', value: editing ? editing.notes : '' }),
    h('div', { class: 'govuk-button-group' },
      h('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button', id: 'save-item' }, editing ? 'Save this item' : 'Add to the agenda'),
      editing ? h('a', { class: 'govuk-link', href: `/conferences/${id}/agenda` }, 'Do not change it') : null));
  const list = conference.agenda.length === 0 ? h('p', { class: 'govuk-body', id: 'no-agenda' }, 'The agenda is empty.')
    : h('dl', { class: 'govuk-summary-list', id: 'agenda-items' }, conference.agenda.map((item, n) => {
      const remove = h('button', { type: 'button', class: 'app-link-button govuk-link', id: `remove-${item.id}` },
        'Remove', h('span', { class: 'govuk-visually-hidden' }, ` ${item.title}`));
      remove.addEventListener('click', async () => {
        try {
          await api.del(`/conferences/${id}/agenda/${item.id}`);
          setFlash('The agenda is changed', `\u201c${item.title}\u201d is no longer on it.`);
          window.location.assign(`/conferences/${id}/agenda`);
        } catch (error) {
          showErrors(form, errorsFrom(error), AGENDA_FIELDS);
        }
      });
      return h('div', { class: 'govuk-summary-list__row', 'data-item': item.id },
        h('dt', { class: 'govuk-summary-list__key' }, `Item ${n + 1}`),
        h('dd', { class: 'govuk-summary-list__value' }, item.title, item.notes ? h('p', { class: 'govuk-body-s app-muted govuk-!-margin-bottom-0' }, item.notes) : null),
        h('dd', { class: 'govuk-summary-list__actions' }, h('ul', { class: 'govuk-summary-list__actions-list' },
          h('li', { class: 'govuk-summary-list__actions-list-item' },
            h('a', { class: 'govuk-link', href: `/conferences/${id}/agenda?item=${item.id}`, id: `change-${item.id}` },
              'Change', h('span', { class: 'govuk-visually-hidden' }, ` ${item.title}`))),
          h('li', { class: 'govuk-summary-list__actions-list-item' }, remove))));
    }));
  replaceChildren(main, backLink(`/conferences/${id}`), takeFlash(), h('div', { id: 'error-summary' }),
    h('span', { class: 'govuk-caption-l' }, `${conference.familyName}: ${humanise(conference.kind)}`),
    h('h1', { class: 'govuk-heading-l' }, 'Change the agenda'),
    h('p', { class: 'govuk-body' }, 'Everyone invited sees the agenda on the conference\u2019s page. New items go at the end.'),
    list, form,
    h('p', { class: 'govuk-body' }, h('a', { class: 'govuk-link', href: `/conferences/${id}`, id: 'back-to-conference' }, 'Back to the conference')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { title: form.querySelector('#title').value.trim(), notes: form.querySelector('#notes').value.trim() || null };
    if (!body.title) {
      showErrors(form, [{ field: 'title', message: 'Enter the agenda item\u2019s title' }], AGENDA_FIELDS);
      return;
    }
    try {
      if (editing) await api.put(`/conferences/${id}/agenda/${editing.id}`, body);
      else await api.post(`/conferences/${id}/agenda`, body);
      setFlash('The agenda is changed', editing ? `Item ${conference.agenda.indexOf(editing) + 1} is now \u201c${body.title}\u201d.` : `\u201c${body.title}\u201d is at the end.`);
      window.location.assign(`/conferences/${id}/agenda`);
    } catch (error) {
      showErrors(form, errorsFrom(error), AGENDA_FIELDS);
    }
  });
}

/** One person to add to the list: the family, its advocates, and staff of the agencies working with it, not yet invited. */
async function inviteePage(main, caller, conference) {
  const id = conference.id;
  renderLayout({ title: 'Invite someone else', caller });
  const today = new Date().toISOString().slice(0, 10);
  const [family, candidates] = await Promise.all([api.get(`/families/${conference.familyId}`),
    api.get(`/conferences/candidates?familyId=${conference.familyId}`)]);
  const invited = new Set(conference.invitees.map((i) => `${i.personKind}:${i.personId}`));
  const options = [
    ...family.members.filter((m) => !invited.has(`FAMILY_MEMBER:${m.id}`))
      .map((m) => [`member:${m.id}`, m.fullName, m.email ? 'Family' : 'Family. No email address: add one before sending the invitation']),
    ...family.advocates.filter((a) => (!a.endsOn || a.endsOn >= today) && !invited.has(`ADVOCATE:${a.advocateId}`))
      .map((a) => [`advocate:${a.advocateId}`, `${a.fullName} (advocate)`, a.organisation]),
    ...candidates.filter((c) => !invited.has(`STAFF:${c.id}`))
      .map((c) => [`staff:${c.id}`, c.fullName, c.lead ? `${c.agencyName}. Lead worker for this family` : c.agencyName]),
  ];
  const form = h('form', { novalidate: true, id: 'invitee-form' },
    h('div', { class: 'govuk-form-group' },
      h('fieldset', { class: 'govuk-fieldset', 'aria-describedby': 'person-hint' },
        h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--l' }, h('h1', { class: 'govuk-fieldset__heading' }, 'Who else is invited?')),
        h('div', { class: 'govuk-hint', id: 'person-hint' }, 'Choose one person. Their invitation is sent when you send the invitations from the conference\u2019s page.'),
        options.length === 0 ? h('p', { class: 'govuk-body', id: 'person' }, 'Everyone who works with the family is on the list already.')
          : h('div', { class: 'govuk-radios', 'data-module': 'govuk-radios' }, options.map(([value, label, hint], n) => {
            const inputId = n === 0 ? 'person' : `person-${value.replace(':', '-')}`;
            return h('div', { class: 'govuk-radios__item' },
              h('input', { class: 'govuk-radios__input', id: inputId, name: 'person', type: 'radio', value, 'aria-describedby': hint ? `${inputId}-hint` : null }),
              h('label', { class: 'govuk-label govuk-radios__label', for: inputId }, label),
              hint ? h('div', { class: 'govuk-hint govuk-radios__hint', id: `${inputId}-hint` }, hint) : null);
          })))),
    options.length ? h('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button', id: 'add-person' }, 'Add to the list') : null);
  replaceChildren(main, backLink(`/conferences/${id}`), h('div', { id: 'error-summary' }),
    h('span', { class: 'govuk-caption-l' }, `${conference.familyName}: ${humanise(conference.kind)}`), form);
  const fields = { staffMemberId: 'person', familyMemberId: 'person', advocateId: 'person', role: 'person' };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = form.querySelector('input[name="person"]:checked');
    if (!chosen) {
      showErrors(form, [{ field: 'person', message: 'Choose who to invite' }]);
      return;
    }
    const [kind, personId] = chosen.value.split(':');
    const body = kind === 'member' ? { role: 'FAMILY_MEMBER', familyMemberId: personId }
      : kind === 'advocate' ? { role: 'ADVOCATE', advocateId: personId } : { role: 'AGENCY_STAFF', staffMemberId: personId };
    try {
      await api.post(`/conferences/${id}/invitees`, body);
      window.location.assign(`/conferences/${id}?added=1`);
    } catch (error) {
      showErrors(form, errorsFrom(error), fields);
    }
  });
}
