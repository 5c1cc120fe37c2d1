// Where to go after signing in. Only a path on this same site is ever followed, so a link
// cannot send someone who signs in to another website.

/** The path to return to, or null when the value is missing or points anywhere else. */
export function safeReturnPath(value) {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (/[\u0000-\u001f\\]/.test(value)) return null;
  try {
    const url = new URL(value, window.location.origin);
    const path = url.pathname + url.search + url.hash;
    // Checked again once dots are resolved: "/..//evil.example" is the path "//evil.example",
    // which a browser reads as another site.
    if (url.origin !== window.location.origin || path.startsWith('//') || path.startsWith('/\\')) return null;
    return path;
  } catch (e) {
    return null;
  }
}
