// The footer's pages, open to everyone: help and whom to phone, the accessibility statement,
// the privacy notice and cookies. Plain words, short sentences: families read them on a phone.
// The privacy notice says what the code does today (nothing deletes a record after a set time).
import { api } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { adopt, t } from '../i18n.js';
import { renderLayout } from '../layout.js';

const p = (...text) => h('p', { class: 'govuk-body' }, ...text);
const h2 = (text, id) => h('h2', { class: 'govuk-heading-m', id }, text);
const bullets = (items, id) => h('ul', { class: 'govuk-list govuk-list--bullet', id }, items.map((item) => h('li', {}, item)));
const link = (href, text, id) => h('a', { class: 'govuk-link', href, id }, text);

function summaryRow(key, value) {
  return h('div', { class: 'govuk-summary-list__row' },
    h('dt', { class: 'govuk-summary-list__key' }, key), h('dd', { class: 'govuk-summary-list__value' }, value));
}

/** The family's lead worker and the chair of its next meeting, with agency, phone and email. */
function contactCards(people) {
  const roleName = { LEAD_WORKER: t('contacts.yourLeadWorker'), CHAIR: t('help.nextChair') };
  // An advocate's cards say whose: they may support more than one family.
  const ofFamily = { LEAD_WORKER: (name) => t('help.leadWorkerFor', { family: name }), CHAIR: (name) => t('help.nextChairFor', { family: name }) };
  return h('div', { id: 'help-contacts' }, people.map((person) => h('div', { class: 'govuk-summary-card', 'data-role': person.role },
    h('div', { class: 'govuk-summary-card__title-wrapper' },
      h('h3', { class: 'govuk-summary-card__title' }, t('contacts.roleAndName',
        { role: person.familyName ? ofFamily[person.role](person.familyName) : roleName[person.role], name: person.fullName }))),
    h('div', { class: 'govuk-summary-card__content' },
      h('dl', { class: 'govuk-summary-list' },
        summaryRow(t('contacts.worksFor'), person.agencyName),
        person.phone ? summaryRow(t('family.phone'), h('a', { class: 'govuk-link', href: `tel:${person.phone.replace(/[^0-9+]/g, '')}` }, person.phone)) : null,
        summaryRow(t('family.email'), h('a', { class: 'govuk-link', href: `mailto:${person.email}` }, person.email)))))));
}

/** The texts of keys prefix.1, prefix.2, … as paragraphs (or list items), in order. */
const numbered = (prefix, count) => Array.from({ length: count }, (_, i) => t(`${prefix}.${i + 1}`));
const paragraphs = (prefix, count) => numbered(prefix, count).map((text) => p(text));

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
    h('h1', { class: 'govuk-heading-l' }, t('footer.help')),
    h('div', { class: 'govuk-warning-text' },
      h('span', { class: 'govuk-warning-text__icon', 'aria-hidden': 'true' }, '!'),
      h('strong', { class: 'govuk-warning-text__text' }, h('span', { class: 'govuk-visually-hidden' }, t('details.warning')), ' ',
        t('help.danger'))),
    h2(t('help.whoToPhone')),
    people.length ? [p(t('help.phoneOrEmail')), contactCards(people)] : paragraphs('help.noContacts', 3),
    h2(t('help.cannotSignIn')),
    bullets(numbered('help.signInTips', 3)),
    p(link('/code', t('signIn.getCode'), 'help-get-code')),
    h2(t('help.needHelp')),
    p(t('help.tellLeadWorker')),
    h2(t('help.more')),
    h('ul', { class: 'govuk-list' },
      h('li', {}, link('/privacy', t('help.howWeUse'))),
      h('li', {}, link('/accessibility', t('help.howEasy')))),
  ];
}

function accessibility() {
  return [
    h('h1', { class: 'govuk-heading-l' }, t('footer.accessibility')),
    p(t('accessibility.aim')),
    p(t('accessibility.shouldBeAble')),
    bullets(numbered('accessibility.able', 4)),
    h2(t('accessibility.notYet')),
    bullets(numbered('accessibility.problems', 4)),
    h2(t('accessibility.differentWay')),
    paragraphs('accessibility.ask', 2),
    h2(t('accessibility.notHappy')),
    p(t('accessibility.eass')),
    h2(t('accessibility.howWeCheck')),
    paragraphs('accessibility.check', 3),
  ];
}

function privacy() {
  return [
    h('h1', { class: 'govuk-heading-l' }, t('footer.privacy')),
    paragraphs('privacy.intro', 2),
    h2(t('privacy.whatWeKeep'), 'what-we-keep'),
    bullets(numbered('privacy.kept', 9)),
    h2(t('privacy.why'), 'why'),
    paragraphs('privacy.whyText', 2),
    h2(t('privacy.law'), 'lawful-basis'),
    paragraphs('privacy.lawText', 6),
    h2(t('privacy.howLong'), 'how-long'),
    paragraphs('privacy.howLongText', 5),
    h2(t('privacy.rights'), 'rights'),
    bullets(numbered('privacy.right', 4)),
    h2(t('privacy.complain'), 'complain'),
    paragraphs('privacy.complainText', 3),
    bullets([t('privacy.icoPhone'),
      h('span', {}, t('privacy.icoOnline'), ' ', h('a', { class: 'govuk-link', href: 'https://ico.org.uk/make-a-complaint', id: 'ico-complaint' }, 'ico.org.uk/make-a-complaint'))], 'ico'),
  ];
}

function cookies() {
  const row = (cells, tag = 'td') => h('tr', { class: 'govuk-table__row' },
    cells.map((c) => h(tag, { class: tag === 'th' ? 'govuk-table__header' : 'govuk-table__cell', scope: tag === 'th' ? 'col' : null }, c)));
  return [
    h('h1', { class: 'govuk-heading-l' }, t('footer.cookies')),
    paragraphs('cookies.intro', 3),
    h('table', { class: 'govuk-table', id: 'cookie-table' },
      h('caption', { class: 'govuk-table__caption govuk-table__caption--m' }, t('cookies.caption')),
      h('thead', { class: 'govuk-table__head' }, row([t('cookies.name'), t('cookies.for'), t('cookies.goes')], 'th')),
      h('tbody', { class: 'govuk-table__body' },
        row(['RT_SESSION', t('cookies.session'), t('cookies.whenSignOut')]),
        row(['RT_CSRF', t('cookies.csrf'), t('cookies.whenSignOut')]))),
    p(t('cookies.secure')),
    h2(t('cookies.otherThings')),
    paragraphs('cookies.device', 3),
  ];
}

const PAGES = {
  help: ['footer.help', help],
  accessibility: ['footer.accessibility', accessibility],
  privacy: ['footer.privacy', privacy],
  cookies: ['footer.cookies', cookies],
};

export async function render(main, { id }) {
  let caller = null;
  try {
    caller = await api.get('/auth/me');
    adopt(caller);
  } catch (e) {
    // Signed out: the same page, without the person's own contacts.
  }
  const [title, page] = PAGES[id];
  renderLayout({ title: t(title), caller });
  replaceChildren(main, h('div', { class: 'govuk-grid-row' }, h('div', { class: 'govuk-grid-column-two-thirds' }, (await page(caller)).flat(Infinity))));
}
