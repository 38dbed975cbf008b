// rodtrad web pages: building the DOM safely, and the small visual pieces every page uses.
//
// h() is the only way the pages make elements: text always goes in as text nodes, attributes
// through setAttribute, never through innerHTML, so whatever a document's author wrote shows as
// the text it is. Links from data go through safeHref().

import { t, getLang, stateLabel } from './i18n.js';

const PROPERTIES = new Set(['value', 'checked', 'selected', 'disabled', 'hidden', 'open', 'multiple', 'indeterminate']);
const SVG_NS = 'http://www.w3.org/2000/svg';

export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  setProps(el, props);
  append(el, children);
  return el;
}

function setProps(el, props) {
  if (!props) {
    return;
  }
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key === 'class') {
      el.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
    } else if (key === 'text') {
      el.textContent = String(value);
    } else if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (PROPERTIES.has(key)) {
      el[key] = value;
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) {
    el.firstChild.remove();
  }
  return el;
}

let idCounter = 0;
export function uid(prefix = 'id') {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

// A link to a document page of the app.
export function docHref(id) {
  return `#/documents/${encodeURIComponent(id)}`;
}

// Only http(s) and mailto links leave the app; anything else (javascript:, data:) is not a link.
export function safeHref(url) {
  const text = String(url ?? '').trim();
  return /^(https?:\/\/|mailto:)/i.test(text) ? text : null;
}

// Small icons as inline SVG (decorative: the words beside them carry the meaning).
const ICONS = {
  // a circle with a check mark: achieved, green
  ok: [['circle', { cx: 8, cy: 8, r: 7.5, class: 'fill' }], ['path', { d: 'M4.5 8.3l2.3 2.3 4.7-5', class: 'mark' }]],
  // a triangle with an exclamation mark: partly, yellow
  warn: [['path', { d: 'M8 .8l7.4 13.6H.6z', class: 'fill' }], ['path', { d: 'M8 5.2v4.6M8 11.6v.4', class: 'mark' }]],
  // a square with a cross: not achieved, red
  bad: [['rect', { x: 0.7, y: 0.7, width: 14.6, height: 14.6, rx: 1.5, class: 'fill' }], ['path', { d: 'M5 5l6 6M11 5l-6 6', class: 'mark' }]],
  // a dashed circle with a question mark: not assessable
  unknown: [['circle', { cx: 8, cy: 8, r: 6.8, class: 'ring' }], ['path', { d: 'M6.2 6.2a1.9 1.9 0 1 1 2.6 1.8c-.6.3-.8.7-.8 1.3M8 11.4v.4', class: 'mark dark' }]],
  // a clock with an exclamation: overdue
  overdue: [['circle', { cx: 8, cy: 8, r: 7.5, class: 'fill' }], ['path', { d: 'M8 3.6v5M8 11.2v.5', class: 'mark' }]],
  none: [['path', { d: 'M3 8h10', class: 'mark dark' }]],
  up: [['path', { d: 'M8 2.5l5 6H9.6v5H6.4v-5H3z', class: 'fill' }]],
  down: [['path', { d: 'M8 13.5l5-6H9.6v-5H6.4v5H3z', class: 'fill' }]],
  flat: [['path', { d: 'M13.5 8l-6-5v3.4h-5v3.2h5V13z', class: 'fill' }]],
  leaf: [['path', { d: 'M2.5 13.5C2.5 6 7 2.5 13.5 2.5 13.5 9 10 13.5 2.5 13.5zM2.5 13.5L9 7', class: 'outline' }]],
  download: [['path', { d: 'M8 1.5v8.5M4.5 6.8L8 10.3l3.5-3.5M2 12.5v2h12v-2', class: 'outline' }]],
  doc: [['path', { d: 'M3.5 1.5h6l3 3v10h-9z M9.5 1.5v3h3', class: 'outline' }]],
};

// A decorative SVG image (hidden from assistive technology) of `size` pixels square over a
// viewBox of `box`, drawn from [tag, attributes] parts.
export function svgImage(box, size, className, parts) {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${box} ${box}`);
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', className);
  for (const [tag, attrs] of parts) {
    const part = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs)) {
      part.setAttribute(k, String(v));
    }
    svg.append(part);
  }
  return svg;
}

export function icon(name, extraClass) {
  return svgImage(16, 16, `icon icon-${name}${extraClass ? ' ' + extraClass : ''}`,
    ICONS[name] ?? ICONS.none);
}

// The file picked in an upload form's file input, or null after telling the person what is
// wrong (nothing picked, too large) on the field and moving focus there.
export function pickedFile(input, field, messages) {
  const chosen = input.files?.[0];
  const problem = !chosen ? messages.none : chosen.size > 32 * 1024 * 1024 ? messages.tooBig : null;
  if (problem) {
    field.setError(problem);
    input.focus();
    return null;
  }
  return chosen;
}

// The icon shape of a status code (the rollup's green/yellow/red/not-assessable).
export function statusShape(status) {
  return { green: 'ok', yellow: 'warn', red: 'bad', 'not-assessable': 'unknown' }[status] ?? 'none';
}

// A status as shape and words, never by colour alone.
export function statusTag(status, text) {
  const shape = statusShape(status);
  return h('span', { class: `status status-${shape}` }, icon(shape), h('span', { class: 'status-text' }, text || t('statusNone')));
}

// A document's workflow state as a labelled badge.
export function stateBadge(state) {
  return h('span', { class: `badge state-${String(state).replace(/[^a-z_]/g, '')}` }, stateLabel(state));
}

// "Försenad" with its icon.
export function overdueTag(long) {
  return h('span', { class: 'overdue' }, icon('overdue'), h('span', null, long ? t('overdueLong') : t('overdue')));
}

// Numbers written for the language: "5,2" and "612 000" in Swedish.
export function formatNumber(value) {
  const text = String(value ?? '').trim();
  if (!/^-?\d+(\.\d+)?$/.test(text)) {
    return text;
  }
  const decimals = text.includes('.') ? text.split('.')[1].length : 0;
  const locale = getLang() === 'en' ? 'en-GB' : 'sv-SE';
  return new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(Number(text));
}

export function formatBytes(bytes) {
  const locale = getLang() === 'en' ? 'en-GB' : 'sv-SE';
  const mb = bytes / (1024 * 1024);
  return mb >= 1
    ? `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(mb)} MB`
    : `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024))} kB`;
}

// Microseconds since the epoch as local time, "2026-11-29 14:05" (sv-SE format).
export function formatMicros(micros) {
  const date = new Date(Number(micros) / 1000);
  if (Number.isNaN(date.getTime())) {
    return '';
  }
  return date.toLocaleString('sv-SE', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

export function isoFromMicros(micros) {
  const date = new Date(Number(micros) / 1000);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

export function todayIso() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

// "om 3 dagar" / "för 2 dagar sedan" for a YYYY-MM-DD date.
export function relativeDays(isoDate) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(String(isoDate ?? ''))) {
    return '';
  }
  const [y, m, d] = isoDate.split('-').map(Number);
  const then = Date.UTC(y, m - 1, d);
  const now = new Date();
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  const days = Math.round((then - today) / 86400000);
  if (days === 0) {
    return t('today');
  }
  return days > 0 ? t('daysLeft', { n: days }) : t('daysAgo', { n: -days });
}

// A <time> for a date with its relative words beside it.
export function dueDate(isoDate) {
  if (!isoDate) {
    return t('none');
  }
  const rel = relativeDays(isoDate);
  return h('span', { class: 'due' }, h('time', { datetime: isoDate }, isoDate), rel ? h('span', { class: 'muted' }, ` (${rel})`) : null);
}

// A table wrapped so that a wide table scrolls on its own on a narrow screen. While it overflows
// the wrapper is a focusable, named region so that keyboard users can scroll it too; otherwise it
// stays out of the tab order and the landmarks.
const overflowWatch = typeof ResizeObserver === 'function'
  ? new ResizeObserver((entries) => entries.forEach((e) => {
    const wrap = e.target.closest('.table-wrap');
    if (wrap) {
      markOverflow(wrap);
    }
  }))
  : null;

export function markOverflow(wrap) {
  const scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
  if (scrolls) {
    wrap.setAttribute('tabindex', '0');
    wrap.setAttribute('role', 'region');
    wrap.setAttribute('aria-label', wrap.dataset.label || '');
  } else {
    wrap.removeAttribute('tabindex');
    wrap.removeAttribute('role');
    wrap.removeAttribute('aria-label');
  }
}

export function tableWrap(table, label) {
  const wrap = h('div', { class: 'table-wrap', 'data-label': label }, table);
  overflowWatch?.observe(wrap);
  overflowWatch?.observe(table);
  return wrap;
}

// A table with a caption and column headers; rows are arrays of cells (Node, string or
// {th: true, content}).
export function dataTable({ caption, columns, rows, className, captionHidden }) {
  const table = h('table', { class: ['data', className] });
  table.append(h('caption', { class: captionHidden ? 'visually-hidden' : null }, caption));
  const headRow = h('tr');
  for (const col of columns) {
    const label = typeof col === 'string' ? col : col.label;
    headRow.append(h('th', { scope: 'col', class: typeof col === 'object' ? col.class : null }, label));
  }
  table.append(h('thead', null, headRow));
  const body = h('tbody');
  for (const row of rows) {
    if (row instanceof Node) {
      body.append(row);
      continue;
    }
    const tr = h('tr');
    row.forEach((cell, i) => {
      const col = columns[i];
      const cls = typeof col === 'object' ? col.class : null;
      if (cell && typeof cell === 'object' && !(cell instanceof Node) && !Array.isArray(cell) && 'content' in cell) {
        tr.append(h(cell.th ? 'th' : 'td', { scope: cell.th ? 'row' : null, class: [cls, cell.class] }, cell.content));
      } else {
        tr.append(h('td', { class: cls }, cell ?? t('none')));
      }
    });
    body.append(tr);
  }
  table.append(body);
  return tableWrap(table, caption);
}
