// Every translated page draws itself for a family member (or someone not signed in) in English
// and in Welsh, from sample answers: no page fails, lang says the page's language, and the Welsh
// page carries none of a few words that only its English has. Run by WelshPagesTest.
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';

const F = '11111111-1111-1111-1111-111111111111';
const here = new URL('.', import.meta.url).pathname;
const pages = [
  ['sign-in', '/', 'none', null, 'Sign in to Roundtable', 'Mewngofnodi i Roundtable'],
  ['code', '/code', 'none', null, 'What is your email address?', 'Beth yw eich cyfeiriad e-bost?'],
  ['conferences', '/conferences', 'FAMILY_MEMBER', null, 'Coming up', 'I ddod'],
  ['family', `/families/${F}`, 'FAMILY_MEMBER', null, 'People in the family', 'Pobl yn y teulu'],
  ['family-details', `/families/${F}/details`, 'FAMILY_MEMBER', null, 'Tell us once.', 'Dywedwch wrthym unwaith.'],
  ['family-people', `/families/${F}/members/new`, 'FAMILY_MEMBER', null, 'Who are they to the family?', "Pwy ydyn nhw i'r teulu?"],
  ['sharing', `/families/${F}/sharing`, 'FAMILY_MEMBER', null, 'Your choices', 'Eich dewisiadau'],
  ['access-log', `/families/${F}/access-log`, 'FAMILY_MEMBER', null, 'Who looked, day by day', 'Pwy edrychodd, fesul diwrnod'],
  ['contact-map', `/families/${F}/contact-map`, 'FAMILY_MEMBER', null, 'Contacts each month', 'Cysylltiadau bob mis'],
  ['families', '/families', 'ADVOCATE', null, 'Families you support', "Teuluoedd rydych chi'n eu cefnogi"],
  ['family-details', `/families/${F}/details`, 'FAMILY_MEMBER', null, 'Ryan Taylor joined the household', 'Daeth Ryan Taylor i fyw ar yr aelwyd'],
  ['plan-print', `/families/${F}/plan/print`, 'FAMILY_MEMBER', null, 'Print this page', "Argraffu'r dudalen hon"],
  ['conference', '/conferences/c1', 'ADVOCATE', 'c1', 'Who will do each action', 'Pwy fydd yn gwneud pob cam'],
  ['invite', '/invite?token=a', 'none', null, 'What would you like to do?', 'Beth hoffech chi ei wneud?'],
  ['confirm-email', '/confirm-email?token=a', 'none', null, 'Confirm your email address', 'Cadarnhewch eich cyfeiriad e-bost'],
  ['footer', '/help', 'FAMILY_MEMBER', 'help', 'If you cannot sign in', 'Os na allwch fewngofnodi'],
  ['footer', '/accessibility', 'none', 'accessibility', 'How we check Roundtable', 'Sut rydym yn gwirio Roundtable'],
  ['footer', '/privacy', 'none', 'privacy', 'How to complain', 'Sut i gwyno'],
  ['footer', '/cookies', 'none', 'cookies', 'The cookies we use', "Y cwcis rydym yn eu defnyddio"],
];

let drawn = 0;
for (const [page, path, who, id, english, welsh] of pages) {
  for (const lang of ['en', 'cy']) {
    const url = `http://roundtable.test${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
    const out = execFileSync(process.execPath, ['--experimental-default-type=module', '--import', `${here}register.mjs`, `${here}page.mjs`,
      page, url, who, id || ''], { env: { ...process.env, LANG_STORED: lang }, encoding: 'utf8' });
    const { lang: shown, text } = JSON.parse(out.trim().split('\n').pop());
    assert.equal(shown, lang, `${path} in ${lang}: <html lang>`);
    assert.ok(text.includes(lang === 'en' ? english : welsh), `${path} in ${lang} says "${lang === 'en' ? english : welsh}": ${text}`);
    if (lang === 'cy') assert.ok(!text.includes(english), `${path} in Welsh still says "${english}"`);
    drawn += 1;
  }
}
// The live room, from a welcome with a raised hand, a private comment, a signed and a voided action: each line in
// its language, and no English line left in the Welsh room (names and what people typed aside).
const ROOM = [['Lower my hand', 'Gostwng fy llaw'], ['Who is here', 'Pwy sydd yma'], ['Voice and video', 'Llais a fideo'],
  ['Join by voice only', 'Ymuno drwy lais yn unig'], ['What needs to change', 'Beth sydd angen newid'], ['Where it is', 'Ble mae pethau arni'],
  ['Hands up, in order: Jess Taylor', 'Dwylo i fyny, yn eu trefn: Jess Taylor'], ['Conference page (sign-off, reports)', 'Tudalen y cyfarfod (llofnodi, adroddiadau)'],
  ['Changed by Priya after it was signed', 'Newidiodd Priya hwn ar ôl iddo gael ei lofnodi'], ['Other ways to join this meeting', "Ffyrdd eraill o ymuno â'r cyfarfod hwn"],
  ['Jess Taylor (Family member)', "Jess Taylor (Aelod o'r teulu)"], ['Connected', 'Wedi cysylltu'], ['Add a comment', 'Ychwanegu sylw'],
  ['Priya (private part): Good', 'Priya (rhan breifat): Good'], ['Signed', "Wedi'i lofnodi"], ['1 of 2: Plan', '1 o 2: Plan'],
  ['Agreed, not started yet', "Wedi'i gytuno, heb ddechrau eto"], ['Jess Taylor', 'Jess Taylor'], ['1 January 2030', '1 Ionawr 2030'],
  ['Live conference', 'Cyfarfod byw'], ['Hand up', 'Llaw i fyny'], ['Action 2', 'Cam 2'], ['Nothing yet', 'Dim byd eto']];
for (const lang of ['en', 'cy']) {
  const out = execFileSync(process.execPath, ['--experimental-default-type=module', '--import', `${here}register.mjs`, `${here}page.mjs`,
    'live', `http://roundtable.test/conferences/c1/live?lang=${lang}`, 'FAMILY_MEMBER', 'c1'],
  { env: { ...process.env, LANG_STORED: lang, NO_WELSH_DATES: '1' }, encoding: 'utf8' });
  const { lang: shown, text } = JSON.parse(out.trim().split('\n').pop());
  assert.equal(shown, lang, `the live room in ${lang}: <html lang>`);
  for (const [english, welsh] of ROOM) {
    assert.ok(text.includes(lang === 'en' ? english : welsh), `the live room in ${lang} says "${lang === 'en' ? english : welsh}": ${text}`);
    if (lang === 'cy' && english !== welsh) assert.ok(!text.includes(english), `the Welsh live room still says "${english}": ${text}`);
  }
  assert.ok(!text.includes('Nid yw’r dudalen hon ar gael yn Gymraeg') && !text.includes("Nid yw'r dudalen hon ar gael yn Gymraeg"), `the room is not "only in English": ${text}`);
  drawn += 1;
}
// A browser that cannot write Welsh dates still gets them in Welsh, from the catalogue's names.
const out = execFileSync(process.execPath, ['--experimental-default-type=module', '--import', `${here}register.mjs`, `${here}page.mjs`,
  'conferences', 'http://roundtable.test/conferences', 'FAMILY_MEMBER', ''],
{ env: { ...process.env, LANG_STORED: 'cy', NO_WELSH_DATES: '1', TZ: 'UTC' }, encoding: 'utf8' });
const { text } = JSON.parse(out.trim().split('\n').pop());
assert.ok(text.includes('Dydd Mawrth 1 Ionawr 2030 am 10:00') && !text.includes('January'), `Welsh dates without Intl's Welsh: ${text}`);
drawn += 1;
console.log(`${drawn} pages drawn`);
