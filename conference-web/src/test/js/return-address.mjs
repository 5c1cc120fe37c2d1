// safeReturnPath (src/main/webapp/js/return-address.js) against the ways a link's ?next= could
// send someone who signs in to another website. Prints "ok" or what went wrong.
globalThis.window = { location: { origin: 'https://roundtable.example' } };
const { safeReturnPath } = await import('../../main/webapp/js/return-address.js');

const elsewhere = [
  '//evil.example', '/\\evil.example', '\\\\evil.example', 'https://evil.example/', 'javascript:alert(1)', 'data:text/html,x',
  '/..//evil.example', '/.//evil.example', '/a/..//evil.example', '/%2e%2e//evil.example', '/./\\/evil.example',
  '/\t/evil.example', '/\n/evil.example', '/%0d%0aSet-Cookie:x', ' /conferences', '', null, 42,
];
const problems = [];
for (const value of elsewhere) {
  const path = safeReturnPath(value);
  if (path !== null && new URL(path, 'https://roundtable.example').origin !== 'https://roundtable.example') {
    problems.push(`${JSON.stringify(value)} leads to ${new URL(path, 'https://roundtable.example').href}`);
  } else if (path !== null && (path.startsWith('//') || path.startsWith('/\\'))) {
    problems.push(`${JSON.stringify(value)} gives ${JSON.stringify(path)}, which a browser reads as another site`);
  }
}
const kept = { '/conferences/abc': '/conferences/abc', '/families/1?tab=plan#goals': '/families/1?tab=plan#goals',
  '/%2F%2Fevil.example': '/%2F%2Fevil.example' };
for (const [value, expected] of Object.entries(kept)) {
  if (safeReturnPath(value) !== expected) problems.push(`${JSON.stringify(value)} should stay ${expected}, got ${safeReturnPath(value)}`);
}
console.log(problems.length === 0 ? 'ok' : problems.join('\n'));
