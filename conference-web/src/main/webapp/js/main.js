// Every page is this one shell; the address says which page module fills it.
import { renderLayout, showPageError } from './layout.js';

const routes = [
  [/^\/(sign-in)?$/, 'sign-in'],
  [/^\/invite$/, 'invite'],
  [/^\/code$/, 'code'],
  [/^\/conferences$/, 'conferences'],
  [/^\/conferences\/([0-9a-f-]{36})$/, 'conference'],
  [/^\/conferences\/([0-9a-f-]{36})\/live$/, 'live'],
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
];

async function start() {
  const path = window.location.pathname;
  const route = routes.find(([pattern]) => pattern.test(path));
  if (!route) {
    renderLayout({ title: 'Page not found', caller: null });
    showPageError({ status: 404, message: 'If you typed the web address, check it is correct.' });
    return;
  }
  const [pattern, name] = route;
  const id = path.match(pattern)[1];
  try {
    const page = await import(`./pages/${name}.js`);
    await page.render(document.getElementById('main-content'), { id });
  } catch (error) {
    if (!document.getElementById('app-header').hasChildNodes()) renderLayout({ title: 'Problem', caller: null });
    showPageError(error);
  }
}

start();
