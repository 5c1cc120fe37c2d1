import { api, requireCaller } from '../api.js';
import { formatDate, formatDateTime, h, humanise, replaceChildren } from '../dom.js';
import { takeFlash } from '../fields.js';
import { renderLayout } from '../layout.js';
import { coreGroupMeans, meetingName, splitByDate, statusName } from './conferences.js';
import { recordNav } from './record-nav.js';

function summaryRow(key, value, missing = 'Not given') {
  return h('div', { class: 'govuk-summary-list__row' },
    h('dt', { class: 'govuk-summary-list__key' }, key),
    h('dd', { class: 'govuk-summary-list__value' }, value || h('span', { class: 'app-muted' }, missing)));
}

/** A grey tag beside an address nobody has confirmed yet: it signs no one in until they do. */
function pendingTag(person) {
  return person.emailPending ? h('strong', { class: 'govuk-tag govuk-tag--yellow app-pending' }, 'Waiting for confirmation') : null;
}

const CONTACT_WAY = { EMAIL: 'Email', PHONE: 'Phone call', TEXT_MESSAGE: 'Text message' };

const NOT_SHARED = 'Not shared with your agency';

/** A member as the caller may see them: contact details the family does not share read "Not shared with your agency". */
function memberCard(m, withheld, forFamily) {
  if (withheld) {
    return h('div', { class: 'app-card', 'data-member': m.id },
      h('h3', { class: 'govuk-heading-s' }, m.fullName, m.relationship ? h('span', { class: 'app-muted' }, ` (${m.relationship})`) : null),
      h('dl', { class: 'govuk-summary-list govuk-summary-list--no-border' },
        summaryRow('Date of birth', m.dateOfBirth ? formatDate(m.dateOfBirth) : null, NOT_SHARED),
        ['Phone', 'Email', 'Address', 'Language', 'Access needs'].map((key) => summaryRow(key, null, NOT_SHARED))));
  }
  return h('div', { class: 'app-card', 'data-member': m.id },
    h('h3', { class: 'govuk-heading-s' }, m.fullName, m.relationship ? h('span', { class: 'app-muted' }, ` (${m.relationship})`) : null),
    h('dl', { class: 'govuk-summary-list govuk-summary-list--no-border' },
      summaryRow(forFamily ? 'Born' : 'Date of birth', m.dateOfBirth ? formatDate(m.dateOfBirth) : null),
      summaryRow('Phone', m.phone),
      summaryRow('Email', m.email && m.emailPending ? [`${m.email} `, pendingTag(m),
        h('span', { class: 'govuk-hint govuk-!-display-block govuk-!-margin-0' }, `${m.fullName} has been emailed a link to confirm it.`)] : m.email),
      m.preferredContact ? summaryRow('Contact them by', CONTACT_WAY[m.preferredContact]) : null,
      summaryRow('Address', m.address),
      summaryRow('Language', m.preferredLanguage),
      summaryRow(forFamily ? 'Help they need' : 'Access needs', m.accessNeeds)));
}

function table(caption, headings, rows, id) {
  return h('div', { class: 'app-table-wrapper', tabindex: '0', role: 'region', 'aria-label': caption }, h('table', { class: 'govuk-table', id },
    h('caption', { class: 'govuk-table__caption govuk-visually-hidden' }, caption),
    h('thead', { class: 'govuk-table__head' }, h('tr', { class: 'govuk-table__row' },
      headings.map((t) => h('th', { scope: 'col', class: 'govuk-table__header' }, t)))),
    h('tbody', { class: 'govuk-table__body' }, rows.map((cells) => h('tr', { class: 'govuk-table__row' },
      cells.map((c) => h('td', { class: 'govuk-table__cell' }, c)))))));
}

function involvementsTable(involvements, forFamily) {
  return table(forFamily ? 'Services working with your family' : 'Agencies working with the family', [forFamily ? 'Service' : 'Agency', 'Lead worker', 'Since', 'Until'],
    involvements.map((i) => [i.agencyName, i.leadPractitionerName, formatDate(i.startsOn), i.endsOn ? formatDate(i.endsOn) : 'Now']),
    'involvements');
}

function owns(caller, action) {
  return (action.ownerKind === 'AGENCY' && caller.kind === 'STAFF' && action.ownerId === caller.agencyId)
    || (action.ownerKind === 'FAMILY_MEMBER' && caller.kind === 'FAMILY_MEMBER' && action.ownerId === caller.id);
}

const PROGRESS = [['IN_PROGRESS', 'Started'], ['DONE', 'Done'], ['NOT_DONE', 'Could not be done'], ['AGREED', 'Not started yet']];

/** Where an action stands, in the words the family reads ("Proposed" means nothing to most people). */
const STATUS_WORDS = { PROPOSED: 'Suggested, not agreed yet', AGREED: 'Agreed, not started yet', IN_PROGRESS: 'Started', DONE: 'Done',
  NOT_DONE: 'Could not be done', DROPPED: 'No longer needed' };

/** The owner of an action says how it is going: where it stands, and what happened. */
function progressForm(familyId, action, onSaved) {
  const key = action.id;
  const status = h('select', { class: 'govuk-select', id: `progress-status-${key}`, name: 'status' },
    PROGRESS.map(([value, label]) => h('option', { value, selected: value === action.status }, label)));
  const note = h('textarea', { class: 'govuk-textarea', id: `progress-note-${key}`, name: 'note', rows: '3' });
  const errors = h('div', { 'aria-live': 'assertive' });
  const form = h('form', { class: 'app-progress', novalidate: true, 'data-action': key }, errors,
    h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: `progress-status-${key}` }, 'Where it is now'), status),
    h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: `progress-note-${key}` }, 'What has happened'), note),
    h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary' }, 'Save update'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api.post(`/families/${familyId}/plan/actions/${key}/progress`, { status: status.value, note: note.value });
      await onSaved();
    } catch (error) {
      replaceChildren(errors, h('p', { class: 'govuk-error-message', role: 'alert' }, error.message));
    }
  });
  return h('details', { class: 'govuk-details govuk-!-margin-top-2 govuk-!-margin-bottom-0' },
    h('summary', { class: 'govuk-details__summary' }, h('span', { class: 'govuk-details__summary-text' }, 'Post an update')),
    h('div', { class: 'govuk-details__text' }, form));
}

/** Where to ask the family for what it does not share with the caller's agency. */
function askLink(familyId) {
  return h('a', { class: 'govuk-link', href: `/families/${familyId}/sharing#ask-form` }, 'Ask the family');
}

function planSection(plan, caller, onSaved) {
  const own = plan.onlyOwnActions ? h('div', { class: 'govuk-inset-text app-not-shared', id: 'plan-not-shared' },
    'Not shared with your agency. You see only the actions your agency owns. ', askLink(plan.familyId), ' to see the rest.') : null;
  if (plan.goals.length === 0) return [own, h('p', { class: 'govuk-body' }, 'There is nothing in the plan yet.')];
  return [own, h('div', { id: 'plan' }, plan.goals.map((g) => h('div', { class: 'app-plan-goal' },
    g.title ? h('h3', { class: 'govuk-heading-s' }, g.title) : h('h3', { class: 'govuk-heading-s app-muted' }, 'A goal not shared with your agency'),
    g.description ? h('p', { class: 'govuk-body' }, g.description) : null,
    g.actions.length === 0 ? h('p', { class: 'govuk-body app-muted' }, 'No actions yet.')
      : h('ul', { class: 'govuk-list govuk-list--spaced' }, g.actions.map((a) => h('li', {},
        h('span', { class: 'govuk-!-font-weight-bold' }, a.description), h('br'),
        `Who: ${a.ownerName}. By: ${a.dueOn ? formatDate(a.dueOn) : 'no date'}. `,
        h('strong', { class: 'govuk-tag govuk-tag--grey' }, STATUS_WORDS[a.status] || humanise(a.status)),
        a.overdue ? h('span', { class: 'app-overdue' }, ' Overdue') : null,
        owns(caller, a) ? progressForm(plan.familyId, a, onSaved) : null))))))];
}

/** The lead worker and the chair, with agency, phone and email: so a family knows whom to call. */
function whomToContact(people, caller) {
  if (people.length === 0) return null;
  const family = caller.kind !== 'STAFF';
  // The advocate supports the family: the lead worker and the chair are the family's, not theirs.
  const roleName = caller.kind === 'ADVOCATE' ? { LEAD_WORKER: 'The family\'s lead worker', CHAIR: 'Chair of the family\'s meetings' }
    : { LEAD_WORKER: family ? 'Your lead worker' : 'Lead worker', CHAIR: family ? 'Chair of your meetings' : 'Chair of the conferences' };
  return h('div', { id: 'staff-contacts' },
    h('h2', { class: 'govuk-heading-m' }, family ? 'Who to contact' : 'Lead worker and chair'),
    people.map((p) => h('div', { class: 'govuk-summary-card' },
      h('div', { class: 'govuk-summary-card__title-wrapper' },
        h('h3', { class: 'govuk-summary-card__title' }, `${roleName[p.role]}: ${p.fullName}`)),
      h('div', { class: 'govuk-summary-card__content' },
        h('dl', { class: 'govuk-summary-list' },
          summaryRow(family ? 'Works for' : 'Agency', p.agencyName),
          summaryRow('Phone', p.phone ? h('a', { class: 'govuk-link', href: `tel:${p.phone.replace(/[^0-9+]/g, '')}` }, p.phone) : null),
          summaryRow('Email', h('a', { class: 'govuk-link', href: `mailto:${p.email}` }, p.email)))))));
}

/**
 * Only the family's lead worker (children's social care's lead practitioner, else that of the
 * longest-running involvement) or a chair adds members and advocates; the server decides, this
 * only spares others a refusal.
 */
function mayAddPeople(caller, family) {
  if (caller.kind !== 'STAFF') return false;
  if (caller.roles.includes('CHAIR')) return true;
  const leads = (i) => (i.agencyKind === 'CHILDRENS_SOCIAL_CARE' ? 0 : 1);
  const lead = family.involvements.filter((i) => i.active)
    .sort((a, b) => leads(a) - leads(b) || a.startsOn.localeCompare(b.startsOn) || a.id.localeCompare(b.id))[0];
  return Boolean(lead && lead.leadPractitionerId === caller.id);
}

/** Coming conferences first, the next one at the top; then the past ones, the latest first. */
function inDateOrder(conferences) {
  const { coming, past } = splitByDate(conferences);
  return [...coming.map((c) => ({ c, past: false })), ...past.map((c) => ({ c, past: true }))];
}

const DUE_STATE = { ON_TIME: 'On time', LATE: 'Held late', DUE: 'To book', OVERDUE: 'Overdue' };

function timescalesSection(family, due) {
  return [h('h2', { class: 'govuk-heading-m' }, 'Conferences the timescales require'),
    h('p', { class: 'govuk-body' }, family.strategyDiscussionOn
      ? `Strategy discussion: ${formatDate(family.strategyDiscussionOn)}.` : 'No strategy discussion is recorded.'),
    due.length === 0 ? h('p', { class: 'govuk-body' }, 'No conference is required yet.')
      : table('Conferences the timescales require', ['Conference', 'Due by', 'Booked or suggested', ''],
        due.map((d) => [humanise(d.kind), formatDate(d.dueBy), formatDate(d.bookedOn || d.proposedOn),
          h('strong', { class: `govuk-tag ${d.breach ? 'govuk-tag--red' : 'govuk-tag--blue'}` }, DUE_STATE[d.state])]), 'timescales')];
}

export async function render(main, { id }) {
  const caller = await requireCaller();
  if (caller.roles.includes('ADMINISTRATOR')) {
    renderLayout({ title: 'Family', caller });
    const involvements = await api.get(`/families/${id}/involvements`);
    replaceChildren(main, h('h1', { class: 'govuk-heading-l' }, 'Agencies working with this family'),
      h('p', { class: 'govuk-body' }, 'As an administrator you see who works with the family, not the case itself.'),
      involvementsTable(involvements),
      h('a', { class: 'govuk-button', href: `/families/${id}/involvements`, id: 'manage-involvements', role: 'button', draggable: 'false' },
        'Add or change an agency'));
    return;
  }
  // Parts the family does not share with the caller's agency come back refused: the page says so.
  const orRefusal = (promise) => promise.catch((error) => { if (error.status === 403) return { refused: error.message }; throw error; });
  const [family, plan, contacts, conferences, staffContacts] = await Promise.all([
    api.get(`/families/${id}`), orRefusal(api.get(`/families/${id}/plan`)),
    orRefusal(api.get(`/families/${id}/contacts?size=20`)), api.get(`/families/${id}/conferences`),
    api.get(`/families/${id}/staff-contacts`)]);
  // Staff may ask the family for what it does not share; the family itself is only ever kept out for a while (a private part).
  const refused = (part) => h('div', { class: 'govuk-inset-text app-not-shared' }, part.refused, caller.kind === 'STAFF' ? [' ', askLink(id)] : null);
  const due = caller.kind === 'STAFF' ? await api.get(`/families/${id}/timescales`) : null;
  renderLayout({ title: family.name, caller });
  const addsPeople = mayAddPeople(caller, family);
  const forFamily = caller.kind !== 'STAFF';
  replaceChildren(main,
    takeFlash(),
    recordNav(id, caller, `/families/${id}`),
    h('span', { class: 'govuk-caption-l' }, caller.kind === 'STAFF' ? family.reference || 'Family'
      : caller.kind === 'ADVOCATE' ? 'The family you support' : 'Your family'),
    h('h1', { class: 'govuk-heading-l' }, family.name),
    family.messageToWorkers ? h('div', { class: 'govuk-inset-text', id: 'message-to-workers' },
      h('strong', {}, caller.kind === 'STAFF' ? 'What the family wants every worker to know: ' : 'What you want every worker to know: '),
      family.messageToWorkers) : null,
    // While part of a meeting is held without her, her plan is held back, so the download would fail: say so instead of a dead link.
    caller.kind === 'FAMILY_MEMBER' && plan.refused ? h('p', { class: 'govuk-body', id: 'my-data' },
      'You can download everything we hold about you when the part of the meeting held without you has ended.') : null,
    caller.kind === 'FAMILY_MEMBER' && !plan.refused ? h('p', { class: 'govuk-body', id: 'my-data' },
      h('a', { class: 'govuk-link', href: `/api/families/${id}/my-data/zip`, download: 'everything-we-hold-about-your-family.zip', id: 'my-data-zip' },
        'Download everything we hold about you (ZIP)'),
      '. It has a copy to read, a copy for other apps, and the reports shared with you. Or download only ',
      h('a', { class: 'govuk-link', href: `/api/families/${id}/my-data`, download: 'my-family-data.json', id: 'my-data-json' }, 'as a file for other apps'),
      ' or ', h('a', { class: 'govuk-link', href: `/api/families/${id}/my-data/pdf`, download: 'my-family-data.pdf', id: 'my-data-pdf' }, 'to read (PDF)'), '.') : null,
    whomToContact(staffContacts, caller),
    h('h2', { class: 'govuk-heading-m' }, forFamily ? 'Meetings' : 'Conferences'),
    caller.roles && caller.roles.includes('CHAIR') ? h('a', { class: 'govuk-button', href: `/conferences/new/kind?family=${id}`,
      role: 'button', draggable: 'false', 'data-module': 'govuk-button', id: 'schedule-conference' }, 'Schedule a conference') : null,
    coreGroupMeans(conferences),
    conferences.length === 0 ? h('p', { class: 'govuk-body' }, 'No conferences yet.')
      : h('ul', { class: 'govuk-list', id: 'family-conferences' }, inDateOrder(conferences).map(({ c, past }) => h('li', { 'data-start': c.scheduledStart },
        h('a', { class: 'govuk-link', href: `/conferences/${c.id}` }, `${meetingName(c.kind, caller)}, ${formatDateTime(c.scheduledStart)}`),
        past ? h('span', { class: 'app-muted' }, ` (${{ CLOSED: 'held', CANCELLED: 'cancelled' }[c.status] || 'past'})`) : null))),
    h('h2', { class: 'govuk-heading-m' }, 'People in the family'),
    family.detailsWithheld ? h('p', { class: 'govuk-body', id: 'details-not-shared' }, 'The family\'s details are not shared with your agency. ',
      askLink(id), ' if you need them.') : null,
    h('div', { id: 'members' }, family.members.map((m) => memberCard(m, family.detailsWithheld, forFamily))),
    addsPeople ? h('a', { class: 'govuk-button govuk-button--secondary', href: `/families/${id}/members/new`, role: 'button',
      draggable: 'false', 'data-module': 'govuk-button', id: 'add-member' }, 'Add a family member') : null,
    h('h2', { class: 'govuk-heading-m' }, forFamily ? 'Services working with your family' : 'Agencies working with the family'),
    involvementsTable(family.involvements, forFamily),
    caller.kind === 'STAFF' ? h('p', { class: 'govuk-body' },
      h('a', { class: 'govuk-link', href: `/families/${id}/involvements`, id: 'manage-involvements' }, 'Add or change an agency working with the family')) : null,
    h('h2', { class: 'govuk-heading-m' }, caller.kind === 'FAMILY_MEMBER' ? 'Your advocate' : 'Advocate'),
    family.advocates.length === 0 ? h('p', { class: 'govuk-body' }, 'No advocate yet.')
      : h('ul', { class: 'govuk-list', id: 'advocates' }, family.advocates.map((a) => h('li', {},
        `${a.fullName}${a.organisation ? `, ${a.organisation}` : ''}${a.email && caller.kind === 'STAFF' ? `, ${a.email}` : ''} `, pendingTag(a)))),
    addsPeople ? h('a', { class: 'govuk-button govuk-button--secondary', href: `/families/${id}/advocates/new`, role: 'button',
      draggable: 'false', 'data-module': 'govuk-button', id: 'add-advocate' }, 'Add an advocate') : null,
    h('h2', { class: 'govuk-heading-m' }, 'The plan'),
    plan.refused ? null : h('p', { class: 'govuk-body' }, h('a', { class: 'govuk-link', href: `/families/${id}/plan/print`, id: 'print-plan' }, 'See the plan on one page to print')),
    plan.refused ? refused(plan) : planSection(plan, caller, () => render(main, { id })),
    due ? timescalesSection(family, due) : null,
    h('h2', { class: 'govuk-heading-m', id: 'contacts-heading' }, forFamily ? 'When services were in touch' : 'Contacts with agencies'),
    // Workers record their contacts here, so the contact map fills from the pages, not only from the API.
    caller.kind === 'STAFF' ? h('a', { class: 'govuk-button govuk-button--secondary', href: `/families/${id}/contacts/new`, role: 'button',
      draggable: 'false', 'data-module': 'govuk-button', id: 'record-contact' }, 'Record a contact') : null,
    contacts.refused ? refused(contacts) : contacts.items.length === 0 ? h('p', { class: 'govuk-body' }, 'No contacts recorded.')
      : table(forFamily ? 'When services were in touch' : 'Contacts with agencies', ['Date', forFamily ? 'Service' : 'Agency', 'What', forFamily ? 'Notes' : 'Summary'],
        contacts.items.map((c) => [formatDate(c.happenedOn), c.agencyName, humanise(c.kind), c.summary]), 'contacts'));
}
