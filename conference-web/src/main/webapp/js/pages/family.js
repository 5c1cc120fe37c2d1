import { api, requireCaller } from '../api.js';
import { formatDate, formatDateTime, h, humanise, replaceChildren } from '../dom.js';
import { takeFlash } from '../fields.js';
import { language, t } from '../i18n.js';
import { renderLayout } from '../layout.js';
import { coreGroupMeans, meetingName, splitByDate, statusName } from './conferences.js';
import { recordNav } from './record-nav.js';

function summaryRow(key, value, missing = t('family.notGiven')) {
  return h('div', { class: 'govuk-summary-list__row' },
    h('dt', { class: 'govuk-summary-list__key' }, key),
    h('dd', { class: 'govuk-summary-list__value' }, value || h('span', { class: 'app-muted' }, missing)));
}

/** A grey tag beside an address nobody has confirmed yet: it signs no one in until they do. */
function pendingTag(person) {
  return person.emailPending ? h('strong', { class: 'govuk-tag govuk-tag--yellow app-pending' }, t('family.waitingForConfirmation')) : null;
}

/**
 * "Everything we hold" fetched by the page rather than followed as a plain link: a download
 * refused because others are under way (429, 503) is said on the page in the reader's language,
 * instead of being saved as a small file of JSON. Without script the link still downloads.
 */
async function downloadEverything(event) {
  event.preventDefault();
  const link = event.currentTarget;
  const notice = document.getElementById('my-data-notice');
  replaceChildren(notice);
  let response = null;
  try {
    response = await fetch(link.href, { credentials: 'same-origin', headers: { Accept: 'application/zip, application/json', 'Accept-Language': language() } });
  } catch (e) {
    // unreachable: said below
  }
  if (response && response.ok) {
    const url = URL.createObjectURL(await response.blob());
    const save = h('a', { href: url, download: link.getAttribute('download'), hidden: true });
    document.body.append(save);
    save.click();
    save.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    return;
  }
  const status = response ? response.status : 0;
  const key = status === 429 ? 'family.myData.alreadyUnderWay' : status === 503 ? 'family.myData.busy' : 'family.myData.failed';
  const summary = h('div', { class: 'govuk-error-summary', tabindex: '-1', role: 'alert', id: 'my-data-refused' },
    h('h2', { class: 'govuk-error-summary__title' }, t('form.problem')),
    h('div', { class: 'govuk-error-summary__body' }, h('p', { class: 'govuk-body' }, t(key))));
  replaceChildren(notice, summary);
  summary.focus();
}

const CONTACT_WAYS = ['EMAIL', 'PHONE', 'TEXT_MESSAGE'];
const CONTACT_KINDS = ['VISIT', 'CALL', 'ASSESSMENT', 'REFERRAL', 'MEETING', 'LETTER'];

/** A member as the caller may see them: contact details the family does not share read "Not shared with your agency". */
function memberCard(m, withheld, forFamily) {
  if (withheld) {
    return h('div', { class: 'app-card', 'data-member': m.id },
      h('h3', { class: 'govuk-heading-s' }, m.fullName, m.relationship ? h('span', { class: 'app-muted' }, ` (${m.relationship})`) : null),
      h('dl', { class: 'govuk-summary-list govuk-summary-list--no-border' },
        summaryRow(t('staff.family.dateOfBirth'), m.dateOfBirth ? formatDate(m.dateOfBirth) : null, t('staff.family.notShared')),
        ['phone', 'email', 'address', 'language', 'accessNeeds'].map((key) => summaryRow(t(`staff.family.${key}`), null, t('staff.family.notShared')))));
  }
  return h('div', { class: 'app-card', 'data-member': m.id },
    h('h3', { class: 'govuk-heading-s' }, m.fullName, m.relationship ? h('span', { class: 'app-muted' }, ` (${m.relationship})`) : null),
    h('dl', { class: 'govuk-summary-list govuk-summary-list--no-border' },
      summaryRow(forFamily ? t('family.born') : t('staff.family.dateOfBirth'), m.dateOfBirth ? formatDate(m.dateOfBirth) : null),
      summaryRow(t('family.phone'), m.phone),
      summaryRow(t('family.email'), m.email && m.emailPending ? [`${m.email} `, pendingTag(m),
        h('span', { class: 'govuk-hint govuk-!-display-block govuk-!-margin-0' }, t('family.emailedToConfirm', { name: m.fullName }))] : m.email),
      m.preferredContact && CONTACT_WAYS.includes(m.preferredContact) ? summaryRow(t('family.contactBy'), t(`family.contactWay.${m.preferredContact}`)) : null,
      summaryRow(t('family.address'), m.address),
      summaryRow(t('family.language'), m.preferredLanguage),
      summaryRow(forFamily ? t('family.helpTheyNeed') : t('staff.family.accessNeeds'), m.accessNeeds)));
}

function table(caption, headings, rows, id) {
  return h('div', { class: 'app-table-wrapper app-table--stack', tabindex: '0', role: 'region', 'aria-label': caption }, h('table', { class: 'govuk-table', id },
    h('caption', { class: 'govuk-table__caption govuk-visually-hidden' }, caption),
    h('thead', { class: 'govuk-table__head' }, h('tr', { class: 'govuk-table__row' },
      headings.map((t) => h('th', { scope: 'col', class: 'govuk-table__header' }, t)))),
    h('tbody', { class: 'govuk-table__body' }, rows.map((cells) => h('tr', { class: 'govuk-table__row' },
      cells.map((c, n) => h('td', { class: 'govuk-table__cell', 'data-label': typeof headings[n] === 'string' && headings[n] ? headings[n] : null }, c)))))));
}

function involvementsTable(involvements, forFamily) {
  return table(forFamily ? t('family.services') : t('staff.family.agencies'),
    [forFamily ? t('family.service') : t('staff.family.agency'), t('family.leadWorker'), t('family.since'), t('family.until')],
    involvements.map((i) => [i.agencyName, i.leadPractitionerName, formatDate(i.startsOn), i.endsOn ? formatDate(i.endsOn) : t('family.now')]),
    'involvements');
}

function owns(caller, action) {
  return (action.ownerKind === 'AGENCY' && caller.kind === 'STAFF' && action.ownerId === caller.agencyId)
    || (action.ownerKind === 'FAMILY_MEMBER' && caller.kind === 'FAMILY_MEMBER' && action.ownerId === caller.id);
}

const PROGRESS = ['IN_PROGRESS', 'DONE', 'NOT_DONE', 'AGREED'];

/** Where an action stands, in the words the family reads ("Proposed" means nothing to most people). */
const STATUS_WORDS = ['PROPOSED', 'AGREED', 'IN_PROGRESS', 'DONE', 'NOT_DONE', 'DROPPED'];

/** The owner of an action says how it is going: where it stands, and what happened. */
function progressForm(familyId, action, onSaved) {
  const key = action.id;
  const status = h('select', { class: 'govuk-select', id: `progress-status-${key}`, name: 'status' },
    PROGRESS.map((value) => h('option', { value, selected: value === action.status }, t(`plan.progress.${value}`))));
  const note = h('textarea', { class: 'govuk-textarea', id: `progress-note-${key}`, name: 'note', rows: '3' });
  const errors = h('div', { 'aria-live': 'assertive' });
  const form = h('form', { class: 'app-progress', novalidate: true, 'data-action': key }, errors,
    h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: `progress-status-${key}` }, t('plan.whereNow')), status),
    h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: `progress-note-${key}` }, t('plan.whatHappened')), note),
    h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary' }, t('plan.saveUpdate')));
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
    h('summary', { class: 'govuk-details__summary' }, h('span', { class: 'govuk-details__summary-text' }, t('plan.postUpdate'))),
    h('div', { class: 'govuk-details__text' }, form));
}

/** Where to ask the family for what it does not share with the caller's agency. */
function askLink(familyId) {
  return h('a', { class: 'govuk-link', href: `/families/${familyId}/sharing#ask-form` }, t('staff.family.ask'));
}

function planSection(plan, caller, onSaved) {
  const own = plan.onlyOwnActions ? h('div', { class: 'govuk-inset-text app-not-shared', id: 'plan-not-shared' },
    t('staff.plan.onlyOwnActions'), ' ', askLink(plan.familyId), ' ', t('staff.plan.toSeeTheRest')) : null;
  if (plan.goals.length === 0) return [own, h('p', { class: 'govuk-body' }, t('plan.empty'))];
  return [own, h('div', { id: 'plan' }, plan.goals.map((g) => h('div', { class: 'app-plan-goal' },
    g.title ? h('h3', { class: 'govuk-heading-s' }, g.title) : h('h3', { class: 'govuk-heading-s app-muted' }, t('staff.plan.goalNotShared')),
    g.description ? h('p', { class: 'govuk-body' }, g.description) : null,
    g.actions.length === 0 ? h('p', { class: 'govuk-body app-muted' }, t('plan.noActions'))
      : h('ul', { class: 'govuk-list govuk-list--spaced' }, g.actions.map((a) => h('li', {},
        h('span', { class: 'govuk-!-font-weight-bold' }, a.description), h('br'),
        t('plan.whoAndBy', { owner: a.ownerName, due: a.dueOn ? formatDate(a.dueOn) : t('plan.noDate') }), ' ',
        h('strong', { class: 'govuk-tag govuk-tag--grey' }, STATUS_WORDS.includes(a.status) ? t(`plan.status.${a.status}`) : humanise(a.status)),
        a.overdue ? h('span', { class: 'app-overdue' }, ' ', t('plan.overdue')) : null,
        owns(caller, a) ? progressForm(plan.familyId, a, onSaved) : null))))))];
}

/** The lead worker and the chair, with agency, phone and email: so a family knows whom to call. */
function whomToContact(people, caller) {
  if (people.length === 0) return null;
  const family = caller.kind !== 'STAFF';
  // The advocate supports the family: the lead worker and the chair are the family's, not theirs.
  const roleName = caller.kind === 'ADVOCATE' ? { LEAD_WORKER: t('contacts.familysLeadWorker'), CHAIR: t('contacts.familysChair') }
    : { LEAD_WORKER: family ? t('contacts.yourLeadWorker') : t('staff.contacts.leadWorker'), CHAIR: family ? t('contacts.yourChair') : t('staff.contacts.chair') };
  return h('div', { id: 'staff-contacts' },
    h('h2', { class: 'govuk-heading-m' }, family ? t('contacts.heading')
      : t(people.some((p) => p.role === 'CHAIR') ? 'staff.contacts.heading' : 'staff.contacts.headingLeadOnly')),
    !family && !people.some((p) => p.role === 'CHAIR') ? h('p', { class: 'govuk-body', id: 'no-chair-yet' }, t('staff.contacts.noChairYet')) : null,
    people.map((p) => h('div', { class: 'govuk-summary-card' },
      h('div', { class: 'govuk-summary-card__title-wrapper' },
        h('h3', { class: 'govuk-summary-card__title' }, t('contacts.roleAndName', { role: roleName[p.role], name: p.fullName }))),
      h('div', { class: 'govuk-summary-card__content' },
        h('dl', { class: 'govuk-summary-list' },
          summaryRow(family ? t('contacts.worksFor') : t('staff.family.agency'), p.agencyName),
          summaryRow(t('family.phone'), p.phone ? h('a', { class: 'govuk-link', href: `tel:${p.phone.replace(/[^0-9+]/g, '')}` }, p.phone) : null),
          summaryRow(t('family.email'), h('a', { class: 'govuk-link', href: `mailto:${p.email}` }, p.email)))))));
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


function timescalesSection(family, due, chairs) {
  return [h('h2', { class: 'govuk-heading-m' }, t('staff.timescales.heading')),
    h('p', { class: 'govuk-body' }, family.strategyDiscussionOn
      ? t('staff.timescales.strategy', { date: formatDate(family.strategyDiscussionOn) }) : t('staff.timescales.noStrategy')),
    due.length === 0 ? h('p', { class: 'govuk-body' }, t('staff.timescales.noneRequired'))
      : table(t('staff.timescales.heading'), [t('staff.timescales.conference'), t('staff.timescales.dueBy'), t('staff.timescales.booked'), ''],
        due.map((d) => [humanise(d.kind), formatDate(d.dueBy), formatDate(d.bookedOn || d.proposedOn),
          [h('strong', { class: `govuk-tag ${d.breach ? 'govuk-tag--red' : 'govuk-tag--blue'}` }, t(`staff.timescales.state.${d.state}`)),
            // A chair books what is due from here, not by finding the button further up.
            chairs && !d.conferenceId && (d.state === 'DUE' || d.state === 'OVERDUE') ? [' ', h('a', { class: 'govuk-link',
              href: `/conferences/new/kind?family=${family.id}`, id: `book-${d.kind}` }, t('staff.timescales.book'))] : null]]), 'timescales'),
    h('p', { class: 'govuk-body' }, h('a', { class: 'govuk-link', href: `/families/${family.id}/change`, id: 'change-family' }, t('staff.family.change')))];
}

export async function render(main, { id }) {
  const caller = await requireCaller();
  if (caller.roles.includes('ADMINISTRATOR')) {
    renderLayout({ title: t('staff.family.title'), caller });
    const involvements = await api.get(`/families/${id}/involvements`);
    replaceChildren(main, h('h1', { class: 'govuk-heading-l' }, t('staff.family.agenciesWorkingWithThisFamily')),
      h('p', { class: 'govuk-body' }, t('staff.family.asAdministrator')),
      involvementsTable(involvements),
      h('a', { class: 'govuk-button', href: `/families/${id}/involvements`, id: 'manage-involvements', role: 'button', draggable: 'false' },
        t('staff.family.addOrChangeAgency')));
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
    h('span', { class: 'govuk-caption-l' }, caller.kind === 'STAFF' ? family.reference || t('staff.family.title')
      : caller.kind === 'ADVOCATE' ? t('family.captionForAdvocate') : t('family.caption')),
    h('h1', { class: 'govuk-heading-l' }, family.name),
    family.messageToWorkers ? h('div', { class: 'govuk-inset-text', id: 'message-to-workers' },
      h('strong', {}, caller.kind === 'STAFF' ? t('staff.family.messageToWorkers') : t('family.messageToWorkers'), ' '),
      family.messageToWorkers) : null,
    // While part of a meeting is held without her, her plan is held back, so the download would fail: say so instead of a dead link.
    caller.kind === 'FAMILY_MEMBER' && plan.refused ? h('p', { class: 'govuk-body', id: 'my-data' },
      t('family.myData.afterPrivatePart')) : null,
    caller.kind === 'FAMILY_MEMBER' && !plan.refused ? h('p', { class: 'govuk-body', id: 'my-data' },
      h('a', { class: 'govuk-link', href: `/api/families/${id}/my-data/zip`, download: t('family.myData.zipName'), id: 'my-data-zip',
        onclick: downloadEverything }, t('family.myData.zip')),
      t('family.myData.whatIsInIt'), ' ',
      h('a', { class: 'govuk-link', href: `/api/families/${id}/my-data`, download: t('family.myData.jsonName'), id: 'my-data-json' }, t('family.myData.json')),
      ' ', t('family.myData.or'), ' ', h('a', { class: 'govuk-link', href: `/api/families/${id}/my-data/pdf`, download: t('family.myData.pdfName'), id: 'my-data-pdf' }, t('family.myData.pdf')), t('family.myData.end')) : null,
    caller.kind === 'FAMILY_MEMBER' && !plan.refused ? h('div', { id: 'my-data-notice' }) : null,
    whomToContact(staffContacts, caller),
    h('h2', { class: 'govuk-heading-m' }, forFamily ? t('family.meetings') : t('staff.family.conferences')),
    caller.roles && caller.roles.includes('CHAIR') ? h('a', { class: 'govuk-button', href: `/conferences/new/kind?family=${id}`,
      role: 'button', draggable: 'false', 'data-module': 'govuk-button', id: 'schedule-conference' }, t('staff.family.schedule')) : null,
    coreGroupMeans(conferences),
    conferences.length === 0 ? h('p', { class: 'govuk-body' }, t('family.noMeetings'))
      : h('ul', { class: 'govuk-list', id: 'family-conferences' }, inDateOrder(conferences).map(({ c, past }) => h('li', { 'data-start': c.scheduledStart },
        h('a', { class: 'govuk-link', href: `/conferences/${c.id}` }, t('family.meetingAt', { name: meetingName(c.kind, caller), when: formatDateTime(c.scheduledStart) })),
        past ? h('span', { class: 'app-muted' }, ` (${t(`family.past.${c.status === 'CLOSED' || c.status === 'CANCELLED' ? c.status : 'OTHER'}`)})`) : null))),
    h('h2', { class: 'govuk-heading-m' }, t('family.people')),
    family.detailsWithheld ? h('p', { class: 'govuk-body', id: 'details-not-shared' }, t('staff.family.detailsNotShared'), ' ',
      askLink(id), ' ', t('staff.family.ifYouNeedThem')) : null,
    h('div', { id: 'members' }, family.members.map((m) => memberCard(m, family.detailsWithheld, forFamily))),
    addsPeople ? h('a', { class: 'govuk-button govuk-button--secondary', href: `/families/${id}/members/new`, role: 'button',
      draggable: 'false', 'data-module': 'govuk-button', id: 'add-member' }, t('staff.family.addMember')) : null,
    h('h2', { class: 'govuk-heading-m' }, forFamily ? t('family.services') : t('staff.family.agencies')),
    involvementsTable(family.involvements, forFamily),
    caller.kind === 'STAFF' ? h('p', { class: 'govuk-body' },
      h('a', { class: 'govuk-link', href: `/families/${id}/involvements`, id: 'manage-involvements' }, t('staff.family.addOrChangeAgencyWorking'))) : null,
    h('h2', { class: 'govuk-heading-m' }, caller.kind === 'FAMILY_MEMBER' ? t('family.yourAdvocate') : caller.kind === 'ADVOCATE' ? t('family.advocate') : t('staff.family.advocate')),
    family.advocates.length === 0 ? h('p', { class: 'govuk-body' }, t('family.noAdvocate'))
      : h('ul', { class: 'govuk-list', id: 'advocates' }, family.advocates.map((a) => h('li', {},
        `${a.fullName}${a.organisation ? `, ${a.organisation}` : ''}${a.email && caller.kind === 'STAFF' ? `, ${a.email}` : ''} `, pendingTag(a)))),
    addsPeople ? h('a', { class: 'govuk-button govuk-button--secondary', href: `/families/${id}/advocates/new`, role: 'button',
      draggable: 'false', 'data-module': 'govuk-button', id: 'add-advocate' }, t('staff.family.addAdvocate')) : null,
    h('h2', { class: 'govuk-heading-m' }, t('family.plan')),
    plan.refused ? null : h('p', { class: 'govuk-body' }, h('a', { class: 'govuk-link', href: `/families/${id}/plan/print`, id: 'print-plan' }, t('family.printPlan'))),
    plan.refused ? refused(plan) : planSection(plan, caller, () => render(main, { id })),
    due ? timescalesSection(family, due, caller.roles.includes('CHAIR')) : null,
    h('h2', { class: 'govuk-heading-m', id: 'contacts-heading' }, forFamily ? t('family.contacts') : t('staff.family.contacts')),
    // Workers record their contacts here, so the contact map fills from the pages, not only from the API.
    caller.kind === 'STAFF' ? h('a', { class: 'govuk-button govuk-button--secondary', href: `/families/${id}/contacts/new`, role: 'button',
      draggable: 'false', 'data-module': 'govuk-button', id: 'record-contact' }, t('staff.family.recordContact')) : null,
    contacts.refused ? refused(contacts) : contacts.items.length === 0 ? h('p', { class: 'govuk-body' }, t('family.noContacts'))
      : table(forFamily ? t('family.contacts') : t('staff.family.contacts'),
        [t('family.date'), forFamily ? t('family.service') : t('staff.family.agency'), t('family.what'), forFamily ? t('family.notes') : t('staff.family.summary')],
        contacts.items.map((c) => [formatDate(c.happenedOn), c.agencyName, CONTACT_KINDS.includes(c.kind) ? t(`contact.kind.${c.kind}`) : humanise(c.kind), c.summary]), 'contacts'));
}
