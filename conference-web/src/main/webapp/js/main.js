// Every page is this one shell; the address says which page module fills it.
import { enterPage, t } from './i18n.js';
import { showPageError } from './layout.js';

const routes = [
  [/^\/(sign-in)?$/, 'sign-in'],
  [/^\/invite$/, 'invite'],
  [/^\/code$/, 'code'],
  [/^\/confirm-email$/, 'confirm-email'],
  [/^\/unlock$/, 'unlock'],
  [/^\/set-password$/, 'set-password'],
  // The footer's pages: help and whom to phone, accessibility, privacy, cookies.
  [/^\/(help|accessibility|privacy|cookies)$/, 'footer'],
  [/^\/admin$/, 'admin/home'],
  [/^\/admin\/agencies$/, 'admin/agencies'],
  [/^\/admin\/agencies\/new$/, 'admin/agency-form'],
  [/^\/admin\/agencies\/([0-9a-f-]{36})$/, 'admin/agency'],
  [/^\/admin\/agencies\/([0-9a-f-]{36})\/change$/, 'admin/agency-form'],
  [/^\/admin\/agencies\/([0-9a-f-]{36})\/staff\/new$/, 'admin/staff-new'],
  [/^\/admin\/staff\/([0-9a-f-]{36})$/, 'admin/staff'],
  [/^\/admin\/advocacy-organisations$/, 'admin/organisations'],
  [/^\/admin\/advocacy-organisations\/new$/, 'admin/organisation-form'],
  [/^\/admin\/advocacy-organisations\/([0-9a-f-]{36})$/, 'admin/organisation-form'],
  [/^\/families\/([0-9a-f-]{36})\/involvements(?:\/([0-9a-f-]{36}))?$/, 'involvements'],
  [/^\/conferences$/, 'conferences'],
  [/^\/conferences\/([0-9a-f-]{36})$/, 'conference'],
  [/^\/conferences\/([0-9a-f-]{36})\/live$/, 'live'],
  // newcomer: the chair changes the agenda and the list after scheduling.
  [/^\/conferences\/([0-9a-f-]{36})\/(?:agenda|invitees\/new)$/, 'conference-change'],
  [/^\/families\/([0-9a-f-]{36})\/change$/, 'family-change'],
  [/^\/admin\/reminders$/, 'admin/reminders'],
  [/^\/sign-out-everywhere$/, 'sign-out-everywhere'],
  [/^\/conferences\/new\/(kind|when|where|who|agenda|check)$/, 'schedule'],
  [/^\/conferences\/([0-9a-f-]{36})\/(?:reschedule\/(?:kind|when|where|check)|cancel)$/, 'schedule'],
  [/^\/conferences\/([0-9a-f-]{36})\/close\/(?:attendance|decisions|check)$/, 'close'],
  [/^\/dashboard$/, 'dashboard'],
  [/^\/families$/, 'families'],
  [/^\/families\/([0-9a-f-]{36})$/, 'family'],
  [/^\/families\/([0-9a-f-]{36})\/details$/, 'family-details'],
  [/^\/families\/([0-9a-f-]{36})\/sharing$/, 'sharing'],
  [/^\/families\/([0-9a-f-]{36})\/access-log$/, 'access-log'],
  [/^\/families\/([0-9a-f-]{36})\/contact-map$/, 'contact-map'],
  [/^\/families\/([0-9a-f-]{36})\/contacts\/new$/, 'contact-new'],
  [/^\/families\/([0-9a-f-]{36})\/plan\/print$/, 'plan-print'],
  [/^\/families\/([0-9a-f-]{36})\/(?:members|advocates)\/(?:new|check)$/, 'family-people'],
];

async function start() {
  const path = window.location.pathname;
  const route = routes.find(([pattern]) => pattern.test(path));
  enterPage(route ? route[1] : null);
  if (!route) {
    await showPageError({ status: 404, message: t('error.checkAddress') });
    return;
  }
  const [pattern, name] = route;
  const ids = path.match(pattern).slice(1);
  try {
    const page = await import(`./pages/${name}.js`);
    await page.render(document.getElementById('main-content'), { id: ids[0], ids });
  } catch (error) {
    await showPageError(error);
  }
}

start();
