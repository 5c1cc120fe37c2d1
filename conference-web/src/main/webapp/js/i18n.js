// The page's language, English or Welsh, and its words (decision record 13). Every text a family
// member or advocate reads on a translated page comes from t(key): the English catalogue is
// texts/en.js, the Welsh one texts/cy.js, with the same keys ("{name}" marks a gap to fill).
// WelshCoverageTest fails when a key has no Welsh, or when a translated page writes English inline.
import en from './texts/en.js';
import cy from './texts/cy.js';

const CATALOGUES = { en, cy };

/**
 * The pages (main.js's route names) whose every text comes from the catalogues. Any other page
 * is shown all in English with lang="en", and a Welsh reader is told so in Welsh.
 */
export const TRANSLATED_PAGES = new Set(['sign-in', 'code', 'conferences', 'family', 'family-details', 'family-people', 'sharing', 'access-log', 'footer', 'invite', 'confirm-email', 'conference', 'plan-print', 'contact-map', 'families', 'live', 'sign-out-everywhere']);

// This browser's language when nobody is signed in. Not "roundtable."-prefixed: signing out
// forgets those, and the language is no secret.
const STORED = 'rt-language';
// Set (for this tab only) when the visitor chose a language before signing in: signing in then
// keeps that choice for the person.
const CHOSEN = 'rt-language-chosen';

let chosen = initial();
let pageTranslated = true;

function storage(kind) {
  try {
    return kind === 'session' ? window.sessionStorage : window.localStorage;
  } catch (e) {
    return null; // storage switched off: the language lasts for this page only
  }
}

function initial() {
  const asked = new URLSearchParams(window.location.search).get('lang');
  if (Object.hasOwn(CATALOGUES, asked || '')) {
    // A link written in a language (a Welsh email's, the page after signing out) opens its page
    // in that language; only the switch itself is a choice to keep for the person.
    storage('local')?.setItem(STORED, asked);
    return asked;
  }
  const stored = storage('local')?.getItem(STORED);
  return Object.hasOwn(CATALOGUES, stored || '') ? stored : 'en';
}

/** The language the person chose ("en" or "cy"), whether or not this page is translated yet. */
export function chosenLanguage() {
  return chosen;
}

/** The language this page is written in. */
export function language() {
  return pageTranslated ? chosen : 'en';
}

/** Called by main.js before a page renders: an untranslated page is all English, and says so. */
export function enterPage(name) {
  pageTranslated = name === null || TRANSLATED_PAGES.has(name);
  document.documentElement.lang = language();
}

/** Whether a Welsh reader is on a page not in Welsh yet. */
export function onlyInEnglish() {
  return chosen !== 'en' && !pageTranslated;
}

/**
 * The signed-in person's own language wins: it follows them from device to device. Staff pages
 * are in English.
 */
export function adopt(caller) {
  if (!caller) return;
  if (caller.kind === 'STAFF') {
    chosen = 'en';
  } else if (Object.hasOwn(CATALOGUES, caller.language || '')) {
    chosen = caller.language;
    storage('local')?.setItem(STORED, chosen);
  }
  document.documentElement.lang = language();
}

/**
 * The signed-in person chose the other language on a page that redraws its own words rather than
 * reloading (the live room, where a reload would drop them from the meeting for a moment).
 */
export function choose(lang) {
  if (!Object.hasOwn(CATALOGUES, lang)) return;
  chosen = lang;
  storage('local')?.setItem(STORED, lang);
  document.documentElement.lang = language();
}

/** Remembers a choice made on the page by someone not signed in (the caller keeps theirs on the server). */
export function rememberChoice(lang, signedIn) {
  if (!Object.hasOwn(CATALOGUES, lang)) return;
  storage('local')?.setItem(STORED, lang);
  if (!signedIn) storage('session')?.setItem(CHOSEN, '1');
}

/** The language chosen on the pages before signing in, in this tab; undefined when none was. */
export function chosenBeforeSignIn() {
  return storage('session')?.getItem(CHOSEN) ? chosen : undefined;
}

/** The language chosen on a page before signing in in this tab, if any (then forgotten). */
export function takeChoiceBeforeSignIn() {
  const made = storage('session')?.getItem(CHOSEN);
  storage('session')?.removeItem(CHOSEN);
  return made ? chosen : null;
}

/** The text for key in the page's language, gaps filled from params; English if Welsh lacks it. */
export function t(key, params = {}) {
  const text = CATALOGUES[language()][key] ?? en[key];
  if (text === undefined) throw new Error(`No text for ${key}`);
  return text.replace(/\{([a-zA-Z]+)\}/g, (gap, name) => (Object.hasOwn(params, name) ? String(params[name]) : gap));
}

/** The same text in a language other than the page's (the switch's own name, the "only in English" note). */
export function tIn(lang, key) {
  return CATALOGUES[lang][key] ?? en[key];
}

/**
 * The server's fixed English words (what a worker looked at, say) in the page's language: the
 * text of the key under prefix whose English is exactly these words, else the words as they are.
 */
export function translated(prefix, english) {
  const key = Object.keys(en).find((k) => k.startsWith(prefix) && en[k] === english);
  return key ? t(key) : english;
}

/** What dates are written in: "3 March 2026" or "3 Mawrth 2026". */
export function locale() {
  return language() === 'cy' ? 'cy-GB' : 'en-GB';
}
