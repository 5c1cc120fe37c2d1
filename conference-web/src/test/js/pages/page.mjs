// Draws one page of the browser client, as main.js would, with sample answers from the API, and
// prints what it says: run by every-page.mjs once a page, language and kind of person.
import { install } from './dom.mjs';
const [page, url, callerKind, id] = process.argv.slice(2);
const ids = install(url);
if (process.env.NO_WELSH_DATES) {
  // A browser whose Intl has no Welsh (as some builds of Chromium): dates must still be Welsh.
  const knows = Intl.DateTimeFormat.supportedLocalesOf;
  Intl.DateTimeFormat.supportedLocalesOf = (locales) => knows(locales).filter((l) => !l.startsWith('cy'));
}
const FAM = '11111111-1111-1111-1111-111111111111';
const caller = callerKind === 'none' ? null : callerKind === 'STAFF'
  ? { kind: 'STAFF', id: 's1', name: 'Sam Okafor', agencyId: 'a1', agencyName: 'Riverside', familyId: null, roles: ['CHAIR'], language: null }
  : { kind: callerKind, id: 'm1', name: 'Jess Taylor', agencyId: null, agencyName: null, familyId: FAM, roles: [], language: process.env.LANG_STORED || 'en' };
const member = { id: 'm1', fullName: 'Jess Taylor', relationship: 'Mother', dateOfBirth: '1990-02-03', phone: '0777', email: 'jess@example.org', emailPending: true,
  preferredContact: 'EMAIL', address: '1 Road', preferredLanguage: 'English', accessNeeds: null, livesInHousehold: true };
const conf = { id: 'c1', kind: 'CORE_GROUP', familyId: FAM, familyName: 'Taylor family', scheduledStart: '2030-01-01T10:00:00Z', status: process.env.CONF_STATUS || 'SCHEDULED', chairId: 's1', chairName: 'Priya',
  venue: 'Hall', joinLink: 'https://x', dialIn: '0800', cancelReason: 'ill', agenda: [{ id: 'ag1', title: 'Plan', notes: 'n' }, { id: 'ag2', title: 'Next', notes: '' }],
  invitees: [{ id: 'i1', role: 'FAMILY_MEMBER', name: 'Jess Taylor', personKind: 'FAMILY_MEMBER', personId: 'm1', invitation: 'CANT_COME', cantComeReason: 'work', interpreterLanguage: 'Polish', accessNeeds: 'ramp' },
    { id: 'i2', role: 'CHAIR', name: 'Priya', personKind: 'STAFF', personId: 's1', invitation: 'INVITED' }] };
const routes0 = [[/contact-map\?months/, () => ({ months: ['2026-01', '2026-02'], chartSvg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>', repeatedAssessments: [{ from: '2026-01-01', to: '2026-02-01', agencies: ['A', 'B'] }],
  agencies: [{ agencyName: 'School', perMonth: [0, 2], total: 2, kinds: { VISIT: 1, CALL: 1 } }] })]];
const routes = [...routes0,
  [/\/conferences\/c1$/, () => conf],
  [/\/conferences\/c1\/reports$/, () => ({ deadline: '2029-12-30T10:00:00Z', expected: [{ agencyId: 'a1', agencyName: 'School', received: true, late: true }], reports: [{ id: 'r', agencyId: 'a1', agencyName: 'School', fileName: 'r.pdf', sharedAt: '2029-12-29T10:00:00Z' }] })],
  [/\/conferences\/c1\/sign-off$/, () => ({ actions: [{ actionId: 'a', goalTitle: null, description: 'Do', ownerName: 'Jess', dueOn: null, state: 'NEEDS_NEW_SIGNATURE', canSign: true, contentHash: 'h' }, { actionId: 'b', goalTitle: 'G', description: 'Do2', ownerName: 'Jess', dueOn: '2030-01-01', state: 'SIGNED', signedBy: 'Jess', signedAt: '2029-01-01T10:00:00Z' }] })],
  [/\/conferences\/c1\/statements$/, () => [{ id: 's', stance: 'DISAGREES', authorName: 'Dee', forMemberName: 'Jess', forMemberId: 'm1', words: 'no', writtenBy: 'Dee Walker, advocate, for Jess', withdrawnAt: '2029-01-01T10:00:00Z', withdrawnByName: 'Jess' }, { id: 't', stance: 'PROFESSIONAL_DISSENT', authorName: 'Tom', agencyName: 'School' }]],
  [/\/conferences\/c1\/record$/, () => ({ closedBy: 'Priya', closedAt: '2029-01-01T10:00:00Z', decisions: ['d1'], attendance: [{ inviteeId: 'i1', name: 'Jess', organisation: 'Family' }] })],
  [/\/conferences\/c1\/sharing$/, () => [{ words: 'w' }]],
  [/\/families\/[^/]+\/members$/, () => [member]],
  [/\/families\?size/, () => ({ items: [{ id: FAM, name: 'Taylor family', reference: 'RT-1' }] })],
  [/\/auth\/me$/, () => { if (!caller) { const e = new Error('no'); e.status = 401; throw e; } return caller; }],
  [/\/families\/[^/]+$/, () => ({ name: 'Taylor family', reference: 'RT-1', members: [member, { ...member, id: 'm2', fullName: 'Ryan Taylor', emailPending: false }],
    formerMembers: [{ fullName: 'Kai', leftOn: '2026-01-02' }], involvements: [{ id: 'i1', agencyName: 'School', leadPractitionerName: 'Tom', startsOn: '2025-01-01', endsOn: null, active: true, agencyKind: 'SCHOOL', leadPractitionerId: 'x' }],
    advocates: [{ fullName: 'Dee Walker', organisation: 'Voices', email: 'dee@x', emailPending: true }], messageToWorkers: 'Call after 3', detailsWithheld: false })],
  [/\/plan$/, () => ({ familyId: FAM, onlyOwnActions: false, goals: [{ title: 'Safe home', description: 'd', actions: [{ id: 'a1', description: 'Do it', ownerName: 'Jess', ownerKind: 'FAMILY_MEMBER', ownerId: 'm1', dueOn: '2026-03-01', status: 'AGREED', overdue: true }] }] })],
  [/\/contacts\?/, () => ({ items: [{ happenedOn: '2026-01-01', agencyName: 'School', kind: 'VISIT', summary: 'ok' }] })],
  [/\/families\/[^/]+\/conferences$/, () => [{ id: 'c1', kind: 'CORE_GROUP', scheduledStart: '2030-01-01T10:00:00Z', status: 'SCHEDULED' }, { id: 'c2', kind: 'OTHER', scheduledStart: '2020-01-01T10:00:00Z', status: 'CLOSED' }]],
  [/\/staff-contacts$/, () => [{ role: 'LEAD_WORKER', fullName: 'Sam', agencyName: 'Riverside', phone: '0123', email: 's@x' }, { role: 'CHAIR', fullName: 'Priya', agencyName: 'Riverside', phone: null, email: 'p@x' }]],
  [/\/timescales$/, () => [{ kind: 'CORE_GROUP', dueBy: '2026-01-01', bookedOn: null, proposedOn: '2026-01-02', breach: false, state: 'DUE' }]],
  [/\/conferences\?size/, () => ({ items: [{ id: 'c1', kind: 'CORE_GROUP', scheduledStart: '2030-01-01T10:00:00Z', status: 'SCHEDULED', chairName: 'Priya', familyName: 'Taylor' }, { id: 'c2', kind: 'REVIEW_CHILD_PROTECTION', scheduledStart: '2020-01-01T10:00:00Z', status: 'CLOSED', chairName: 'Priya', familyName: 'Taylor' }] })],
  [/\/details\/proposals$/, () => [{ id: 'p1', status: 'PENDING', proposedByName: 'Sam', agencyName: 'Riverside', memberName: 'Jess', field: 'PHONE', fieldName: 'phone number', proposedValue: '1', currentValue: '2', reason: 'r' }]],
  [/\/details\/history$/, () => [{ changedAt: '2026-01-01T10:00:00Z', field: 'HOUSEHOLD', changedByName: 'Jess', memberId: 'm2', household: 'JOINED', newValue: 'Ryan Taylor was added to the family' }, { changedAt: '2026-01-01T10:00:00Z', field: 'PHONE', fieldName: 'phone number', changedByName: 'Jess', newValue: '' }]],
  [/\/sharing$/, () => ({ agencies: [{ agencyId: 'a1', agencyName: 'School', preferences: { DETAILS: 'SHARE', CONTACTS: 'ASK_FIRST', PLAN: 'DO_NOT_SHARE', CONFERENCE_RECORDS: 'SHARE', REPORTS: 'SHARE' } }],
    ledger: [{ id: 'l1', agencyId: 'a1', agencyName: 'School', kind: 'PLAN', what: 'your plan', lawfulBasis: 'CHILD_AT_RISK', reason: 'r', decidedByName: 'Tom', decidedAt: '2026-01-01T10:00:00Z', reviewOn: '2026-02-01', inForce: true, renewed: false, restrictionReviewOn: '2026-03-01', restrictionReason: 'x', restrictedByName: 'P' }],
    entriesWithheld: 1, requests: [{ id: 'r1', agencyId: 'a1', agencyName: 'School', kind: 'PLAN', what: 'your plan', reason: 'why', days: 30, status: 'WAITING', answerBy: '2026-01-05', requestedByName: 'Tom', requestedAt: '2026-01-01T10:00:00Z' },
      { id: 'r2', agencyId: 'a1', agencyName: 'School', kind: 'DETAILS', what: 'your details', reason: 'why', days: 7, status: 'YES', sharedUntil: '2026-01-09', answeredByName: 'Jess', requestedByName: 'Tom', requestedAt: '2026-01-01T10:00:00Z' },
      { id: 'r3', agencyId: 'a1', agencyName: 'School', kind: 'REPORTS', what: 'reports', reason: 'why', days: 13, status: 'EXPIRED', requestedByName: 'Tom', requestedAt: '2026-01-01T10:00:00Z' }] })],
  [/\/access-log\/days/, () => ({ overrides: [{ decidedByName: 'Tom', agencyName: 'School', kind: 'PLAN', what: 'your plan', decidedAt: '2026-01-01T10:00:00Z', reason: 'r', inForce: false, reviewOn: '2026-01-02' }], overridesWithheld: 2,
    items: [{ staffId: 's', staffName: 'Sam', agencyName: 'R', day: '2026-12-01', what: ['your plan'], lookCount: 3, looks: [{ at: '2026-12-01T10:00:00Z', what: 'your plan', purpose: 'check' }] },
      { staffId: 's', staffName: 'Sam', agencyName: 'R', day: '2026-12-01', what: ['your plan', 'a report'], lookCount: 1, looks: [{ at: '2026-12-01T10:00:00Z', what: 'a report', purpose: null }] }], total: 45 })],
  [/\/invitations\/page$/, () => ({ state: process.env.INVITE_STATE || 'VALID', message: 'msg', inviteeName: 'Jess', title: 'Core group conference', purpose: 'to talk', when: 'Tuesday', whereAndHow: ['In person: x'], whoWillBeThere: ['Chair: P'], contact: 'P', cancelReason: 'ill', whomToCall: [] })],
  [/\/advocacy-organisations$/, () => [{ id: 'o1', name: 'Voices' }]],
];
if (page === 'live') {
  // The live room: the sign-off of its plan's actions, a stand-in socket that answers hello with a welcome
  // (docs/protocol.md), and the few browser parts the room uses that this small DOM lacks.
  routes.unshift([/\/conferences\/c1\/sign-off$/, () => ({ actions: [{ actionId: 'x1', state: 'SIGNED', signedBy: 'Jess Taylor' },
    { actionId: 'x2', state: 'NEEDS_NEW_SIGNATURE', voidReason: 'Changed by Priya after it was signed' }] })]);
  const welcome = { type: 'welcome', v: 1, connectionId: 'k1', revision: 3, you: { participantId: 'i1', name: 'Jess Taylor', role: 'FAMILY_MEMBER' },
    room: { participants: [{ connectionId: 'k1', participantId: 'i1', name: 'Jess Taylor', role: 'FAMILY_MEMBER', handRaised: true, editing: null },
      { connectionId: 'k2', participantId: 'i2', name: 'Priya', role: 'CHAIR', handRaised: false, editing: { id: 'g1', field: 'TITLE' } }],
    hands: ['i1'], agendaItemId: 'ag1', privatePart: null },
    comments: [{ nodeId: 'g1', author: 'Priya', text: 'Good', private: true }],
    plan: { nodes: [{ id: 'g1', kind: 'GOAL', fields: { POSITION: 'a', TITLE: 'Safe home' } },
      { id: 'x1', kind: 'ACTION', fields: { GOAL: 'g1', POSITION: 'a', DESCRIPTION: 'Walk to school', OWNER: 'FAMILY_MEMBER:m1', DUE_ON: '2030-01-01', STATUS: 'AGREED' } },
      { id: 'x2', kind: 'ACTION', fields: { GOAL: 'g1', POSITION: 'b', DESCRIPTION: '', STATUS: 'PROPOSED' } }] } };
  globalThis.CSS = { escape: (text) => text };
  globalThis.ResizeObserver = class { observe() {} };
  Object.defineProperty(globalThis, 'navigator', { value: { onLine: true }, configurable: true });
  globalThis.WebSocket = class {
    static OPEN = 1;
    constructor() { this.readyState = 0; setTimeout(() => { this.readyState = 1; this.onopen(); }); }
    send(data) { if (JSON.parse(data).type === 'hello') setTimeout(() => this.onmessage({ data: JSON.stringify(welcome) })); }
    close() {}
  };
}
globalThis.fetch = async (path) => {
  const route = routes.find(([re]) => re.test(path));
  if (!route) throw new Error(`no fixture for ${path}`);
  try {
    const body = route[1]();
    return { ok: true, status: 200, text: async () => JSON.stringify(body) };
  } catch (e) {
    return { ok: false, status: e.status || 500, text: async () => JSON.stringify({ detail: 'x' }) };
  }
};
const js = new URL('../../../main/webapp/js/', import.meta.url);
const i18n = await import(new URL('i18n.js', js).href);
i18n.enterPage(page.split('#')[0]);
const mod = await import(new URL(`pages/${page.split('#')[0]}.js`, js).href);
await mod.render(ids['main-content'], { id: id || FAM, ids: [id || FAM] });
// The live room fills in when its socket's welcome comes.
if (page === 'live') await new Promise((resolve) => { setTimeout(resolve, 50); });
const text = ids['main-content'].textContent + ' | ' + ids['app-header'].textContent;
console.log(JSON.stringify({ lang: document.documentElement.lang, text }));
// The live room keeps its socket alive with a timer: the drawing is done.
process.exit(0);
