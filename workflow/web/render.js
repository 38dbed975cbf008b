// rodtrad web pages: a document's XML laid out for reading.
//
// renderDocument(xml, ctx) returns an element. Plans, follow-ups and the main EMS registers have
// layouts of their own (goals with indicator and activity tables, outcomes by year, aspects with
// their scores, obligations with their latest evaluation); everything else, and every part a
// layout does not know, goes through the generic renderer: an element with children is a section
// with a heading, its attributes and short children a definition list, running text paragraphs,
// and repeated simple records a table. Labels come from i18n.js with a readable fallback, so an
// unknown element still shows, and nothing a document contains is ever lost or run as markup.
//
// ctx: { unitName(id), docTitle(id) (a title when a document with that id exists),
//        indicator(id) → {name, measure, definedBy}, rollupIndicator(goalId, indicatorId),
//        rollupGoal(goalId), rollupPeriod → {year, text}, refTitle(id) (titles of goals and
//        activities in referenced plans), headingLevel (of the top sections, default 3) }

import { h, icon, statusTag, formatNumber, docHref, safeHref, tableWrap } from './dom.js';
import { t, elementLabel, attrLabel, valueLabel, humanize, getLang } from './i18n.js';

const PROSE = new Set(['p', 'list']);
const TITLE_CHILDREN = ['title', 'name', 'topic', 'what'];
const NUMERIC_ATTRS = new Set(['value', 'yellow', 'yellowMargin', 'revenues', 'costs', 'net', 'result', 'weight', 'minShare', 'minAssessable']);
const UNIT_ATTRS = new Set(['unit']);
const DOC_REF_PARENTS = new Set(['strategicPlan', 'plan', 'audit']);

const L = () => getLang();
const wrapTable = (table) => tableWrap(table, table.querySelector('caption')?.textContent ?? '');

// ---- reading the XML -----------------------------------------------------------------------

export function parseXml(text) {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) {
    throw new Error(norm(error.textContent).slice(0, 300));
  }
  return doc;
}

export const kids = (el) => (el ? Array.from(el.children) : []);
export const child = (el, name) => kids(el).find((c) => c.localName === name) ?? null;
export const childrenNamed = (el, name) => kids(el).filter((c) => c.localName === name);
export const norm = (s) => String(s ?? '').replace(/\s+/g, ' ').trim();
export const textOf = (el) => (el ? norm(el.textContent) : '');
const attr = (el, name) => (el && el.hasAttribute(name) ? el.getAttribute(name) : null);

const isLeaf = (el) => el.children.length === 0;
const isRich = (el) => el.children.length > 0 && kids(el).every((c) => PROSE.has(c.localName));
const isTextual = (el) => isLeaf(el) || isRich(el);
const isSimpleRecord = (el) => el.children.length > 0 && kids(el).every(isTextual);

// The header of a document: what the metadata box shows.
export function readHeader(doc) {
  const root = doc.documentElement;
  const header = child(root, 'header');
  const get = (name) => textOf(child(header, name)) || null;
  const approval = child(header, 'approval');
  return {
    kind: root.localName,
    id: get('id'),
    title: get('title'),
    unit: get('unit'),
    documentNumber: get('documentNumber'),
    owner: get('owner'),
    nextReview: get('nextReview'),
    approval: approval
      ? { by: attr(approval, 'by'), date: attr(approval, 'date'), reference: attr(approval, 'reference'), revision: attr(approval, 'revision') }
      : null,
    clauses: childrenNamed(header, 'clause').map((c) => ({ edition: attr(c, 'edition'), number: attr(c, 'number') })),
  };
}

// ---- small pieces --------------------------------------------------------------------------

function heading(level, ...content) {
  const n = Math.min(Math.max(level, 2), 6);
  return h(`h${n}`, { class: `doc-h doc-h${n}` }, ...content);
}

function langOf(el) {
  const lang = attr(el, 'lang');
  return lang && /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(lang) ? lang : null;
}

// The language of the document being rendered (its header says; Swedish when it does not), set
// on running text so that a screen reader reads a Swedish plan in Swedish on the English pages.
let docLang = 'sv';

// Running text: <p> and <list> children, or the element's own text.
export function prose(el) {
  if (!el) {
    return null;
  }
  if (isLeaf(el)) {
    const text = textOf(el);
    return text ? h('p', { lang: langOf(el) ?? docLang }, text) : null;
  }
  const out = [];
  for (const c of kids(el)) {
    if (c.localName === 'p') {
      out.push(h('p', { lang: langOf(c) }, textOf(c)));
    } else if (c.localName === 'list') {
      out.push(h('ul', { lang: langOf(c) }, childrenNamed(c, 'item').map((item) => h('li', { lang: langOf(item) }, textOf(item)))));
    } else if (isTextual(c)) {
      out.push(h('p', null, h('span', { class: 'inline-label' }, `${elementLabel(c.localName, el.localName).text}: `), textOf(c)));
    } else {
      out.push(genericSection(c, 5, el.localName));
    }
  }
  return h('div', { class: 'prose', lang: langOf(el) ?? docLang }, out);
}

// A reference to a document: a link when the document exists.
function docLink(id, ctx) {
  const title = ctx.docTitle?.(id);
  return title ? h('a', { href: docHref(id) }, title) : h('span', { class: 'ref' }, id);
}

function unitText(id, ctx) {
  const name = ctx.unitName?.(id);
  return name ? h('span', { title: id }, name) : h('span', { class: 'ref' }, id);
}

// An attribute's value in words: codes translated, numbers localised, units named, documents
// linked.
function attrValue(name, value, element, ctx) {
  if (value === null || value === undefined) {
    return null;
  }
  if (UNIT_ATTRS.has(name)) {
    return unitText(value, ctx);
  }
  if (name === 'url') {
    const href = safeHref(value);
    return href ? h('a', { href, rel: 'noopener noreferrer', target: '_blank' }, value) : value;
  }
  if (name === 'ref' || name === 'finding' || name === 'goal' || name === 'parent' || name === 'indicator' || name === 'activity' || name === 'councilGoal') {
    return refText(value, ctx);
  }
  const label = valueLabel(name, value, element);
  if (label) {
    return label;
  }
  if (NUMERIC_ATTRS.has(name)) {
    return formatNumber(value);
  }
  return value;
}

// An id of something inside the workspace: a document (linked), a unit, a goal, activity or
// indicator (named), or the id itself.
function refText(id, ctx) {
  if (ctx.docTitle?.(id)) {
    return docLink(id, ctx);
  }
  if (ctx.unitName?.(id)) {
    return unitText(id, ctx);
  }
  const indicator = ctx.indicator?.(id);
  if (indicator) {
    return h('span', null, h('span', { class: 'ref' }, id), ` ${indicator.name}`);
  }
  const title = ctx.refTitle?.(id) ?? ctx.localTitle?.(id);
  if (title) {
    return h('span', null, h('span', { class: 'ref' }, id), ` ${title}`);
  }
  return h('span', { class: 'ref' }, id);
}

// A leaf element's value: its text, with its attributes after it ("Camilla Norén (fastighetschef,
// Fastighetsenheten)"), or a reference.
function leafValue(el, ctx) {
  const name = el.localName;
  const text = textOf(el);
  const attrs = Array.from(el.attributes).filter((a) => a.name !== 'lang' && !a.name.startsWith('xmlns'));
  if (name === 'clause' && attr(el, 'number')) {
    return `ISO 14001:${attr(el, 'edition') ?? ''} ${attr(el, 'number')}`;
  }
  if (!text && attrs.length === 1 && (attrs[0].name === 'ref' || attrs[0].name === 'unit')) {
    if (DOC_REF_PARENTS.has(name) || attrs[0].name === 'ref') {
      return refText(attrs[0].value, ctx);
    }
    return unitText(attrs[0].value, ctx);
  }
  const parts = attrs.map((a) => [attrLabel(a.name), attrValue(a.name, a.value, name, ctx)]);
  // A key and a value ("criterion=omfattning value=5", "gender=K value=61") read as "Omfattning: 5".
  if (!text && attrs.length === 2 && attrs.some((a) => a.name === 'value')) {
    const key = attrs.find((a) => a.name !== 'value');
    const value = attrs.find((a) => a.name === 'value').value;
    const keyText = ctx.localTitle?.(key.value) ?? valueLabel(key.name, key.value, name) ?? key.value;
    return h('span', null, h('span', { class: 'inline-label' }, `${keyText}: `), formatNumber(value));
  }
  if (!text) {
    if (parts.length === 0) {
      return t('none');
    }
    return h('span', null, parts.map(([label, value], i) => [i ? ', ' : '', h('span', { class: 'inline-label' }, `${label}: `), value]));
  }
  const textNode = h('span', { lang: langOf(el) }, valueLabel(name, text, name) ?? (/^-?\d+(\.\d+)?$/.test(text) ? formatNumber(text) : text));
  if (parts.length === 0) {
    return textNode;
  }
  return h('span', null, textNode, h('span', { class: 'muted' }, ' (', parts.map(([, value], i) => [i ? ', ' : '', value]), ')'));
}

function cellValue(el, ctx) {
  return isLeaf(el) ? leafValue(el, ctx) : prose(el);
}

// The name a record goes by: "Miljöaspekt asp-energi: Användning av fjärrvärme och el".
function recordTitle(el, parentName) {
  const label = elementLabel(el.localName, parentName).text;
  const id = attr(el, 'id') ?? textOf(child(el, 'id'));
  let name = '';
  for (const n of TITLE_CHILDREN) {
    const c = child(el, n);
    if (c && textOf(c)) {
      name = textOf(c);
      break;
    }
  }
  if (!name && el.localName === 'aspect') {
    name = textOf(child(el, 'aspect'));
  }
  if (!name) {
    for (const n of ['kind', 'date', 'year', 'ref', 'criterion', 'level']) {
      const v = attr(el, n);
      if (v) {
        name = valueLabel(n, v, el.localName) ?? v;
        break;
      }
    }
  }
  return { label, id: id || '', name, titleChild: TITLE_CHILDREN.find((n) => child(el, n)) ?? null };
}

function titleContent(info) {
  return [info.label, info.id ? h('span', { class: 'ref' }, ` ${info.id}`) : null, info.name ? `: ${info.name}` : null];
}

// ---- the generic renderer ------------------------------------------------------------------

// Names of children of which some are textual and some are not (a measurement with a comment
// beside one without): they stay together as one group of records.
function mixedNames(el) {
  const textual = new Map();
  for (const c of kids(el)) {
    const t2 = isTextual(c);
    textual.set(c.localName, textual.has(c.localName) ? (textual.get(c.localName) === t2 ? t2 : 'mixed') : t2);
  }
  return new Set(Array.from(textual).filter(([, v]) => v === 'mixed').map(([k]) => k));
}

// Attributes and textual children as a definition list, in document order.
function fieldsList(el, ctx, { skipAttrs = [], skipChildren = [] } = {}) {
  const dl = h('dl', { class: 'fields' });
  for (const a of Array.from(el.attributes)) {
    if (a.name === 'id' || a.name === 'lang' || a.name.startsWith('xmlns') || skipAttrs.includes(a.name)) {
      continue;
    }
    dl.append(h('div', null, h('dt', null, attrLabel(a.name)), h('dd', null, attrValue(a.name, a.value, el.localName, ctx))));
  }
  const groups = new Map();
  const mixed = mixedNames(el);
  for (const c of kids(el)) {
    if (!isTextual(c) || mixed.has(c.localName) || skipChildren.includes(c.localName)) {
      continue;
    }
    if (!groups.has(c.localName)) {
      groups.set(c.localName, []);
    }
    groups.get(c.localName).push(c);
  }
  for (const [name, list] of groups) {
    const label = elementLabel(name, el.localName).text;
    if (list.every(isLeaf)) {
      const dd = h('dd');
      if (list.length === 1) {
        dd.append(leafValue(list[0], ctx));
      } else {
        dd.append(h('ul', { class: 'plain' }, list.map((c) => h('li', null, leafValue(c, ctx)))));
      }
      dl.append(h('div', null, h('dt', null, label), dd));
    } else {
      dl.append(h('div', { class: 'wide' }, h('dt', null, label), h('dd', null, list.map((c) => cellValue(c, ctx)))));
    }
  }
  return dl.children.length ? dl : null;
}

// Repeated simple records as a table: columns are the attributes and children they have.
function recordsTable(list, parentName, ctx, level) {
  const name = list[0].localName;
  const columns = [];
  const seen = new Set();
  for (const el of list) {
    for (const a of Array.from(el.attributes)) {
      if (!a.name.startsWith('xmlns') && a.name !== 'lang' && !seen.has('@' + a.name)) {
        seen.add('@' + a.name);
        columns.push({ key: '@' + a.name, label: attrLabel(a.name) });
      }
    }
    for (const c of kids(el)) {
      if (!seen.has(c.localName)) {
        seen.add(c.localName);
        columns.push({ key: c.localName, label: elementLabel(c.localName, name).text });
      }
    }
  }
  const caption = `${elementLabel(name, parentName).text} (${list.length})`;
  const table = h('table', { class: 'data records' });
  table.append(h('caption', null, caption));
  table.append(h('thead', null, h('tr', null, columns.map((c) => h('th', { scope: 'col' }, c.label)))));
  const body = h('tbody');
  for (const el of list) {
    const tr = h('tr');
    columns.forEach((col, i) => {
      let content;
      if (col.key.startsWith('@')) {
        const a = col.key.slice(1);
        content = el.hasAttribute(a) ? attrValue(a, el.getAttribute(a), name, ctx) : t('none');
      } else {
        const cs = childrenNamed(el, col.key);
        content = cs.length === 0 ? t('none') : cs.length === 1 ? cellValue(cs[0], ctx) : h('ul', { class: 'plain' }, cs.map((c) => h('li', null, cellValue(c, ctx))));
      }
      tr.append(i === 0 ? h('th', { scope: 'row' }, content) : h('td', null, content));
    });
    body.append(tr);
  }
  table.append(body);
  return wrapTable(table);
}

function recordTextLength(el) {
  return textOf(el).length;
}

// The children of an element that are not fields: groups of records, each as a table (short
// simple records) or as sections (collapsible when there are many).
function recordGroups(el, level, ctx, { skipChildren = [] } = {}) {
  const out = [];
  const groups = new Map();
  const mixed = mixedNames(el);
  for (const c of kids(el)) {
    if ((isTextual(c) && !mixed.has(c.localName)) || skipChildren.includes(c.localName)) {
      continue;
    }
    if (!groups.has(c.localName)) {
      groups.set(c.localName, []);
    }
    groups.get(c.localName).push(c);
  }
  for (const [, list] of groups) {
    out.push(recordGroup(list, el.localName, level, ctx));
  }
  return out;
}

export function recordGroup(list, parentName, level, ctx) {
  const columns = new Set();
  list.forEach((el) => {
    Array.from(el.attributes).forEach((a) => columns.add('@' + a.name));
    kids(el).forEach((c) => columns.add(c.localName));
  });
  const simple = list.every((el) => isLeaf(el) || isSimpleRecord(el));
  const short = list.every((el) => recordTextLength(el) < 320);
  if (simple && short && columns.size <= 7 && (list.length > 1 || columns.size <= 3)) {
    return recordsTable(list, parentName, ctx, level);
  }
  if (list.length >= 4) {
    return h('div', { class: 'record-list' }, list.map((el) => genericDetails(el, level, parentName, ctx)));
  }
  return h('div', { class: 'record-list' }, list.map((el) => genericSection(el, level, parentName, ctx)));
}

export function genericSection(el, level, parentName, ctx = {}) {
  const info = recordTitle(el, parentName);
  return h('section', { class: 'record' }, heading(level, titleContent(info)), genericBody(el, level, ctx, info));
}

// A few short attribute values to scan a collapsed record by: "2025-02-11 · Klagomål · Extern".
function recordFacts(el, ctx) {
  const facts = [];
  for (const a of Array.from(el.attributes)) {
    if (a.name === 'id' || a.name === 'lang' || a.name.startsWith('xmlns') || facts.length >= 4) {
      continue;
    }
    const words = UNIT_ATTRS.has(a.name) ? ctx.unitName?.(a.value) ?? a.value : valueLabel(a.name, a.value, el.localName) ?? a.value;
    if (String(words).length <= 40) {
      facts.push(`${a.name === 'significant' ? attrLabel(a.name) + ': ' : ''}${words}`);
    }
  }
  return facts.join(' · ');
}

function genericDetails(el, level, parentName, ctx) {
  const info = recordTitle(el, parentName);
  const details = h('details', { class: 'record' });
  const facts = recordFacts(el, ctx);
  details.append(h('summary', null, heading(level, titleContent(info)), facts ? h('span', { class: 'record-facts' }, facts) : null));
  details.append(h('div', { class: 'record-body' }, genericBody(el, level, ctx, info)));
  return details;
}

// Text directly inside an element that also has element children (the schemas do not allow it,
// but nothing a document holds is dropped).
function ownText(el) {
  const text = Array.from(el.childNodes).filter((n) => n.nodeType === 3 || n.nodeType === 4).map((n) => n.nodeValue).join(' ');
  const words = norm(text);
  return words ? h('p', { class: 'own-text' }, words) : null;
}

function genericBody(el, level, ctx, info) {
  const skipChildren = info?.titleChild && childrenNamed(el, info.titleChild).length === 1 ? [info.titleChild] : [];
  if (el.localName === 'aspect' && child(el, 'aspect') && !info?.titleChild) {
    skipChildren.push('aspect');
  }
  return [el.children.length ? ownText(el) : null, fieldsList(el, ctx, { skipChildren }), recordGroups(el, level + 1, ctx)];
}

// ---- plans: goals, indicators, activities ------------------------------------------------------

function targetsOf(indicator) {
  const map = new Map();
  for (const target of childrenNamed(indicator, 'target')) {
    map.set(attr(target, 'year'), { value: attr(target, 'value'), yellow: attr(target, 'yellow') });
  }
  return map;
}

function indicatorYears(container) {
  const years = new Set();
  container.querySelectorAll('*').forEach((el) => {
    if (el.localName === 'target' && el.parentElement?.localName === 'indicator' && attr(el, 'year')) {
      years.add(attr(el, 'year'));
    }
  });
  return Array.from(years).sort();
}

function indicatorMeta(indicator, ctx) {
  const bits = [];
  const direction = attr(indicator, 'direction');
  if (direction) {
    bits.push(valueLabel('direction', direction) ?? direction);
  }
  const consolidation = child(indicator, 'consolidation');
  if (consolidation && attr(consolidation, 'formula')) {
    bits.push(t('rConsolidatedAs', { formula: (valueLabel('formula', attr(consolidation, 'formula')) ?? attr(consolidation, 'formula')).toLowerCase() }));
  }
  if (attr(indicator, 'kolada')) {
    bits.push(`Kolada ${attr(indicator, 'kolada')}`);
  }
  if (attr(indicator, 'genderSplit') === 'true') {
    bits.push(t('rSplitByGender'));
  }
  return bits.join(' · ');
}

function outcomeCell(node) {
  if (!node) {
    return t('none');
  }
  return h('span', { class: 'outcome' }, h('span', { class: 'num' }, node.outcomeText ?? t('noOutcome')), ' ', statusTag(node.status, node.statusText));
}

// The indicators of a goal (its own and those it inherits) as one table.
function indicatorsTable(goal, years, ctx, goalId) {
  const own = childrenNamed(goal, 'indicator');
  const refs = childrenNamed(goal, 'indicatorRef');
  if (own.length === 0 && refs.length === 0) {
    return null;
  }
  const period = ctx.rollupPeriod?.();
  const showOutcome = Boolean(period && ctx.rollupIndicator);
  const columns = [
    t('colIndicator'),
    elementLabel('measure').text,
    elementLabel('baseline').text,
    ...years.map((y) => t('colTarget', { year: y })),
  ];
  if (showOutcome) {
    columns.push(t('colOutcome', { year: period.year }));
  }
  const rows = [];
  for (const ind of own) {
    const id = attr(ind, 'id') ?? '';
    const targets = targetsOf(ind);
    const baseline = child(ind, 'baseline');
    const nameCell = h('th', { scope: 'row' },
      h('span', { class: 'ref' }, id), ' ', textOf(child(ind, 'name')),
      h('span', { class: 'cell-meta' }, indicatorMeta(ind, ctx)),
      child(ind, 'description') ? h('span', { class: 'cell-meta' }, textOf(child(ind, 'description'))) : null);
    const cells = [
      nameCell,
      h('td', null, textOf(child(ind, 'measure')) || t('none')),
      h('td', { class: 'num' }, baseline ? `${formatNumber(attr(baseline, 'value'))} (${attr(baseline, 'year') ?? ''})` : t('none')),
      ...years.map((y) => {
        const target = targets.get(y);
        return h('td', { class: 'num' }, target ? [formatNumber(target.value), target.yellow ? h('span', { class: 'cell-meta' }, t('rYellowFrom', { value: formatNumber(target.yellow) })) : null] : t('none'));
      }),
    ];
    if (showOutcome) {
      cells.push(h('td', null, outcomeCell(ctx.rollupIndicator(goalId, id))));
    }
    rows.push(h('tr', null, cells));
  }
  for (const ref of refs) {
    const id = attr(ref, 'ref') ?? '';
    const info = ctx.indicator?.(id);
    const rolled = ctx.rollupIndicator?.(goalId, id);
    const cells = [
      h('th', { scope: 'row' }, h('span', { class: 'ref' }, id), ' ', info?.name ?? '',
        h('span', { class: 'cell-meta' }, t('inheritedFrom', { id: info?.definedBy ?? id.replace(/-NT\d+$/, '') }))),
      h('td', null, info?.measure || t('none')),
      h('td', { class: 'num' }, t('none')),
      ...years.map((y) => h('td', { class: 'num' }, rolled && String(rolled.year) === y && rolled.targetText ? rolled.targetText : t('none'))),
    ];
    if (showOutcome) {
      cells.push(h('td', null, outcomeCell(rolled)));
    }
    rows.push(h('tr', null, cells));
  }
  const caption = t('indicatorsCaption', { id: goalId });
  const table = h('table', { class: 'data indicators' },
    h('caption', null, caption),
    h('thead', null, h('tr', null, columns.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', null, rows));
  const note = showOutcome
    ? h('p', { class: 'table-note' }, t('rOutcomeNote', { period: period.text.toLowerCase(), year: period.year }))
    : null;
  return [wrapTable(table), note];
}

function activitiesTable(goal, ctx, goalId) {
  const activities = childrenNamed(goal, 'activity');
  if (activities.length === 0) {
    return null;
  }
  const table = h('table', { class: 'data' },
    h('caption', null, t('activitiesCaption', { id: goalId })),
    h('thead', null, h('tr', null, [t('colActivity'), t('colOwner'), elementLabel('due').text, t('colStatus')].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', null, activities.map((a) => h('tr', null,
      h('th', { scope: 'row' }, h('span', { class: 'ref' }, attr(a, 'id') ?? ''), ' ', textOf(child(a, 'title')),
        child(a, 'description') ? h('span', { class: 'cell-meta' }, textOf(child(a, 'description'))) : null),
      h('td', null, textOf(child(a, 'owner')) || t('none')),
      h('td', null, attr(a, 'due') ?? t('none')),
      h('td', null, valueLabel('status', attr(a, 'status') ?? '') ?? attr(a, 'status') ?? t('none'))))));
  return wrapTable(table);
}

const GOAL_HANDLED = ['title', 'description', 'indicator', 'indicatorRef', 'activity'];

function goalArticle(goal, level, years, ctx) {
  const id = attr(goal, 'id') ?? '';
  const isCouncil = goal.localName === 'councilGoal';
  const kindWord = isCouncil ? t('councilGoal') : t('goal');
  const tags = [];
  if (attr(goal, 'environmental') === 'true') {
    tags.push(h('span', { class: 'tag tag-env' }, icon('leaf'), t('environmentalGoal')));
  }
  if (attr(goal, 'parent')) {
    const parentTitle = ctx.refTitle?.(attr(goal, 'parent'));
    tags.push(h('span', { class: 'tag' }, t('rBreaksDown', { id: attr(goal, 'parent') }) + (parentTitle ? ` – ${parentTitle}` : '')));
  }
  if (attr(goal, 'rule')) {
    tags.push(h('span', { class: 'tag' }, `${attrLabel('rule')}: ${valueLabel('rule', attr(goal, 'rule')) ?? attr(goal, 'rule')}`));
  }
  const rolled = ctx.rollupGoal?.(id);
  const period = ctx.rollupPeriod?.();
  const assessment = rolled && period
    ? h('p', { class: 'assessment' }, h('span', { class: 'inline-label' }, `${elementLabel('assessment').text}, ${period.text.toLowerCase()} ${period.year}: `), statusTag(rolled.status, rolled.statusText))
    : null;
  const others = kids(goal).filter((c) => !GOAL_HANDLED.includes(c.localName));
  const articleLevel = Math.min(level, 6);
  return h('article', { class: ['goal', isCouncil ? 'goal-council' : null] },
    heading(articleLevel, h('span', { class: 'goal-kind' }, `${kindWord} `), h('span', { class: 'ref' }, id), ' ', textOf(child(goal, 'title'))),
    tags.length ? h('p', { class: 'tags' }, tags) : null,
    assessment,
    prose(child(goal, 'description')),
    indicatorsTable(goal, years, ctx, id),
    activitiesTable(goal, ctx, id),
    others.map((o) => (isTextual(o) ? h('div', { class: 'prose-block' }, heading(articleLevel + 1, elementLabel(o.localName, goal.localName).text), prose(o)) : genericSection(o, articleLevel + 1, goal.localName, ctx))));
}

function risksTable(risks, ctx) {
  const table = h('table', { class: 'data' },
    h('caption', null, t('rRisks')),
    h('thead', null, h('tr', null, [elementLabel('risk').text, attrLabel('goal'), attrLabel('likelihood'), attrLabel('consequence'), t('rRiskScore'), elementLabel('mitigation').text].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', null, risks.map((r) => {
      const l = Number(attr(r, 'likelihood'));
      const c = Number(attr(r, 'consequence'));
      return h('tr', null,
        h('th', { scope: 'row' }, h('span', { class: 'ref' }, attr(r, 'id') ?? ''), ' ', textOf(child(r, 'description'))),
        h('td', null, attr(r, 'goal') ? refText(attr(r, 'goal'), ctx) : t('none')),
        h('td', { class: 'num' }, attr(r, 'likelihood') ?? t('none')),
        h('td', { class: 'num' }, attr(r, 'consequence') ?? t('none')),
        h('td', { class: 'num' }, Number.isFinite(l * c) && l && c ? String(l * c) : t('none')),
        h('td', null, textOf(child(r, 'mitigation')) || t('none')));
    })));
  return wrapTable(table);
}

function budgetSection(budget, level, ctx) {
  const measure = attr(budget, 'measure');
  const parts = [];
  const years = childrenNamed(budget, 'year');
  const frames = childrenNamed(budget, 'frame');
  const money = (v) => (v === null ? t('none') : formatNumber(v));
  if (years.length) {
    parts.push(wrapTable(h('table', { class: 'data' },
      h('caption', null, t('rBudgetByYear') + (measure ? ` (${measure})` : '')),
      h('thead', null, h('tr', null, [attrLabel('year'), attrLabel('revenues'), attrLabel('costs'), attrLabel('result')].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', null, years.map((y) => h('tr', null, h('th', { scope: 'row' }, attr(y, 'year') ?? ''), h('td', { class: 'num' }, money(attr(y, 'revenues'))), h('td', { class: 'num' }, money(attr(y, 'costs'))), h('td', { class: 'num' }, money(attr(y, 'result')))))))));
  }
  if (frames.length) {
    const hasUnit = frames.some((f) => f.hasAttribute('unit'));
    const cols = [hasUnit ? attrLabel('unit') : null, attrLabel('year'), attrLabel('revenues'), attrLabel('costs'), attrLabel('net')].filter(Boolean);
    parts.push(wrapTable(h('table', { class: 'data' },
      h('caption', null, t('rFrames') + (measure ? ` (${measure})` : '')),
      h('thead', null, h('tr', null, cols.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', null, frames.map((f) => h('tr', null,
        hasUnit ? h('th', { scope: 'row' }, unitText(attr(f, 'unit') ?? '', ctx)) : null,
        hasUnit ? h('td', null, attr(f, 'year') ?? '') : h('th', { scope: 'row' }, attr(f, 'year') ?? ''),
        h('td', { class: 'num' }, money(attr(f, 'revenues'))), h('td', { class: 'num' }, money(attr(f, 'costs'))), h('td', { class: 'num' }, money(attr(f, 'net')))))))));
  }
  const rest = kids(budget).filter((c) => c.localName !== 'year' && c.localName !== 'frame');
  for (const r of rest) {
    parts.push(isTextual(r) ? prose(r) : genericSection(r, level + 1, 'budget', ctx));
  }
  return parts;
}

function assessmentSection(assessment, level, ctx) {
  const scale = child(assessment, 'scale');
  const parts = [];
  if (scale) {
    const levels = kids(scale);
    const labelOf = (lvl) => {
      const labels = childrenNamed(lvl, 'label');
      const mine = labels.find((l) => attr(l, 'lang') === L()) ?? labels[0];
      return mine ? textOf(mine) : attr(lvl, 'id');
    };
    parts.push(h('p', null, h('span', { class: 'inline-label' }, `${elementLabel('scale').text}: `), levels.map(labelOf).join(' · ')));
  }
  const rules = childrenNamed(assessment, 'rule');
  if (rules.length) {
    parts.push(recordGroup(rules, 'assessment', level + 1, ctx));
  }
  return parts;
}

function sectionOf(level, title, ...content) {
  return h('section', { class: 'doc-section' }, heading(level, title), ...content);
}

function renderPlan(root, ctx, level) {
  const out = [];
  const years = indicatorYears(root);
  const lead = [];
  const year = child(root, 'year');
  const period = child(root, 'period');
  if (year) {
    lead.push(`${attrLabel('year')} ${textOf(year)}`);
  }
  if (period && attr(period, 'from')) {
    lead.push(`${elementLabel('period').text} ${attr(period, 'from')}–${attr(period, 'to') ?? ''}`);
  }
  const sp = child(root, 'strategicPlan');
  const leadP = h('p', { class: 'lead' }, lead.join(' · '));
  if (sp && attr(sp, 'ref')) {
    leadP.append(lead.length ? ' · ' : '', `${t('rBasedOn')} `, docLink(attr(sp, 'ref'), ctx));
  }
  if (leadP.textContent) {
    out.push(leadP);
  }
  const handled = new Set(['header', 'year', 'period', 'strategicPlan', 'goal', 'perspective', 'risk']);
  let goalsDone = false;
  let risksDone = false;
  for (const c of kids(root)) {
    const name = c.localName;
    if (name === 'goal' && !goalsDone) {
      goalsDone = true;
      const goals = childrenNamed(root, 'goal');
      out.push(sectionOf(level, t('rGoalsAndIndicators'), goals.map((g) => goalArticle(g, level + 1, years, ctx))));
    } else if (name === 'perspective') {
      const id = attr(c, 'id') ?? '';
      out.push(h('section', { class: 'doc-section perspective' },
        heading(level, h('span', { class: 'goal-kind' }, `${t('perspective')} `), textOf(child(c, 'name')) || id),
        prose(child(c, 'description')),
        childrenNamed(c, 'councilGoal').map((g) => goalArticle(g, level + 1, years, ctx)),
        kids(c).filter((k) => !['name', 'description', 'councilGoal'].includes(k.localName)).map((k) => genericSection(k, level + 1, 'perspective', ctx))));
    } else if (name === 'risk' && !risksDone) {
      risksDone = true;
      out.push(sectionOf(level, t('rRisks'), risksTable(childrenNamed(root, 'risk'), ctx)));
    } else if (name === 'budget') {
      out.push(sectionOf(level, elementLabel('budget').text, budgetSection(c, level, ctx)));
    } else if (name === 'assessment') {
      out.push(sectionOf(level, t('rAssessmentOfFulfilment'), assessmentSection(c, level, ctx)));
    } else if (!handled.has(name)) {
      out.push(isTextual(c) ? sectionOf(level, elementLabel(name, root.localName).text, prose(c)) : genericSection(c, level, root.localName, ctx));
    }
  }
  return out;
}

// ---- follow-ups ----------------------------------------------------------------------------

function renderFollowUp(root, ctx, level) {
  const out = [];
  const period = child(root, 'period');
  const plan = child(root, 'plan');
  const lead = h('p', { class: 'lead' });
  if (period) {
    lead.append(`${valueLabel('kind', attr(period, 'kind') ?? '') ?? attr(period, 'kind') ?? ''} ${attr(period, 'year') ?? ''}`);
  }
  if (plan && attr(plan, 'ref')) {
    lead.append(lead.textContent ? ' · ' : '', `${t('rFollowsUp')} `, docLink(attr(plan, 'ref'), ctx));
  }
  if (lead.textContent) {
    out.push(lead);
  }
  const weights = childrenNamed(root, 'weight');
  if (weights.length) {
    out.push(recordGroup(weights, root.localName, level, ctx));
  }

  const outcomes = childrenNamed(root, 'outcome');
  if (outcomes.length) {
    const byIndicator = new Map();
    const yearSet = new Set();
    for (const o of outcomes) {
      const ind = attr(o, 'indicator') ?? '?';
      if (!byIndicator.has(ind)) {
        byIndicator.set(ind, new Map());
      }
      byIndicator.get(ind).set(attr(o, 'year'), o);
      yearSet.add(attr(o, 'year'));
    }
    const years = Array.from(yearSet).sort();
    const rows = [];
    for (const [ind, values] of byIndicator) {
      const info = ctx.indicator?.(ind);
      const comments = [];
      const sources = new Set(Array.from(values.values()).map((o) => attr(o, 'source') ?? ''));
      const oneSource = sources.size === 1 ? Array.from(sources)[0] : null;
      const cells = years.map((y) => {
        const o = values.get(y);
        if (!o) {
          return h('td', { class: 'num' }, t('none'));
        }
        const value = attr(o, 'value');
        const splits = childrenNamed(o, 'split');
        const comment = textOf(child(o, 'comment'));
        if (comment) {
          comments.push(h('li', null, h('span', { class: 'inline-label' }, `${y}: `), comment));
        }
        const status = attr(o, 'status');
        return h('td', { class: 'num' },
          value !== null ? formatNumber(value) : h('span', { class: 'missing' }, valueLabel('status', status ?? 'Missing') ?? status ?? (t('rMissing'))),
          splits.length ? h('span', { class: 'cell-meta' }, splits.map((s) => `${attr(s, 'gender')} ${formatNumber(attr(s, 'value'))}`).join(', ')) : null,
          attr(o, 'source') && oneSource === null ? h('span', { class: 'cell-meta' }, valueLabel('source', attr(o, 'source')) ?? attr(o, 'source')) : null);
      });
      rows.push(h('tr', null,
        h('th', { scope: 'row' }, h('span', { class: 'ref' }, ind), info ? ` ${info.name}` : '',
          h('span', { class: 'cell-meta' }, [info?.measure, oneSource ? `${attrLabel('source').toLowerCase()}: ${(valueLabel('source', oneSource) ?? oneSource).toLowerCase()}` : null].filter(Boolean).join(' · '))),
        cells,
        h('td', null, comments.length ? h('ul', { class: 'plain' }, comments) : t('none'))));
    }
    const table = h('table', { class: 'data outcomes' },
      h('caption', null, t('rOutcomesCaption')),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('colIndicator')), years.map((y) => h('th', { scope: 'col', class: 'num' }, y)), h('th', { scope: 'col' }, elementLabel('comment').text))),
      h('tbody', null, rows));
    out.push(sectionOf(level, t('rOutcomes'), wrapTable(table)));
  }

  const reports = childrenNamed(root, 'activityReport');
  if (reports.length) {
    const table = h('table', { class: 'data' },
      h('caption', null, t('rActivityStatus')),
      h('thead', null, h('tr', null, [t('colActivity'), t('colStatus'), elementLabel('comment').text].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', null, reports.map((r) => h('tr', null,
        h('th', { scope: 'row' }, refText(attr(r, 'activity') ?? '', ctx)),
        h('td', null, valueLabel('status', attr(r, 'status') ?? '') ?? attr(r, 'status') ?? t('none')),
        h('td', null, child(r, 'comment') ? cellValue(child(r, 'comment'), ctx) : t('none'))))));
    out.push(sectionOf(level, t('activitiesTitle'), wrapTable(table)));
  }

  const assessments = childrenNamed(root, 'goalAssessment');
  if (assessments.length) {
    out.push(sectionOf(level, t('rAssessmentOfFulfilment'),
      assessments.map((a) => h('article', { class: 'goal' },
        heading(level + 1, refText(attr(a, 'goal') ?? '', ctx)),
        h('p', null, h('span', { class: 'inline-label' }, `${elementLabel('assessment').text}: `), valueLabel('level', attr(a, 'level') ?? '') ?? attr(a, 'level') ?? '',
          attr(a, 'by') ? h('span', { class: 'muted' }, ` (${attrLabel('by').toLowerCase()} ${attr(a, 'by')})`) : null),
        prose(child(a, 'justification'))))));
  }

  const analyses = childrenNamed(root, 'analysis');
  if (analyses.length) {
    out.push(sectionOf(level, elementLabel('analysis').text,
      analyses.map((a) => (attr(a, 'goal')
        ? h('div', { class: 'prose-block' }, heading(level + 1, refText(attr(a, 'goal'), ctx)), prose(a))
        : h('div', { class: 'prose-block' }, prose(a))))));
  }

  const handled = new Set(['header', 'period', 'plan', 'weight', 'outcome', 'activityReport', 'goalAssessment', 'analysis']);
  for (const c of kids(root)) {
    if (!handled.has(c.localName)) {
      out.push(isTextual(c) ? sectionOf(level, elementLabel(c.localName, root.localName).text, prose(c)) : genericSection(c, level, root.localName, ctx));
    }
  }
  return out;
}

// ---- EMS registers with overviews of their own -----------------------------------------------

function renderAspects(root, ctx, level) {
  const out = [];
  const method = child(root, 'scoringMethod');
  const criteria = method ? childrenNamed(method, 'criterion') : [];
  const combine = method ? textOf(child(method, 'combine')) || 'sum' : 'sum';
  const threshold = method ? textOf(child(method, 'significanceThreshold')) : '';
  if (method) {
    const facts = [];
    facts.push(`${elementLabel('combine').text}: ${valueLabel('combine', combine) ?? combine}`);
    if (threshold) {
      facts.push(t('rSignificantFrom', { n: threshold }));
    }
    const gate = textOf(child(method, 'legalGate'));
    if (gate) {
      facts.push(`${elementLabel('legalGate').text.toLowerCase()}: ${valueLabel('legalGate', gate) ?? gate}`);
    }
    out.push(sectionOf(level, `${elementLabel('scoringMethod').text}${attr(method, 'version') ? ` (version ${attr(method, 'version')})` : ''}`,
      h('p', null, facts.join(' · ')),
      criteria.length ? wrapTable(h('table', { class: 'data' },
        h('caption', null, t('rCriteria')),
        h('thead', null, h('tr', null, [elementLabel('criterion').text, t('rScale'), attrLabel('weight'), elementLabel('description').text].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', null, criteria.map((c) => h('tr', null,
          h('th', { scope: 'row' }, textOf(child(c, 'name')) || attr(c, 'id')),
          h('td', { class: 'num' }, `${attr(c, 'min') ?? ''}–${attr(c, 'max') ?? ''}`),
          h('td', { class: 'num' }, attr(c, 'weight') ?? '1'),
          h('td', null, prose(child(c, 'description')) ?? t('none'))))))) : null));
  }
  const aspects = childrenNamed(root, 'aspect');
  if (aspects.length) {
    const critIds = criteria.map((c) => attr(c, 'id'));
    const weights = new Map(criteria.map((c) => [attr(c, 'id'), Number(attr(c, 'weight') ?? 1)]));
    const rows = aspects.map((a) => {
      const scores = new Map(childrenNamed(a, 'score').map((s) => [attr(s, 'criterion'), Number(attr(s, 'value'))]));
      let total = combine === 'product' ? 1 : 0;
      let complete = true;
      for (const id of critIds) {
        const v = scores.get(id);
        if (!Number.isFinite(v)) {
          complete = false;
          continue;
        }
        total = combine === 'product' ? total * v : total + v * (weights.get(id) || 1);
      }
      const significant = attr(a, 'significant') === 'true';
      return h('tr', null,
        h('th', { scope: 'row' }, h('span', { class: 'ref' }, attr(a, 'id') ?? ''), ' ', textOf(child(a, 'aspect')),
          h('span', { class: 'cell-meta' }, textOf(child(a, 'activity'))),
          h('span', { class: 'cell-meta' }, [attr(a, 'unit') ? ctx.unitName?.(attr(a, 'unit')) ?? attr(a, 'unit') : null,
            ...[attr(a, 'condition'), attr(a, 'control')].filter(Boolean).map((v) => valueLabel('', v) ?? v)].filter(Boolean).join(' · '))),
        critIds.map((id) => h('td', { class: 'num' }, scores.has(id) ? String(scores.get(id)) : t('none'))),
        h('td', { class: 'num strong' }, critIds.length && complete ? String(total) : t('none')),
        h('td', null, significant
          ? h('span', { class: 'status status-bad' }, icon('warn'), h('span', { class: 'status-text' }, t('yes')))
          : h('span', { class: 'status' }, h('span', { class: 'status-text' }, t('no')))));
    });
    const table = h('table', { class: 'data aspects' },
      h('caption', null, t('rAspectsCaption')),
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, elementLabel('aspect').text, h('span', { class: 'cell-meta' }, t('rAspectColumnHint'))),
        criteria.map((c) => h('th', { scope: 'col', class: 'num' }, textOf(child(c, 'name')) || attr(c, 'id'))),
        h('th', { scope: 'col', class: 'num' }, valueLabel('combine', combine) ?? (t('rTotal'))),
        h('th', { scope: 'col' }, attrLabel('significant')))),
      h('tbody', null, rows));
    out.push(sectionOf(level, t('rAspects'),
      wrapTable(table),
      heading(level + 1, t('rAspectsDetail')),
      h('div', { class: 'record-list' }, aspects.map((a) => genericDetails(a, level + 2, root.localName, ctx)))));
  }
  for (const c of kids(root)) {
    if (!['header', 'scoringMethod', 'aspect'].includes(c.localName)) {
      out.push(isTextual(c) ? sectionOf(level, elementLabel(c.localName, root.localName).text, prose(c)) : genericSection(c, level, root.localName, ctx));
    }
  }
  return out;
}

function resultShape(result) {
  return { compliant: 'green', partly: 'yellow', noncompliant: 'red' }[result] ?? 'not-assessable';
}

// The date the next evaluation is due (the latest plus the interval), marked when it has passed.
function nextEvaluation(latest, months) {
  const date = latest ? attr(latest, 'date') : null;
  const n = Number(months);
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !Number.isFinite(n) || n <= 0) {
    return months ? t('rMonths', { n: months }) : t('none');
  }
  const [y, m, d] = date.split('-').map(Number);
  const due = new Date(Date.UTC(y, m - 1 + n, d)).toISOString().slice(0, 10);
  const late = due < new Date().toISOString().slice(0, 10);
  return [h('span', { class: 'date' }, due), late ? h('span', { class: 'cell-meta overdue' }, icon('overdue'), h('span', null, t('overdue'))) : null,
    h('span', { class: 'cell-meta' }, t('rInterval', { n }))];
}

function renderObligations(root, ctx, level) {
  const out = [];
  const obligations = childrenNamed(root, 'obligation');
  if (obligations.length) {
    const rows = obligations.map((o) => {
      const evaluations = childrenNamed(o, 'evaluation').slice().sort((a, b) => String(attr(a, 'date')).localeCompare(String(attr(b, 'date'))));
      const latest = evaluations[evaluations.length - 1];
      const result = latest ? attr(latest, 'result') : null;
      return h('tr', null,
        h('th', { scope: 'row' }, h('span', { class: 'ref' }, attr(o, 'id') ?? ''), ' ', textOf(child(o, 'title'))),
        h('td', null, valueLabel('kind', attr(o, 'kind') ?? '') ?? attr(o, 'kind') ?? t('none')),
        h('td', null, childrenNamed(o, 'appliesTo').map((a, i) => [i ? ', ' : '', unitText(attr(a, 'unit') ?? '', ctx)])),
        h('td', null, latest ? attr(latest, 'date') : t('none')),
        h('td', null, latest ? statusTag(resultShape(result), valueLabel('result', result ?? '') ?? result) : statusTag('not-assessable', t('rNotEvaluated'))),
        h('td', null, nextEvaluation(latest, attr(o, 'intervalMonths'))));
    });
    const table = h('table', { class: 'data' },
      h('caption', null, t('rObligationsCaption')),
      h('thead', null, h('tr', null, [elementLabel('obligation').text, attrLabel('kind'), elementLabel('appliesTo').text, t('rLastEvaluated'), attrLabel('result'), t('rNextEvaluation')].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', null, rows));
    out.push(sectionOf(level, t('rOverview'), wrapTable(table)));
    out.push(sectionOf(level, t('rObligationsDetail'),
      h('div', { class: 'record-list' }, obligations.map((o) => genericDetails(o, level + 1, root.localName, ctx)))));
  }
  for (const c of kids(root)) {
    if (!['header', 'obligation'].includes(c.localName)) {
      out.push(isTextual(c) ? sectionOf(level, elementLabel(c.localName, root.localName).text, prose(c)) : genericSection(c, level, root.localName, ctx));
    }
  }
  return out;
}

function renderNonconformities(root, ctx, level) {
  const out = [];
  const list = childrenNamed(root, 'nonconformity');
  const today = new Date().toISOString().slice(0, 10);
  if (list.length) {
    const rows = list.map((n) => {
      const closed = child(n, 'closed');
      const due = attr(n, 'due');
      const open = !closed && attr(n, 'status') !== 'closed';
      const late = open && due && due < today;
      const actions = childrenNamed(n, 'action');
      const done = actions.filter((a) => a.hasAttribute('completed')).length;
      return h('tr', null,
        h('th', { scope: 'row' }, h('span', { class: 'ref' }, attr(n, 'id') ?? ''), ' ', textOf(child(n, 'description')).slice(0, 140) + (textOf(child(n, 'description')).length > 140 ? '…' : '')),
        h('td', null, attr(n, 'raised') ?? t('none')),
        h('td', null, valueLabel('source', attr(n, 'source') ?? '') ?? attr(n, 'source') ?? t('none')),
        h('td', null, due ?? t('none')),
        h('td', null, closed
          ? [statusTag('green', valueLabel('status', 'closed')), attr(closed, 'date') ? h('span', { class: 'cell-meta date' }, attr(closed, 'date')) : null]
          : late ? statusTag('red', t('rOpenOverdue')) : statusTag('yellow', valueLabel('status', 'open'))),
        h('td', { class: 'num' }, `${done}/${actions.length}`));
    });
    const table = h('table', { class: 'data' },
      h('caption', null, t('rNonconformities')),
      h('thead', null, h('tr', null, [elementLabel('nonconformity').text, attrLabel('raised'), attrLabel('source'), attrLabel('due'), attrLabel('status'), t('rActionsCompleted')].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', null, rows));
    out.push(sectionOf(level, t('rOverview'), wrapTable(table)));
    out.push(sectionOf(level, t('rNonconformitiesDetail'),
      h('div', { class: 'record-list' }, list.map((n) => genericDetails(n, level + 1, root.localName, ctx)))));
  }
  for (const c of kids(root)) {
    if (!['header', 'nonconformity'].includes(c.localName)) {
      out.push(isTextual(c) ? sectionOf(level, elementLabel(c.localName, root.localName).text, prose(c)) : genericSection(c, level, root.localName, ctx));
    }
  }
  return out;
}

function renderOrganisation(root, ctx, level) {
  const unitItem = (u) => {
    const subs = childrenNamed(u, 'unit');
    const type = attr(u, 'type');
    return h('li', null,
      h('span', { class: 'org-name' }, textOf(child(u, 'name')) || attr(u, 'id')),
      h('span', { class: 'muted' }, ` (${[valueLabel('type', type ?? '') ?? type, attr(u, 'id'), textOf(child(u, 'manager'))].filter(Boolean).join(', ')})`),
      subs.length ? h('ul', null, subs.map(unitItem)) : null);
  };
  const out = [sectionOf(level, t('rOrganisation'), h('ul', { class: 'org-tree' }, childrenNamed(root, 'unit').map(unitItem)))];
  for (const c of kids(root)) {
    if (!['header', 'unit'].includes(c.localName)) {
      out.push(isTextual(c) ? sectionOf(level, elementLabel(c.localName, root.localName).text, prose(c)) : genericSection(c, level, root.localName, ctx));
    }
  }
  return out;
}

// Any other document: its top-level parts in order; running text as sections, repeated records
// as a group, other elements as sections.
function renderGenericRoot(root, ctx, level) {
  const out = [];
  if (root.children.length) {
    out.push(ownText(root));
  }
  const done = new Set();
  const topFields = kids(root).filter((c) => c.localName !== 'header' && isLeaf(c));
  const rootAttrs = Array.from(root.attributes).filter((a) => !a.name.startsWith('xmlns'));
  if (topFields.length || rootAttrs.length) {
    const dl = h('dl', { class: 'fields' });
    for (const a of rootAttrs) {
      dl.append(h('div', null, h('dt', null, attrLabel(a.name)), h('dd', null, attrValue(a.name, a.value, root.localName, ctx))));
    }
    for (const c of topFields) {
      dl.append(h('div', null, h('dt', null, elementLabel(c.localName, root.localName).text), h('dd', null, leafValue(c, ctx))));
      done.add(c);
    }
    out.push(dl);
  }
  for (const c of kids(root)) {
    if (c.localName === 'header' || done.has(c)) {
      continue;
    }
    const name = c.localName;
    const same = childrenNamed(root, name);
    if (same.length > 1) {
      if (same[0] !== c) {
        continue;
      }
      out.push(sectionOf(level, `${elementLabel(name, root.localName).text} (${same.length})`, recordGroup(same, root.localName, level + 1, ctx)));
      continue;
    }
    if (isRich(c)) {
      out.push(sectionOf(level, elementLabel(name, root.localName).text, prose(c)));
    } else {
      out.push(genericSection(c, level, root.localName, ctx));
    }
  }
  return out;
}

const LAYOUTS = {
  strategicPlan: renderPlan,
  operationalPlan: renderPlan,
  followUp: renderFollowUp,
  aspectsRegister: renderAspects,
  complianceObligations: renderObligations,
  nonconformityLog: renderNonconformities,
  organisation: renderOrganisation,
};

// The whole document. A layout that trips over unexpected content falls back to the generic
// renderer, so that a document always shows.
export function renderDocument(doc, ctx = {}) {
  const root = doc.documentElement;
  const level = ctx.headingLevel ?? 3;
  const declared = textOf(child(child(root, 'header'), 'language'));
  docLang = /^[a-z]{2,3}$/.test(declared) ? declared : 'sv';
  const local = titlesOf(doc);
  ctx = { ...ctx, localTitle: (id) => local.get(id) };
  const container = h('div', { class: `doc-content kind-${root.localName.replace(/[^A-Za-z]/g, '')}` });
  let parts;
  try {
    parts = (LAYOUTS[root.localName] ?? renderGenericRoot)(root, ctx, level);
  } catch (error) {
    console.warn('layout failed, using the generic renderer', error);
    parts = renderGenericRoot(root, ctx, level);
  }
  container.append(...parts.flat(Infinity).filter(Boolean));
  if (!container.children.length) {
    container.append(h('p', null, t('contentEmpty')));
  }
  markDates(container);
  return container;
}

// Table cells that hold a date do not break it over two lines.
export function markDates(root) {
  root.querySelectorAll('td').forEach((td) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(td.textContent.trim())) {
      td.classList.add('date');
    }
  });
}

// An index of the goals and activities of a plan (id → title), to name references.
export function titlesOf(doc) {
  const map = new Map();
  if (!doc) {
    return map;
  }
  doc.querySelectorAll('*').forEach((el) => {
    const id = attr(el, 'id');
    if (!id) {
      return;
    }
    const title = textOf(child(el, 'title')) || textOf(child(el, 'name')) || (el.localName === 'aspect' ? textOf(child(el, 'aspect')) : '') || textOf(child(el, 'topic'));
    if (title) {
      map.set(id, title);
    }
  });
  return map;
}

export { humanize };
