// Small DOM helpers. Text is always set as text, never as HTML, so data cannot inject markup.
import { locale, t } from './i18n.js';

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'text') el.textContent = value;
    else el.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function replaceChildren(parent, ...children) {
  parent.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
}

// Dates are written in the page's language: "3 March 2026", "3 Mawrth 2026".
function dateFormat() {
  return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'long', year: 'numeric' });
}

function dateTimeFormat() {
  return new Intl.DateTimeFormat(locale(), {
    weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit',
  });
}

/** "3 March 2026" from an ISO date. */
export function formatDate(iso) {
  if (!iso) return t('date.none');
  const [y, m, d] = iso.split('-').map(Number);
  return dateFormat().format(new Date(y, m - 1, d));
}

/** "Tuesday 3 March 2026 at 10:00" (or "Dydd Mawrth 3 Mawrth 2026 am 10:00") from an ISO instant. */
export function formatDateTime(iso) {
  return iso ? dateTimeFormat().format(new Date(iso)).replace(', ', ' ') : '';
}

/** "REVIEW_CHILD_PROTECTION" -> "Review child protection". */
export function humanise(constant) {
  if (!constant) return '';
  const words = constant.toLowerCase().split('_').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function param(name) {
  return new URLSearchParams(window.location.search).get(name);
}
