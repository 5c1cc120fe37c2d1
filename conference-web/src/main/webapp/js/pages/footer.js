// The footer's pages, open to everyone: help and whom to phone, the accessibility statement,
// the privacy notice and cookies. Plain words, short sentences: families read them on a phone.
// The privacy notice says what the code does today (nothing deletes a record after a set time).
import { api } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { renderLayout } from '../layout.js';

const p = (...text) => h('p', { class: 'govuk-body' }, ...text);
const h2 = (text, id) => h('h2', { class: 'govuk-heading-m', id }, text);
const bullets = (items, id) => h('ul', { class: 'govuk-list govuk-list--bullet', id }, items.map((t) => h('li', {}, t)));
const link = (href, text, id) => h('a', { class: 'govuk-link', href, id }, text);

function summaryRow(key, value) {
  return h('div', { class: 'govuk-summary-list__row' },
    h('dt', { class: 'govuk-summary-list__key' }, key), h('dd', { class: 'govuk-summary-list__value' }, value));
}

/** The family's lead worker and the chair of its next meeting, with agency, phone and email. */
function contactCards(people) {
  const roleName = { LEAD_WORKER: 'Your lead worker', CHAIR: 'Chair of your next meeting' };
  // An advocate's cards say whose: they may support more than one family.
  const ofFamily = { LEAD_WORKER: (name) => `Lead worker for the ${name}`, CHAIR: (name) => `Chair of the ${name}'s next meeting` };
  return h('div', { id: 'help-contacts' }, people.map((person) => h('div', { class: 'govuk-summary-card', 'data-role': person.role },
    h('div', { class: 'govuk-summary-card__title-wrapper' },
      h('h3', { class: 'govuk-summary-card__title' },
        `${person.familyName ? ofFamily[person.role](person.familyName) : roleName[person.role]}: ${person.fullName}`)),
    h('div', { class: 'govuk-summary-card__content' },
      h('dl', { class: 'govuk-summary-list' },
        summaryRow('Works for', person.agencyName),
        person.phone ? summaryRow('Phone', h('a', { class: 'govuk-link', href: `tel:${person.phone.replace(/[^0-9+]/g, '')}` }, person.phone)) : null,
        summaryRow('Email', h('a', { class: 'govuk-link', href: `mailto:${person.email}` }, person.email)))))));
}

/** Whom a signed-in family member or advocate can phone: for an advocate, about each family they support. */
async function whomToPhone(caller) {
  if (!caller || caller.kind === 'STAFF') return [];
  const families = caller.familyId ? [{ id: caller.familyId }]
    : caller.kind === 'ADVOCATE' ? (await api.get('/families?size=20').catch(() => ({ items: [] }))).items : [];
  const lists = await Promise.all(families.map((f) => api.get(`/families/${f.id}/staff-contacts`)
    .then((people) => people.map((person) => ({ ...person, familyName: caller.kind === 'ADVOCATE' ? f.name : null })))
    .catch(() => [])));
  return lists.flat();
}

async function help(caller) {
  const people = await whomToPhone(caller);
  return [
    h('h1', { class: 'govuk-heading-l' }, 'Help and who to phone'),
    h('div', { class: 'govuk-warning-text' },
      h('span', { class: 'govuk-warning-text__icon', 'aria-hidden': 'true' }, '!'),
      h('strong', { class: 'govuk-warning-text__text' }, h('span', { class: 'govuk-visually-hidden' }, 'Warning'),
        'If a child is in danger now, phone 999.')),
    h2('Who to phone about your family'),
    people.length ? [p('Phone or email one of these people if you have a question about your plan or a meeting.'), contactCards(people)]
      : [p('Your lead worker is the person who works most closely with your family.'),
        p('Their phone number is in the email that invited you to a meeting.'),
        p('When you sign in, this page shows their name, phone number and email.')],
    h2('If you cannot sign in'),
    bullets(['Ask for a new code on the sign-in page. We email it to you.',
      'Check your junk email folder for the code.',
      'If your email address has changed, tell your lead worker.']),
    p(link('/code', 'Get a sign-in code', 'help-get-code')),
    h2('If you need help to read or take part'),
    p('Tell your lead worker if you need an interpreter, large print or someone to support you.'),
    h2('More about Roundtable'),
    h('ul', { class: 'govuk-list' },
      h('li', {}, link('/privacy', 'How we use your information')),
      h('li', {}, link('/accessibility', 'How easy Roundtable is to use'))),
  ];
}

function accessibility() {
  return [
    h('h1', { class: 'govuk-heading-l' }, 'Accessibility statement'),
    p('We want as many people as possible to be able to use Roundtable.'),
    p('You should be able to:'),
    bullets(['use it on a phone, a tablet or a computer',
      'make the text up to four times bigger without losing anything',
      'move around it using only a keyboard',
      'use it with a screen reader, which reads the page out loud']),
    h2('What does not work well yet'),
    bullets(['The chart of your contacts with services is a picture. The same numbers are in a table below it.',
      'Reports that services upload may be hard to use with a screen reader. Our own PDF files are made for screen readers.',
      'Roundtable is only in English for now. We are adding Welsh.',
      'Video calls in a live meeting need a recent web browser.']),
    h2('If you need something in a different way'),
    p('Ask your lead worker if you need papers in large print, easy read, audio or another language.'),
    p('Tell them too if something on Roundtable is hard to use. We will try to fix it.'),
    h2('If you are not happy with our answer'),
    p('The Equality Advisory and Support Service can help. Its phone number is 0808 800 0082.'),
    h2('How we check Roundtable'),
    p('We test every page with a tool called axe-core. We test on a small phone screen and on a computer.'),
    p('We aim to meet the Web Content Accessibility Guidelines, version 2.2, level AA.'),
    p('Because of the problems listed above, we meet them only in part.'),
  ];
}

function privacy() {
  return [
    h('h1', { class: 'govuk-heading-l' }, 'Privacy notice'),
    p('This page tells you what Roundtable keeps about you and your family, and why.'),
    p('The council that runs Roundtable is in charge of your information. Each service is in charge of what it adds.'),
    h2('What we keep', 'what-we-keep'),
    bullets(['names, dates of birth, phone numbers, email and home addresses',
      'the language you prefer and any help you need',
      'your family\u2019s plan, and every change to it',
      'meetings, what was said and decided, and the written notes of them',
      'reports from services, and your views',
      'when services were in touch with your family',
      'who you choose to share your information with',
      'each time a worker looked at your record',
      'when you signed in']),
    h2('Why we keep it', 'why'),
    p('We use it to plan with you how to keep your children safe and well.'),
    p('It lets the services that help your family work together, so you do not have to repeat yourself.'),
    h2('The reason in law', 'lawful-basis'),
    p('The law lets us use your information without asking your permission first.'),
    p('We use it for a public task. This means work the law gives the council to do, like keeping children safe.'),
    p('When someone\u2019s life is at risk, we may also use it to protect someone\u2019s life.'),
    p('Some of it, like health information, is extra private. The law lets us use it to keep children safe too.'),
    p('We do not rely on your consent. So a worker may sometimes look at your information when you asked them not to.'),
    p('When that happens, you see it on your record, with their reason.'),
    h2('How long we keep it', 'how-long'),
    p('Roundtable does not delete your family\u2019s record by itself after a set time.'),
    p('It keeps the record until the council deletes it. The council\u2019s own rules say when.'),
    p('Roundtable has no button to delete a record yet. The council\u2019s technical staff must do it.'),
    p('Ask your lead worker how long the council keeps records like yours.'),
    p('A sign-in code stops working after 10 minutes. Signing out ends your session straight away.'),
    h2('Your rights', 'rights'),
    bullets(['You can see what we keep. Download it from your family\u2019s page.',
      'You can ask us to fix something that is wrong. Change it on your details page, or tell your lead worker.',
      'You can ask us to stop using your information, or to delete it. We may have to keep it to keep a child safe.',
      'You can choose which services see each part of your record.']),
    h2('How to complain', 'complain'),
    p('First, tell your lead worker or the chair of your meeting.'),
    p('If you are still not happy, you can complain to the Information Commissioner\u2019s Office (ICO).'),
    p('The ICO checks that organisations use people\u2019s information in the right way.'),
    bullets(['Phone: 0303 123 1113',
      h('span', {}, 'Online: ', h('a', { class: 'govuk-link', href: 'https://ico.org.uk/make-a-complaint', id: 'ico-complaint' }, 'ico.org.uk/make-a-complaint'))], 'ico'),
  ];
}

function cookies() {
  const row = (cells, tag = 'td') => h('tr', { class: 'govuk-table__row' },
    cells.map((c) => h(tag, { class: tag === 'th' ? 'govuk-table__header' : 'govuk-table__cell', scope: tag === 'th' ? 'col' : null }, c)));
  return [
    h('h1', { class: 'govuk-heading-l' }, 'Cookies'),
    p('Cookies are small files that a website puts on your phone or computer.'),
    p('Roundtable only uses cookies it needs to work. We do not use cookies to track you or show you adverts.'),
    p('You do not need to accept them. Roundtable cannot keep you signed in without them.'),
    h('table', { class: 'govuk-table', id: 'cookie-table' },
      h('caption', { class: 'govuk-table__caption govuk-table__caption--m' }, 'The cookies we use'),
      h('thead', { class: 'govuk-table__head' }, row(['Name', 'What it is for', 'When it goes'], 'th')),
      h('tbody', { class: 'govuk-table__body' },
        row(['RT_SESSION', 'Keeps you signed in.', 'When you sign out or close your browser.']),
        row(['RT_CSRF', 'Stops other websites from making changes in your name.', 'When you sign out or close your browser.']))),
    p('On a secure connection, the names start with __Host-. For example, __Host-RT_SESSION.'),
    h2('Other things kept on your device'),
    p('In a live meeting, your phone keeps changes you have not sent yet. Then a bad signal does not lose them.'),
    p('They are sent when you are back online. Signing out clears them.'),
  ];
}

const PAGES = {
  help: ['Help and who to phone', help],
  accessibility: ['Accessibility statement', accessibility],
  privacy: ['Privacy notice', privacy],
  cookies: ['Cookies', cookies],
};

export async function render(main, { id }) {
  let caller = null;
  try {
    caller = await api.get('/auth/me');
  } catch (e) {
    // Signed out: the same page, without the person's own contacts.
  }
  const [title, page] = PAGES[id];
  renderLayout({ title, caller });
  replaceChildren(main, h('div', { class: 'govuk-grid-row' }, h('div', { class: 'govuk-grid-column-two-thirds' }, (await page(caller)).flat(Infinity))));
}
