// A tiny DOM, enough for the pages to build themselves.
class Node {}
class Text extends Node { constructor(t) { super(); this.data = t; this.parent = null; } get textContent() { return this.data; } }
class Element extends Node {
  constructor(tag) { super(); this.tagName = tag.toUpperCase(); this.attrs = {}; this.children = []; this.listeners = {}; this.classList = { add: (c) => { this.className = `${this.className || ''} ${c}`.trim(); }, remove() {}, toggle() {}, contains: (c) => (this.className || '').split(' ').includes(c) }; this.style = {}; this.dataset = {}; this.hidden = false; }
  setAttribute(k, v) { this.attrs[k] = String(v); if (k === 'id') this.id = String(v); }
  getAttribute(k) { return this.attrs[k] ?? null; }
  removeAttribute(k) { delete this.attrs[k]; }
  addEventListener(e, f) { (this.listeners[e] ||= []).push(f); }
  append(...c) { for (const x of c) { const n = x instanceof Node ? x : new Text(String(x)); n.parent = this; this.children.push(n); } }
  appendChild(c) { this.append(c); return c; }
  replaceChildren(...c) { this.children = []; this.append(...c); }
  insertAdjacentElement(_, el) { this.parent?.children.push(el); }
  set textContent(t) { this.children = [new Text(t)]; }
  get textContent() { return this.children.map((c) => c.textContent).join(''); }
  get firstElementChild() { return this.children.find((c) => c instanceof Element) || null; }
  focus() {} scrollIntoView() {} closest() { return null; } compareDocumentPosition() { return 4; }
  hasAttribute(k) { return k in this.attrs; }
  get offsetHeight() { return 0; }
  get firstChild() { return this.children[0] || null; }
  remove() { if (this.parent) this.parent.children = this.parent.children.filter((c) => c !== this); }
  before(...nodes) { const at = this.parent.children.indexOf(this); const made = nodes.map((x) => (x instanceof Node ? x : new Text(String(x)))); made.forEach((n) => { n.parent = this.parent; }); this.parent.children.splice(at, 0, ...made); }
  replaceWith(node) { const at = this.parent.children.indexOf(this); node.parent = this.parent; this.parent.children[at] = node; }
  *all() { for (const c of this.children) if (c instanceof Element) { yield c; yield* c.all(); } }
  matches(sel) {
    if (sel.startsWith('#')) return this.id === sel.slice(1);
    if (sel.startsWith('.')) return (this.className || '').split(' ').includes(sel.slice(1));
    return this.tagName === sel.toUpperCase();
  }
  querySelector(sel) { for (const e of this.all()) if (e.matches(sel.split(' ').pop())) return e; return null; }
  querySelectorAll(sel) { return [...this.all()].filter((e) => e.matches(sel.split(' ').pop())); }
}
const store = () => { const m = new Map(); return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => m.set(k, String(v)), removeItem: (k) => m.delete(k), clear: () => m.clear(), key: () => null }; };
globalThis.DOMParser = class { parseFromString() { return { documentElement: new Element('svg') }; } };
export function install(url) {
  const body = new Element('body');
  const ids = {};
  for (const id of ['app-header', 'main-content', 'app-footer']) { const e = new Element('div'); e.setAttribute('id', id); body.append(e); ids[id] = e; }
  globalThis.Node = Node;
  globalThis.document = { body, documentElement: new Element('html'), title: '', cookie: '',
    createElement: (t) => new Element(t), createTextNode: (t) => new Text(t),
    importNode: () => document.createElement('svg'), getElementById: (id) => ids[id] || [...body.all()].find((e) => e.id === id) || null,
    querySelector: (s) => body.querySelector(s), querySelectorAll: (s) => body.querySelectorAll(s), activeElement: null };
  globalThis.window = { location: new URL(url), addEventListener() {} };
  window.location.assign = (u) => { globalThis.assigned = u; };
  window.location.replace = window.location.assign;
  globalThis.localStorage = store(); globalThis.sessionStorage = store();
  Object.defineProperty(globalThis, 'localStorage', { value: store(), configurable: true });
  Object.defineProperty(globalThis, 'sessionStorage', { value: store(), configurable: true });
  window.localStorage = globalThis.localStorage; window.sessionStorage = globalThis.sessionStorage;
  return ids;
}
