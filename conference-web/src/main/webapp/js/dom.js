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

// Dates are written in the page's language: "3 March 2026", "3 Mawrth 2026". Intl writes them
// where the browser knows the language; a browser without Welsh dates (some builds of Chromium)
// gets them from the catalogue's month and day names instead, never in another language.
function intlKnows() {
  return Intl.DateTimeFormat.supportedLocalesOf([locale()]).length > 0;
}

const names = (key) => t(key).split(',');
const twoDigits = (n) => String(n).padStart(2, '0');

function written(date, { weekday = false, year = true, time = false, short = false }) {
  if (intlKnows()) {
    const options = short ? { month: 'short', year: 'numeric' }
      : { weekday: weekday ? 'long' : undefined, day: 'numeric', month: 'long', year: year ? 'numeric' : undefined,
        hour: time ? 'numeric' : undefined, minute: time ? '2-digit' : undefined };
    return new Intl.DateTimeFormat(locale(), options).format(date).replace(', ', ' ').replace(',', '');
  }
  const month = names(short ? 'date.monthsShort' : 'date.months')[date.getMonth()];
  const day = short ? `${month} ${date.getFullYear()}`
    : [weekday ? names('date.weekdays')[date.getDay()] : null, date.getDate(), month, year ? date.getFullYear() : null]
      .filter((part) => part !== null).join(' ');
  return time ? t('date.at', { date: day, time: `${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}` }) : day;
}

/** "3 March 2026" from an ISO date. */
export function formatDate(iso) {
  if (!iso) return t('date.none');
  const [y, m, d] = iso.split('-').map(Number);
  return written(new Date(y, m - 1, d), {});
}

/** "Tuesday 3 March 2026 at 10:00" (or "Dydd Mawrth 3 Mawrth 2026 am 10:00") from an ISO instant. */
export function formatDateTime(iso) {
  return iso ? written(new Date(iso), { weekday: true, time: true }) : '';
}

/** "Tuesday 1 December" from an ISO date. */
export function formatDay(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return written(new Date(y, m - 1, d), { weekday: true, year: false });
}

/** "Mar 2026" from "2026-03". */
export function formatMonth(yearMonth) {
  const [y, m] = yearMonth.split('-').map(Number);
  return written(new Date(y, m - 1, 1, 12), { short: true });
}

/** "10:00" from an ISO instant. */
export function formatTime(iso) {
  const date = new Date(iso);
  return intlKnows() ? new Intl.DateTimeFormat(locale(), { hour: 'numeric', minute: '2-digit' }).format(date)
    : `${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}`;
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
