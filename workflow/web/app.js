// rodtrad web pages: the application (router, header, pages).
//
// Plain ES modules, no build step, no framework; the DOM is built with createElement and text
// nodes only (dom.js), never from HTML strings. Swedish by default, English on request
// (i18n.js, remembered in localStorage). Routes are hashes so that every page can be linked:
//
//   #/signin            sign in                      #/documents         documents (+ new document)
//   #/tasks             my tasks (start page)        #/documents/ID      one document
//   #/rounds            approval rounds (+ new)      #/redthread         the red thread tree
//   #/rounds/N          a round's dashboard          #/iso14001          ISO 14001 coverage + evidence
//
// Hooks for browser tests (accessible names in Swedish; the English ones in parentheses). Prefer
// getByRole/getByLabel; data-testid is given where a role alone is ambiguous.
//   Every page      h1 (focused after navigation), document.title "<page> – rodtrad";
//                   banner: link "rodtrad", navigation "Huvudmeny" (Main menu) with links
//                   "Mina uppgifter", "Omgångar", "Dokument", "Röda tråden", "ISO 14001"
//                   (aria-current="page" on the current one); button "English" / "Svenska"
//                   (data-testid="language-switch"); button "Logga ut" (Sign out); the user as
//                   data-testid="current-user"; a polite live region data-testid="announcer".
//   Sign in         textbox "Användarnamn" (User name), textbox "Lösenord" (Password), button
//                   "Logga in" (Sign in); errors in role=alert data-testid="signin-error".
//   My tasks        table "Uppgifter som väntar på dig" (Tasks waiting for you), a row per
//                   document with a link named by the document's title; combobox "Visa
//                   uppgifter"; overdue rows say "Försenad" (data-overdue="true" on the row).
//   Rounds          table "Omgångar", links named by round; form "Starta en ny omgång":
//                   textbox "Namn på omgången", date field labelled "Sista dag", checkboxes by
//                   kind name ("Verksamhetsplan", …), button "Starta omgången"; result in
//                   data-testid="round-result", errors in data-testid="round-error".
//   Round           table "Dokument i omgången, per enhet" (Documents in the round, by unit);
//                   totals data-testid="round-totals"; "1 av 2 godkännanden" per document.
//   Documents       table "Dokument"; comboboxes "Dokumenttyp", "Enhet", "Status", searchbox
//                   "Sök i titel eller id"; new document: file input "XML-fil för nytt dokument",
//                   button "Skapa dokument"; data-testid="new-document-result" / "-error".
//   Document        section "Åtgärder" (Actions): textbox "Kommentar" (Comment); buttons
//                   "Skicka för granskning", "Begär ändringar", "Godkänn", "Avslå", "Dra
//                   tillbaka", "Publicera", "Upphäv" (Submit for review, Request changes,
//                   Approve, Reject, Withdraw, Publish, Retire) — not allowed ones have
//                   aria-disabled="true" and their reason as aria-describedby and visible text;
//                   the result in role=status data-testid="action-result", errors in role=alert
//                   data-testid="action-error"; the state badge data-testid="document-state".
//                   Section "Ny revision" (New revision): file input "XML-fil med ny revision",
//                   button "Ladda upp revision"; result data-testid="upload-result"; findings
//                   list "Fel i filen" (Errors in the file) with "Rad N, kolumn M".
//                   Section "Ändringar sedan senast fastställda": list "Ändringar"
//                   (data-testid="diff-list"), comboboxes "Från revision"/"Till revision",
//                   button "Jämför". Section "Innehåll": combobox "Visa revision", button
//                   "Visa", link "XML för revision N". Section "Historik": table "Händelser för
//                   dokumentet, äldst först" (comments in the column "Kommentar"). Section "PDF":
//                   button "Visa PDF", then a frame "PDF av <title>" and a link "Ladda ner PDF".
//   Red thread      list "Den röda tråden: perspektiv, mål och nyckeltal" of nested
//                   <details>/<summary> (data-testid="redthread-tree"); buttons "Fäll ut alla",
//                   "Fäll ihop alla"; combobox "Period", button "Visa".
//   ISO 14001       radio group "Utgåva av standarden" (2015/2026); table "Täckningsmatris för
//                   ISO 14001:2015"; checkbox "Visa bara avsnitt med brister"; button "Ladda ner
//                   bevispaket (ISO 14001:2015)" (data-testid="evidence-download") which saves
//                   rodtrad-evidence-2015.zip.

import { api, session, onUnauthorized, ApiError } from './api.js';
import {
  t, getLang, setLang, kindLabel, stateLabel, actionLabel, taskLabel, roleLabel, waitingLabel,
  historyLabel, elementLabel, attrLabel, valueLabel, translateDetail, changeVerb, changeBadge,
  KIND_ORDER, PLAN_KINDS, STATE_ORDER,
} from './i18n.js';
import {
  h, clear, uid, icon, statusTag, stateBadge, overdueTag, dueDate, formatMicros, isoFromMicros,
  formatBytes, dataTable, docHref, todayIso, markOverflow, svgImage, pickedFile,
} from './dom.js';
import { parseXml, readHeader, renderDocument, titlesOf, child, textOf, markDates } from './render.js';

const main = document.getElementById('main');
const headerEl = document.getElementById('site-header');
const announcer = document.getElementById('announcer');

// ---- shared state ------------------------------------------------------------------------

let generation = 0;      // the render in progress; older ones drop their results
let flash = null;        // a message for the next page (after sign-out, an expired session)
let pageCleanup = [];    // things to undo when leaving a page (blob URLs)
const cache = new Map(); // name → Promise, cleared after every change the user makes

function cached(name, load) {
  if (!cache.has(name)) {
    const promise = load();
    cache.set(name, promise);
    promise.catch(() => cache.delete(name));
  }
  return cache.get(name);
}

function invalidate() {
  cache.clear();
}

function announce(message) {
  // Cleared first so that the same message twice is announced twice.
  announcer.textContent = '';
  window.setTimeout(() => {
    announcer.textContent = message;
  }, 50);
}

function user() {
  return session.get()?.user ?? null;
}

// The organisation's units (id → {id, name, type, parent}), read from the organisation document.
function loadUnits() {
  return cached('units', async () => {
    const units = new Map();
    try {
      const orgs = (await api.documents()).filter((d) => d.kind === 'organisation');
      for (const org of orgs) {
        const { xml } = await api.content(org.id);
        const doc = parseXml(xml);
        doc.querySelectorAll('*').forEach((el) => {
          if (el.localName !== 'unit' || !el.getAttribute('id')) {
            return;
          }
          const parent = el.parentElement?.localName === 'unit' ? el.parentElement.getAttribute('id') : null;
          units.set(el.getAttribute('id'), {
            id: el.getAttribute('id'),
            name: textOf(child(el, 'name')) || el.getAttribute('id'),
            type: el.getAttribute('type') || '',
            parent,
            depth: 0,
          });
        });
      }
      for (const unit of units.values()) {
        let depth = 0;
        for (let p = unit.parent; p && units.has(p) && depth < 20; p = units.get(p).parent) {
          depth += 1;
        }
        unit.depth = depth;
      }
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        throw error;
      }
      // Without the organisation units show by id.
    }
    return units;
  });
}

const loadDocuments = () => cached('documents', () => api.documents());

// The names of the items the EMS registers refer to each other by (aspects, obligations,
// controls, objectives, scenarios, audits), so that a reference reads as words, not an id.
const EMS_INDEXED = ['aspectsRegister', 'complianceObligations', 'operationalControls', 'objectivesProgramme', 'emergencyPreparedness', 'auditProgramme', 'auditReport'];
function loadEmsTitles(docs) {
  return cached('emsTitles', async () => {
    const titles = new Map();
    const wanted = Array.from(docs.values()).filter((d) => EMS_INDEXED.includes(d.kind));
    const contents = await Promise.allSettled(wanted.map((d) => api.content(d.id)));
    for (const c of contents) {
      if (c.status === 'fulfilled') {
        try {
          for (const [k, v] of titlesOf(parseXml(c.value.xml))) {
            titles.set(k, v);
          }
        } catch {
          // A document that does not parse names nothing.
        }
      }
    }
    return titles;
  });
}

function loadRedThread(period = '') {
  return cached(`redthread:${period}:${getLang()}`, () => api.redThread(period, getLang()));
}

function unitName(units, id) {
  return units?.get(id)?.name ?? id ?? '';
}

// Whether a user of unit `mine` writes for unit `theirs` (the same unit or one below it).
function unitCovers(units, mine, theirs) {
  if (!mine) {
    return true;
  }
  for (let u = theirs, steps = 0; u && steps < 50; steps += 1) {
    if (u === mine) {
      return true;
    }
    u = units?.get(u)?.parent ?? null;
  }
  return false;
}

// An error as words for the user: the server's detail (in Swedish where the sentence is known).
function errorText(error) {
  if (error instanceof ApiError) {
    if (error.status === 0) {
      return { text: t('networkError'), lang: getLang() };
    }
    return translateDetail(error.detail || error.title || `HTTP ${error.status}`);
  }
  return { text: String(error?.message ?? error), lang: 'en' };
}

// A problem shown where the content would have been.
function problemBox(error) {
  return h('div', { class: 'message message-error' }, h('div', { class: 'message-icon' }, icon('bad')),
    h('div', { class: 'message-body' }, errorParagraph(error)));
}

function errorParagraph(error, prefix) {
  const { text, lang } = errorText(error);
  return h('p', null, prefix ? `${prefix} ` : null, h('span', { lang: lang !== getLang() ? lang : null }, text));
}

// A form field: label, hint, error message (linked with aria-describedby), control.
function field({ id, label, hint, control, className }) {
  const hintId = hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  control.id = id;
  control.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  const error = h('p', { class: 'field-error', id: errorId, hidden: true });
  const wrapper = h('div', { class: ['field', className] },
    h('label', { for: id }, label),
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    error,
    control);
  return {
    wrapper,
    control,
    setError(message) {
      if (message) {
        clear(error).append(icon('bad'), h('span', null, message));
        error.hidden = false;
        control.setAttribute('aria-invalid', 'true');
      } else {
        clear(error);
        error.hidden = true;
        control.removeAttribute('aria-invalid');
      }
    },
  };
}

function button(label, { kind = 'secondary', onClick, type = 'button', ...rest } = {}) {
  return h('button', { type, class: `btn btn-${kind}`, onClick, ...rest }, label);
}

// aria-disabled keeps the button focusable so that its reason can be read; clicks are ignored.
function setBusy(btn, busy, busyLabel) {
  if (busy) {
    btn.dataset.label = btn.textContent;
    btn.setAttribute('aria-disabled', 'true');
    btn.classList.add('busy');
    if (busyLabel) {
      btn.textContent = busyLabel;
    }
  } else {
    btn.removeAttribute('aria-disabled');
    btn.classList.remove('busy');
    if (btn.dataset.label) {
      btn.textContent = btn.dataset.label;
    }
  }
}

const isDisabled = (el) => el.getAttribute('aria-disabled') === 'true';

function messageBox(kind, testid) {
  // The live region exists before anything is written into it, so that it is announced.
  return h('div', {
    class: `message message-${kind}`,
    role: kind === 'error' ? 'alert' : 'status',
    'aria-live': kind === 'error' ? 'assertive' : 'polite',
    'data-testid': testid,
    hidden: true,
  });
}

function showMessage(box, ...content) {
  clear(box);
  const flat = content.flat().filter(Boolean);
  if (flat.length === 0) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  const iconName = box.classList.contains('message-error') ? 'bad' : box.classList.contains('message-success') ? 'ok' : 'none';
  box.append(h('div', { class: 'message-icon' }, icon(iconName)), h('div', { class: 'message-body' }, flat));
}

function section(id, title, ...content) {
  const headingId = `${id}-h`;
  return h('section', { class: 'panel', id, 'aria-labelledby': headingId },
    h('h2', { id: headingId, tabindex: '-1' }, title), ...content);
}

function loadingP() {
  return h('p', { class: 'loading' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), t('loading'));
}

// ---- header and navigation ----------------------------------------------------------------

const NAV = [
  ['tasks', 'navTasks'],
  ['rounds', 'navRounds'],
  ['documents', 'navDocuments'],
  ['redthread', 'navRedThread'],
  ['iso14001', 'navIso'],
];

function renderHeader(route) {
  clear(headerEl);
  const me = user();
  const brand = h('a', { class: 'brand', href: me ? '#/tasks' : '#/signin' },
    logo(), h('span', { class: 'brand-name' }, t('appName')), h('span', { class: 'brand-tagline' }, t('appTagline')));
  const langButton = button(t('switchLanguage'), {
    kind: 'ghost',
    lang: t('switchLanguageLang'),
    'data-testid': 'language-switch',
    // The visible word is the other language; the name says the same in that language.
    'aria-label': t('switchLanguageLabel'),
    onClick: () => switchLanguage(),
  });
  const tools = h('div', { class: 'header-tools' });
  if (me) {
    const units = loadUnits();
    tools.append(h('p', { class: 'current-user', 'data-testid': 'current-user' },
      h('span', { class: 'visually-hidden' }, `${t('signedInAs')} `),
      icon('doc', 'user-icon'),
      h('span', { class: 'user-name' }, me.name),
      h('span', { class: 'user-role' }, ` ${roleLabel(me.role)}${me.unit ? `, ${me.unit}` : ''}`)));
    units.then((map) => {
      const roleEl = tools.querySelector('.user-role');
      if (roleEl && me.unit && map.get(me.unit)) {
        roleEl.textContent = ` ${roleLabel(me.role)}, ${map.get(me.unit).name}`;
      }
    }).catch(() => {});
  }
  tools.append(langButton);
  if (me) {
    tools.append(button(t('signOut'), { kind: 'ghost', onClick: signOut }));
  }
  const top = h('div', { class: 'header-top' }, brand, tools);
  headerEl.append(top);
  if (me) {
    const current = route?.segs?.[0] ?? '';
    const list = h('ul');
    for (const [path, key] of NAV) {
      const a = h('a', { href: `#/${path}` }, t(key));
      if (current === path) {
        a.setAttribute('aria-current', route.segs.length === 1 ? 'page' : 'true');
      }
      list.append(h('li', null, a));
    }
    headerEl.append(h('nav', { class: 'main-nav', 'aria-label': t('navLabel') }, list));
  }
  document.querySelector('.skip').textContent = t('skip');
  const footer = document.querySelector('.site-footer p');
  if (footer) {
    footer.textContent = t('footer');
  }
}

function logo() {
  // A red thread through three knots: perspective, goal, indicator.
  return svgImage(32, 32, 'logo', [
    ['path', { d: 'M3 24c5 0 6-16 13-16s8 16 13 16', class: 'logo-thread' }],
    ...[[5.5, 21], [16, 8], [26.5, 21]].map(([cx, cy]) => ['circle', { cx, cy, r: 3, class: 'logo-knot' }]),
  ]);
}

async function switchLanguage() {
  setLang(getLang() === 'sv' ? 'en' : 'sv');
  await render({ focus: false });
  document.querySelector('[data-testid="language-switch"]')?.focus();
  announce(t('languageSwitched'));
}

async function signOut() {
  try {
    await api.signOut();
  } catch {
    // The session ends here whatever the server says.
  }
  session.clear();
  invalidate();
  flash = { kind: 'info', text: () => t('signedOut') };
  navigate('#/signin');
}

onUnauthorized(() => {
  invalidate();
  const here = location.hash;
  if (!here.startsWith('#/signin')) {
    sessionStorage.setItem('rodtrad.after', here);
    flash = { kind: 'error', text: () => t('sessionExpired') };
    navigate('#/signin');
  }
});

function navigate(hash) {
  if (location.hash === hash) {
    render();
  } else {
    location.hash = hash;
  }
}

// ---- the router -------------------------------------------------------------------------------

function parseRoute() {
  const raw = location.hash.replace(/^#/, '');
  const [path, query] = raw.split('?');
  let segs = [];
  try {
    segs = path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    segs = ['?'];
  }
  return { segs, query: new URLSearchParams(query || ''), raw };
}

const ROUTES = {
  signin: pageSignIn,
  tasks: pageTasks,
  rounds: (route) => (route.segs.length > 1 ? pageRound(route) : pageRounds(route)),
  documents: (route) => (route.segs.length > 1 ? pageDocument(route) : pageDocuments(route)),
  redthread: pageRedThread,
  iso14001: pageIso,
};

async function render({ focus = true } = {}) {
  const gen = ++generation;
  const route = parseRoute();
  document.documentElement.lang = getLang();
  if (route.segs.length === 0) {
    location.replace(session.get() ? '#/tasks' : '#/signin');
    return;
  }
  const name = route.segs[0];
  if (name !== 'signin' && !session.get()) {
    if (ROUTES[name]) {
      sessionStorage.setItem('rodtrad.after', location.hash);
    }
    location.replace('#/signin');
    return;
  }
  for (const undo of pageCleanup) {
    undo();
  }
  pageCleanup = [];
  renderHeader(route);
  main.setAttribute('aria-busy', 'true');
  clear(main).append(loadingP());
  const handler = ROUTES[name] ?? pageNotFound;
  let page;
  try {
    page = await handler(route, () => gen === generation);
  } catch (error) {
    if (gen !== generation) {
      return;
    }
    if (error instanceof ApiError && error.status === 401) {
      return;
    }
    page = errorPage(error);
  }
  if (gen !== generation || !page) {
    return;
  }
  clear(main).append(page.node);
  main.removeAttribute('aria-busy');
  document.title = `${page.title} – ${t('pageTitleSuffix')}`;
  if (focus) {
    const h1 = main.querySelector('h1');
    h1?.setAttribute('tabindex', '-1');
    h1?.focus({ preventScroll: false });
  }
  main.querySelectorAll('.table-wrap').forEach(markOverflow);
  markDates(main);
}

function pageShell(title, ...content) {
  return h('div', { class: 'page' }, h('h1', { tabindex: '-1' }, title), ...content);
}

function errorPage(error) {
  const title = error instanceof ApiError && error.status === 404 ? t('notFoundTitle') : t('errorTitle');
  return {
    title,
    node: pageShell(title,
      problemBox(error),
      h('p', null, error instanceof ApiError && error.status === 404 ? null : [button(t('retry'), { kind: 'primary', onClick: () => render() }), ' '], h('a', { href: '#/tasks' }, t('toStart')))),
  };
}

function pageNotFound() {
  return { title: t('notFoundTitle'), node: pageShell(t('notFoundTitle'), h('p', null, t('notFoundText')), h('p', null, h('a', { href: '#/tasks' }, t('toStart')))) };
}

// In-page links ("#doc-actions", the skip link) move focus without touching the route.
document.addEventListener('click', (event) => {
  const link = event.target.closest?.('a[href^="#"]');
  if (!link) {
    return;
  }
  const href = link.getAttribute('href');
  if (href.startsWith('#/') || href === '#') {
    return;
  }
  const target = document.getElementById(href.slice(1));
  if (target) {
    event.preventDefault();
    const focusable = target.matches('main') ? target.querySelector('h1') ?? target : target.querySelector('h2') ?? target;
    if (!focusable.hasAttribute('tabindex')) {
      focusable.setAttribute('tabindex', '-1');
    }
    focusable.focus();
    focusable.scrollIntoView({ block: 'start' });
  }
});

window.addEventListener('hashchange', () => render());

// ---- sign in ---------------------------------------------------------------------------------

function pageSignIn() {
  if (session.get()) {
    location.replace('#/tasks');
    return null;
  }
  const errorBox = h('div', { class: 'message message-error', role: 'alert', 'data-testid': 'signin-error', hidden: true });
  const infoBox = h('div', { class: 'message message-info', role: 'status' });
  if (flash) {
    const { kind, text } = flash;
    flash = null;
    infoBox.className = `message message-${kind === 'error' ? 'warning' : 'info'}`;
    infoBox.append(h('div', { class: 'message-icon' }, icon(kind === 'error' ? 'warn' : 'ok')), h('div', { class: 'message-body' }, h('p', null, text())));
  } else {
    infoBox.hidden = true;
  }
  const name = field({ id: 'signin-name', label: t('userName'), control: h('input', { type: 'text', name: 'username', autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false', required: true }) });
  const password = field({ id: 'signin-password', label: t('password'), control: h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true }) });
  const submit = button(t('signInButton'), { kind: 'primary', type: 'submit' });
  const form = h('form', { class: 'signin-form', novalidate: true, 'aria-labelledby': 'signin-h1' }, name.wrapper, password.wrapper, h('div', { class: 'form-actions' }, submit));

  const showErrors = (errors) => {
    clear(errorBox);
    if (errors.length === 0) {
      errorBox.hidden = true;
      return;
    }
    errorBox.hidden = false;
    errorBox.append(h('div', { class: 'message-icon' }, icon('bad')), h('div', { class: 'message-body' },
      h('p', { class: 'message-title' }, t('signInErrorsHeading')),
      errors.length === 1 ? h('p', null, errors[0].text) : h('ul', null, errors.map((e) => h('li', null, e.text)))));
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (isDisabled(submit)) {
      return;
    }
    name.setError(null);
    password.setError(null);
    const errors = [];
    const nameValue = name.control.value.trim();
    if (!nameValue) {
      errors.push({ field: name, text: t('signInMissingName') });
    }
    if (!password.control.value) {
      errors.push({ field: password, text: t('signInMissingPassword') });
    }
    if (errors.length) {
      errors.forEach((e) => e.field.setError(e.text));
      showErrors(errors);
      errors[0].field.control.focus();
      return;
    }
    setBusy(submit, true, t('signingIn'));
    try {
      const result = await api.signIn(nameValue, password.control.value);
      session.set({ token: result.token, expiresAt: result.expiresAt, user: result.user });
      invalidate();
      announce(t('signedInAnnouncement', { name: result.user.name }));
      const after = sessionStorage.getItem('rodtrad.after');
      sessionStorage.removeItem('rodtrad.after');
      navigate(after && after.startsWith('#/') && !after.startsWith('#/signin') ? after : '#/tasks');
    } catch (error) {
      setBusy(submit, false);
      let text;
      if (error instanceof ApiError && error.status === 401) {
        text = t('signInWrong');
      } else if (error instanceof ApiError && error.status === 429) {
        const minutes = error.retryAfter ? Math.max(1, Math.ceil(error.retryAfter / 60)) : null;
        text = minutes ? t('signInThrottled', { n: minutes }) : errorText(error).text;
      } else {
        text = errorText(error).text;
      }
      password.setError(text);
      showErrors([{ text }]);
      password.control.value = '';
      password.control.focus();
    }
  });

  const title = t('signInTitle');
  const node = h('div', { class: 'page page-signin' },
    h('div', { class: 'signin-card' },
      h('h1', { id: 'signin-h1', tabindex: '-1' }, title),
      infoBox,
      h('p', { class: 'lead' }, t('signInIntro')),
      errorBox,
      form));
  return { title, node };
}

// ---- my tasks ---------------------------------------------------------------------------------

const TASK_ORDER = ['write', 'review', 'approve', 'publish'];

async function pageTasks(route) {
  const [tasks, units] = await Promise.all([api.tasks(), loadUnits()]);
  const title = t('tasksTitle');
  const counts = Object.fromEntries(TASK_ORDER.map((k) => [k, tasks.filter((x) => x.task === k).length]));
  const overdueCount = tasks.filter((x) => x.overdue).length;
  const chosen = TASK_ORDER.includes(route.query.get('task')) ? route.query.get('task') : '';

  if (tasks.length === 0) {
    return { title, node: pageShell(title, h('p', { class: 'lead' }, t('tasksIntro')), h('div', { class: 'empty' }, icon('ok'), h('p', null, t('tasksNone')))) };
  }

  const summary = h('ul', { class: 'stat-list', 'aria-label': t('tasksSummaryLabel') },
    TASK_ORDER.filter((k) => counts[k] > 0).map((k) => h('li', { class: 'stat' }, h('span', { class: 'stat-value' }, String(counts[k])), h('span', { class: 'stat-label' }, taskLabel(k)))),
    overdueCount ? h('li', { class: 'stat stat-overdue' }, h('span', { class: 'stat-value' }, String(overdueCount)), h('span', { class: 'stat-label overdue' }, icon('overdue'), h('span', null, t('tasksOverdueCount', { n: overdueCount })))) : null);

  const select = h('select', null,
    h('option', { value: '' }, t('tasksFilterAll', { n: tasks.length })),
    TASK_ORDER.map((k) => h('option', { value: k, selected: k === chosen }, `${taskLabel(k)} (${counts[k]})`)));
  const filter = field({ id: 'task-filter', label: t('tasksFilter'), control: select, className: 'inline' });
  const status = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const tableHolder = h('div');

  const draw = () => {
    const which = select.value;
    const shown = tasks.filter((x) => !which || x.task === which);
    const rows = shown.map((task) => {
      const tr = h('tr', { class: task.overdue ? 'row-overdue' : null, 'data-overdue': task.overdue ? 'true' : 'false', 'data-document': task.id },
        h('th', { scope: 'row' }, h('a', { href: docHref(task.id) }, task.title || task.id), h('span', { class: 'cell-meta' }, `${kindLabel(task.kind)} · ${t('revisionN', { n: task.revision })}`)),
        h('td', null, h('span', { class: `task task-${task.task}` }, taskLabel(task.task))),
        h('td', null, stateBadge(task.state)),
        h('td', null, unitName(units, task.unit)),
        h('td', null, task.round || h('span', { class: 'muted' }, t('noRound'))),
        h('td', null, task.due ? dueDate(task.due) : t('none'), task.overdue ? h('div', null, overdueTag()) : null));
      return tr;
    });
    clear(tableHolder).append(dataTable({
      caption: t('tasksCaption'),
      columns: [t('colDocument'), t('colTask'), t('colState'), t('colUnit'), t('colRound'), t('colDue')],
      rows,
      className: 'tasks',
    }));
    return shown.length;
  };
  draw();
  select.addEventListener('change', () => {
    const n = draw();
    status.textContent = t('tasksShown', { n });
    const q = select.value ? `?task=${select.value}` : '';
    history.replaceState(null, '', `#/tasks${q}`);
  });
  return {
    title,
    node: pageShell(title, h('p', { class: 'lead' }, t('tasksIntro')), summary, h('div', { class: 'toolbar' }, filter.wrapper), status, tableHolder),
  };
}

// ---- rounds -------------------------------------------------------------------------------------

function scopeText(round) {
  const kinds = round.kinds?.length ? round.kinds.map(kindLabel).join(', ') : t('scopeAllKinds');
  return kinds;
}

function progressBar(done, total, label) {
  const share = total > 0 ? done / total : 0;
  const fill = h('span', { class: 'bar-fill' });
  fill.style.width = `${Math.round(share * 100)}%`;
  return h('span', { class: 'bar', 'aria-hidden': 'true', title: label }, fill);
}

async function pageRounds() {
  const [rounds, units] = await Promise.all([api.rounds(), loadUnits()]);
  const dashboards = await Promise.allSettled(rounds.map((r) => api.round(r.id)));
  const title = t('roundsTitle');
  const rows = rounds.map((round, i) => {
    const d = dashboards[i].status === 'fulfilled' ? dashboards[i].value : null;
    return [
      { th: true, content: [h('a', { href: `#/rounds/${encodeURIComponent(round.id)}` }, round.name), h('span', { class: 'cell-meta' }, `${t('scopeUnits')}: ${round.units?.length ? round.units.map((u) => unitName(units, u)).join(', ') : t('scopeAllUnits')}`)] },
      [dueDate(round.due)],
      scopeText(round),
      d ? [h('span', null, t('progressText', { a: d.approved, t: d.total })), progressBar(d.approved, d.total, t('progressText', { a: d.approved, t: d.total }))] : t('none'),
      d ? (d.overdue > 0 ? h('span', { class: 'overdue' }, icon('overdue'), h('span', null, `${d.overdue} ${t('overdue').toLowerCase()}`)) : '0') : t('none'),
    ];
  });
  const content = [
    h('p', { class: 'lead' }, t('roundsIntro')),
    rounds.length
      ? dataTable({ caption: t('roundsCaption'), columns: [t('colRoundName'), t('colDue'), t('scopeKinds'), t('colProgress'), t('colOverdue')], rows, className: 'rounds' })
      : h('p', { class: 'empty' }, t('roundsNone')),
  ];
  const me = user();
  if (me && me.role !== 'author') {
    content.push(newRoundForm(units));
  } else {
    content.push(h('p', { class: 'note' }, t('authorsCannotStartRounds')));
  }
  return { title, node: pageShell(title, content) };
}

function newRoundForm(units) {
  const name = field({ id: 'round-name', label: t('roundName'), hint: t('roundNameHint'), control: h('input', { type: 'text', maxlength: '200', autocomplete: 'off' }) });
  const due = field({ id: 'round-due', label: t('roundDue'), hint: t('roundDueHint'), control: h('input', { type: 'date' }) });
  const groups = [
    [t('roundGroupPlans'), KIND_ORDER.filter((k) => PLAN_KINDS.includes(k))],
    [t('roundGroupEms'), KIND_ORDER.filter((k) => !PLAN_KINDS.includes(k))],
  ];
  const kindBoxes = [];
  const kindsSet = h('fieldset', { class: 'checks' },
    h('legend', null, t('roundKinds')),
    h('p', { class: 'hint' }, t('newRoundIntro')),
    groups.map(([label, kinds]) => h('div', { class: 'check-group' },
      h('p', { class: 'check-group-title' }, label),
      h('ul', { class: 'check-list' }, kinds.map((k) => {
        const id = `round-kind-${k}`;
        const box = h('input', { type: 'checkbox', id, value: k });
        kindBoxes.push(box);
        return h('li', null, box, h('label', { for: id }, kindLabel(k)));
      })))));
  const unitBoxes = [];
  const unitList = Array.from(units.values()).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  const chosenText = h('span', { class: 'muted' });
  const updateChosen = () => {
    const n = unitBoxes.filter((b) => b.checked).length;
    chosenText.textContent = n ? ` (${t('roundUnitsChosen', { n })})` : '';
  };
  const unitsSet = h('fieldset', { class: 'checks' },
    h('legend', null, t('roundUnits')),
    h('details', null,
      h('summary', null, t('roundUnitsSummary'), chosenText),
      h('ul', { class: 'check-list columns' }, unitList.map((u) => {
        const id = `round-unit-${u.id}`;
        const box = h('input', { type: 'checkbox', id, value: u.id, onChange: updateChosen });
        unitBoxes.push(box);
        return h('li', null, box, h('label', { for: id }, u.name, h('span', { class: 'muted' }, ` (${u.id})`)));
      }))));
  const submit = button(t('roundStart'), { kind: 'primary', type: 'submit' });
  const result = messageBox('success', 'round-result');
  const errors = messageBox('error', 'round-error');
  const form = h('form', { novalidate: true, class: 'stack' }, name.wrapper, due.wrapper, kindsSet, unitsSet, h('div', { class: 'form-actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (isDisabled(submit)) {
      return;
    }
    name.setError(null);
    due.setError(null);
    showMessage(errors);
    const problems = [];
    if (!name.control.value.trim()) {
      problems.push([name, t('roundNameMissing')]);
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(due.control.value)) {
      problems.push([due, t('roundDueMissing')]);
    }
    if (problems.length) {
      problems.forEach(([f, text]) => f.setError(text));
      showMessage(errors, h('p', { class: 'message-title' }, t('roundFormErrors')), h('ul', null, problems.map(([, text]) => h('li', null, text))));
      problems[0][0].control.focus();
      return;
    }
    setBusy(submit, true, t('working'));
    try {
      const created = await api.createRound({
        name: name.control.value.trim(),
        due: due.control.value,
        kinds: kindBoxes.filter((b) => b.checked).map((b) => b.value),
        units: unitBoxes.filter((b) => b.checked).map((b) => b.value),
      });
      invalidate();
      showMessage(result, h('p', null, t('roundCreated', { name: created.name }), ' ', h('a', { href: `#/rounds/${created.id}` }, created.name)));
      form.reset();
      updateChosen();
      // The list above now has the new round; the message stays where it is.
      const table = await pageRounds();
      const holder = main.querySelector('.page');
      if (holder && table) {
        const newTable = table.node.querySelector('.table-wrap');
        const oldTable = holder.querySelector('.table-wrap');
        if (newTable && oldTable) {
          oldTable.replaceWith(newTable);
        }
      }
    } catch (error) {
      showMessage(errors, h('p', { class: 'message-title' }, t('roundFormErrors')), errorParagraph(error));
    } finally {
      setBusy(submit, false);
    }
  });
  return section('new-round', t('newRoundTitle'), result, errors, form);
}

async function pageRound(route) {
  const id = route.segs[1];
  const [round, units] = await Promise.all([api.round(id), loadUnits()]);
  const title = round.name || `${t('roundTitle')} ${id}`;
  const pastDue = round.due && round.due < todayIso();
  const percent = round.total ? Math.round((100 * round.approved) / round.total) : 0;
  const stateCounts = new Map();
  for (const d of round.documents) {
    stateCounts.set(d.state, (stateCounts.get(d.state) ?? 0) + 1);
  }
  const totals = h('div', { class: 'round-totals', 'data-testid': 'round-totals' },
    h('dl', { class: 'stats' },
      h('div', { class: 'stat' }, h('dt', null, t('roundTotal')), h('dd', { class: 'stat-value' }, String(round.total))),
      h('div', { class: 'stat' }, h('dt', null, t('roundApproved')), h('dd', { class: 'stat-value' }, String(round.approved), h('span', { class: 'stat-suffix' }, ` (${percent} %)`))),
      h('div', { class: ['stat', round.overdue ? 'stat-overdue' : null] }, h('dt', null, t('roundOverdue')), h('dd', { class: 'stat-value' }, String(round.overdue), round.overdue ? h('span', { class: 'stat-suffix' }, ' ', overdueTag()) : null))),
    h('p', { class: 'progress-line' }, h('span', null, t('progressText', { a: round.approved, t: round.total })), progressBar(round.approved, round.total)),
    stateCounts.size
      ? h('p', { class: 'state-counts' }, h('span', { class: 'inline-label' }, `${t('roundStateCounts')}: `),
        STATE_ORDER.filter((s) => stateCounts.has(s)).map((s, i) => [i ? ' · ' : '', stateBadge(s), ` ${stateCounts.get(s)}`]))
      : null);

  const docs = round.documents.slice().sort((a, b) => unitName(units, a.unit).localeCompare(unitName(units, b.unit), 'sv') || String(a.title).localeCompare(String(b.title), 'sv'));
  const rows = docs.map((d) => {
    const finished = d.state === 'approved' || d.state === 'published';
    const approvals = finished
      ? h('span', { class: 'muted' }, t('none'))
      : h('span', { class: 'quorum' }, (d.quorum === 1 ? t('approvalsProgressOne', { a: d.approvals, q: d.quorum }) : t('approvalsProgress', { a: d.approvals, q: d.quorum })),
        progressBar(d.approvals, d.quorum));
    return h('tr', { class: d.overdue ? 'row-overdue' : null, 'data-overdue': d.overdue ? 'true' : 'false', 'data-document': d.id },
      h('td', null, unitName(units, d.unit)),
      h('th', { scope: 'row' }, h('a', { href: docHref(d.id) }, d.title || d.id), h('span', { class: 'cell-meta' }, `${kindLabel(d.kind)} · ${t('revisionN', { n: d.revision })}`)),
      h('td', null, stateBadge(d.state)),
      h('td', null, waitingLabel(d.waitingFor)),
      h('td', null, approvals),
      h('td', null, d.overdue ? overdueTag() : h('span', { class: 'muted' }, finished ? t('notOverdue') : pastDue ? t('none') : t('notOverdue'))));
  });
  const table = rows.length
    ? dataTable({ caption: t('roundDocsCaption'), columns: [t('colUnit'), t('colDocument'), t('colState'), t('colWaitingFor'), t('colApprovals'), t('colOverdueMark')], rows, className: 'round-docs' })
    : h('p', { class: 'empty' }, t('roundNoDocs'));
  const node = h('div', { class: 'page' },
    h('p', { class: 'breadcrumb' }, h('a', { href: '#/rounds' }, `← ${t('backToRounds')}`)),
    h('h1', { tabindex: '-1' }, title),
    h('p', { class: 'lead' },
      h('span', { class: 'inline-label' }, `${t('roundDueLabel')}: `), dueDate(round.due), pastDue && round.overdue ? [' ', overdueTag(true)] : null,
      h('br'),
      h('span', { class: 'inline-label' }, `${t('scopeKinds')}: `), scopeText(round), ' · ',
      h('span', { class: 'inline-label' }, `${t('scopeUnits')}: `), round.units?.length ? round.units.map((u) => unitName(units, u)).join(', ') : t('scopeAllUnits')),
    section('round-status', t('roundTotals'), totals),
    table);
  return { title, node };
}

// ---- documents -----------------------------------------------------------------------------

async function pageDocuments(route) {
  const [docs, units] = await Promise.all([api.documents(), loadUnits()]);
  cache.set('documents', Promise.resolve(docs));
  const title = t('documentsTitle');
  const q = route.query;
  const kinds = KIND_ORDER.filter((k) => docs.some((d) => d.kind === k)).concat([...new Set(docs.map((d) => d.kind))].filter((k) => !KIND_ORDER.includes(k)));
  const unitIds = [...new Set(docs.map((d) => d.unit))].sort((a, b) => unitName(units, a).localeCompare(unitName(units, b), 'sv'));
  const states = STATE_ORDER.filter((s) => docs.some((d) => d.state === s));

  const kindSel = h('select', null, h('option', { value: '' }, t('all')), kinds.map((k) => h('option', { value: k, selected: q.get('kind') === k }, kindLabel(k))));
  const unitSel = h('select', null, h('option', { value: '' }, t('all')), unitIds.map((u) => h('option', { value: u, selected: q.get('unit') === u }, unitName(units, u))));
  const stateSel = h('select', null, h('option', { value: '' }, t('all')), states.map((s) => h('option', { value: s, selected: q.get('state') === s }, stateLabel(s))));
  const text = h('input', { type: 'search', value: q.get('q') ?? '', autocomplete: 'off' });
  const fKind = field({ id: 'filter-kind', label: t('filterKind'), control: kindSel });
  const fUnit = field({ id: 'filter-unit', label: t('filterUnit'), control: unitSel });
  const fState = field({ id: 'filter-state', label: t('filterState'), control: stateSel });
  const fText = field({ id: 'filter-text', label: t('filterText'), control: text });
  const clearBtn = button(t('filterClear'), {
    onClick: () => {
      kindSel.value = '';
      unitSel.value = '';
      stateSel.value = '';
      text.value = '';
      draw(true);
      kindSel.focus();
    },
  });
  const status = h('p', { class: 'result-count', role: 'status', 'aria-live': 'polite' });
  const holder = h('div');

  let timer = null;
  const draw = (announceCount) => {
    const needle = text.value.trim().toLowerCase();
    const shown = docs
      .filter((d) => (!kindSel.value || d.kind === kindSel.value) && (!unitSel.value || d.unit === unitSel.value) && (!stateSel.value || d.state === stateSel.value))
      .filter((d) => !needle || `${d.title} ${d.id}`.toLowerCase().includes(needle))
      .sort((a, b) => (KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind)) || String(a.title).localeCompare(String(b.title), 'sv'));
    const rows = shown.map((d) => [
      { th: true, content: [h('a', { href: docHref(d.id) }, d.title || d.id), h('span', { class: 'cell-meta' }, d.id)] },
      kindLabel(d.kind),
      unitName(units, d.unit),
      stateBadge(d.state),
      { content: String(d.revision), class: 'num' },
    ]);
    clear(holder).append(shown.length
      ? dataTable({ caption: t('documentsCaption'), columns: [t('colTitle'), t('colKind'), t('colUnit'), t('colState'), { label: t('colRevision'), class: 'num' }], rows, className: 'documents' })
      : h('p', { class: 'empty' }, t('documentsNone')));
    const message = t('documentsShown', { n: shown.length, total: docs.length });
    if (announceCount) {
      status.textContent = message;
    } else {
      status.textContent = message;
    }
    const params = new URLSearchParams();
    if (kindSel.value) params.set('kind', kindSel.value);
    if (unitSel.value) params.set('unit', unitSel.value);
    if (stateSel.value) params.set('state', stateSel.value);
    if (text.value.trim()) params.set('q', text.value.trim());
    const query = params.toString();
    history.replaceState(null, '', `#/documents${query ? '?' + query : ''}`);
  };
  [kindSel, unitSel, stateSel].forEach((s) => s.addEventListener('change', () => draw(true)));
  text.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => draw(true), 250);
  });
  draw(false);

  const filters = h('form', { class: 'filters', role: 'search', 'aria-label': t('filterHeading'), onSubmit: (e) => { e.preventDefault(); draw(true); } },
    h('div', { class: 'filter-grid' }, fKind.wrapper, fUnit.wrapper, fState.wrapper, fText.wrapper),
    h('div', { class: 'form-actions' }, clearBtn));

  const me = user();
  const content = [h('p', { class: 'lead' }, t('documentsIntro')), filters, status, holder];
  if (me && (me.role === 'author' || me.role === 'admin')) {
    content.push(newDocumentSection());
  }
  return { title, node: pageShell(title, content) };
}

function newDocumentSection() {
  const input = h('input', { type: 'file', accept: '.xml,application/xml,text/xml' });
  const file = field({ id: 'new-document-file', label: t('newDocumentFile'), control: input });
  const submit = button(t('newDocumentButton'), { kind: 'primary', type: 'submit' });
  const result = messageBox('success', 'new-document-result');
  const errors = messageBox('error', 'new-document-error');
  const form = h('form', { novalidate: true }, file.wrapper, h('div', { class: 'form-actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (isDisabled(submit)) {
      return;
    }
    file.setError(null);
    showMessage(result);
    showMessage(errors);
    const chosen = pickedFile(input, file, { none: t('uploadNoFile'), tooBig: t('uploadTooBig') });
    if (!chosen) {
      return;
    }
    setBusy(submit, true, t('working'));
    try {
      const created = await api.createDocument(await chosen.text());
      invalidate();
      showMessage(result, h('p', null, t('newDocumentCreated', { title: created.title || created.id }), ' ', h('a', { href: docHref(created.id) }, t('newDocumentOpen'))));
      form.reset();
    } catch (error) {
      showMessage(errors, findingsContent(error));
      file.setError(error instanceof ApiError && error.diagnostics.length
        ? t('uploadFindingsShort', { n: error.diagnostics.length })
        : errorText(error).text);
    } finally {
      setBusy(submit, false);
    }
  });
  return section('new-document', t('newDocumentTitle'), h('p', null, t('newDocumentIntro')), result, errors, form);
}

// The findings of a refused upload, one per line with its line and column.
function findingsContent(error) {
  const out = [];
  if (error instanceof ApiError && error.diagnostics.length) {
    out.push(h('p', { class: 'message-title' }, t('uploadInvalid')));
    out.push(h('ol', { class: 'findings', 'aria-label': t('uploadFindingsLabel'), 'data-testid': 'upload-findings' },
      error.diagnostics.map((d) => {
        const where = d.line ? (d.column ? t('findingLine', { line: d.line, column: d.column }) : t('findingLineOnly', { line: d.line })) : '';
        return h('li', null,
          h('span', { class: 'finding-where' }, [where, d.severity ? ` · ${t(`severity_${d.severity}`) === `severity_${d.severity}` ? d.severity : t(`severity_${d.severity}`)}` : ''].join('')),
          h('span', { class: 'finding-message', lang: 'en' }, d.message || ''),
          d.code ? h('span', { class: 'finding-code' }, ` [${d.code}]`) : null);
      })));
  } else {
    out.push(errorParagraph(error));
  }
  return out;
}

// ---- one document -----------------------------------------------------------------------------

async function pageDocument(route, isCurrent) {
  const id = route.segs[1];
  const [meta, units, docs] = await Promise.all([api.document(id), loadUnits(), loadDocuments().catch(() => [])]);
  const page = new DocumentPage(id, meta, units, docs, isCurrent);
  return { title: meta.title || id, node: page.build() };
}

class DocumentPage {
  constructor(id, meta, units, docs, isCurrent) {
    this.id = id;
    this.meta = meta;
    this.units = units;
    this.docs = new Map(docs.map((d) => [d.id, d]));
    this.isCurrent = isCurrent;
    this.etag = null;
    this.xml = null;
    this.header = null;
    this.shownRevision = null;
  }

  build() {
    const me = user();
    this.canWrite = me && (me.role === 'admin' || (me.role === 'author' && unitCovers(this.units, me.unit, this.meta.unit)));
    this.stateHolder = h('span');
    this.about = h('div', { class: 'about' }, loadingP());
    this.actionsBody = h('div', null, loadingP());
    this.actionResult = messageBox('success', 'action-result');
    this.actionError = messageBox('error', 'action-error');
    this.changesBody = h('div', null, loadingP());
    this.contentBody = h('div', null, loadingP());
    this.historyBody = h('div', null, loadingP());

    const toc = [
      ['doc-actions', t('actionsTitle')],
      this.canWrite ? ['doc-upload', t('uploadTitle')] : null,
      ['doc-changes', t('changesTitle')],
      ['doc-content', t('contentTitle')],
      ['doc-history', t('historyTitle')],
      ['doc-pdf', t('pdfTitle')],
    ].filter(Boolean);

    const node = h('div', { class: 'page page-document' },
      h('p', { class: 'breadcrumb' }, h('a', { href: '#/documents' }, `← ${t('documentsTitle')}`)),
      h('p', { class: 'kicker' }, kindLabel(this.meta.kind)),
      this.h1 = h('h1', { tabindex: '-1' }, this.meta.title || this.id),
      h('p', { class: 'doc-state-line' }, this.stateHolder),
      this.about,
      h('nav', { class: 'toc', 'aria-label': t('onThisPage') }, h('p', { class: 'toc-title', 'aria-hidden': 'true' }, t('onThisPage')), h('ul', null, toc.map(([target, label]) => h('li', null, h('a', { href: `#${target}` }, label))))),
      section('doc-actions', t('actionsTitle'), this.actionResult, this.actionError, this.actionsBody),
      this.canWrite ? this.uploadSection() : null,
      section('doc-changes', t('changesTitle'), this.changesBody),
      section('doc-content', t('contentTitle'), this.contentBody),
      section('doc-history', t('historyTitle'), this.historyBody),
      this.pdfSection());
    this.drawState();
    this.drawAbout();
    this.refresh({ content: true });
    return node;
  }

  // Reloads what a change can alter; the content only when asked (after an upload).
  async refresh({ content = false } = {}) {
    const jobs = [this.loadActions(), this.loadChanges(), this.loadHistory()];
    if (content) {
      jobs.push(this.loadContent());
    }
    await Promise.allSettled(jobs);
  }

  async reloadMeta() {
    try {
      this.meta = await api.document(this.id);
      this.drawState();
      this.drawAbout();
    } catch (error) {
      // The rest of the page still says what it can.
    }
  }

  drawState() {
    clear(this.stateHolder).append(
      h('span', { class: 'inline-label' }, `${t('fieldState')}: `),
      h('span', { 'data-testid': 'document-state' }, stateBadge(this.meta.state)),
      h('span', { class: 'muted' }, ` · ${t('revisionN', { n: this.meta.revision })}`));
  }

  drawAbout() {
    const m = this.meta;
    const hd = this.header;
    const rows = [
      [t('fieldKind'), kindLabel(m.kind)],
      [t('fieldUnit'), unitName(this.units, m.unit)],
      [t('fieldState'), stateBadge(m.state)],
      [t('fieldRevision'), String(m.revision)],
      [t('fieldApprovedRevision'), m.approvedRevision ? String(m.approvedRevision) : t('noneApproved')],
    ];
    if (hd?.documentNumber) {
      rows.push([t('fieldDocumentNumber'), hd.documentNumber]);
    }
    if (hd?.owner) {
      rows.push([t('fieldOwner'), hd.owner]);
    }
    if (hd?.approval) {
      const a = hd.approval;
      rows.push([t('fieldDecision'), [a.by, a.date, a.reference].filter(Boolean).join(', ')]);
    }
    if (hd?.nextReview) {
      const late = hd.nextReview < todayIso();
      rows.push([t('fieldNextReview'), [h('time', { datetime: hd.nextReview }, hd.nextReview), late ? [' ', h('span', { class: 'overdue' }, icon('overdue'), h('span', null, t('reviewOverdueMark')))] : null]]);
    }
    if (hd?.clauses?.length) {
      rows.push([t('fieldClauses'), hd.clauses.map((c) => `${c.number} (${c.edition})`).join(', ')]);
    }
    rows.push([t('fieldId'), h('span', { class: 'ref' }, m.id)]);
    if (m.state === 'published') {
      const href = `/public/${encodeURIComponent(m.id)}.pdf`;
      rows.push([t('fieldPublicPdf'), h('a', { href }, href)]);
    }
    clear(this.about).append(h('h2', { class: 'visually-hidden' }, t('aboutDocument')),
      h('dl', { class: 'meta' }, rows.map(([k, v]) => h('div', null, h('dt', null, k), h('dd', null, v)))));
  }

  // Fetches a section's data and draws it, or says in the section what went wrong.
  async loadSection(body, load, draw) {
    try {
      draw(await load());
    } catch (error) {
      clear(body).append(problemBox(error));
    }
  }

  // ---- actions
  async loadActions() {
    await this.loadSection(this.actionsBody, () => api.actions(this.id), (a) => this.drawActions(a));
  }

  drawActions(actions) {
    const body = clear(this.actionsBody);
    if (!actions.length) {
      body.append(h('p', null, t('actionsNone', { state: stateLabel(this.meta.state) })));
      return;
    }
    body.append(h('p', null, t('actionsIntro', { state: stateLabel(this.meta.state) })));
    const needComment = actions.filter((a) => a.commentRequired);
    const anyAllowed = actions.some((a) => a.allowed);
    let comment = null;
    if (anyAllowed) {
      comment = field({
        id: 'action-comment',
        label: t('comment'),
        hint: needComment.length ? t('commentHint', { actions: needComment.map((a) => actionLabel(a.action)).join(', ') }) : t('commentOptional'),
        control: h('textarea', { rows: '3', maxlength: '4000' }),
      });
      body.append(comment.wrapper);
    }
    const list = h('ul', { class: 'action-list' });
    for (const a of actions) {
      const reasonId = uid('reason');
      const primary = ['submit', 'approve', 'publish'].includes(a.action);
      const btn = button(actionLabel(a.action), {
        kind: a.allowed ? (primary ? 'primary' : ['withdraw', 'retire', 'reject'].includes(a.action) ? 'danger' : 'secondary') : 'secondary',
        'data-action': a.action,
        'aria-describedby': reasonId,
      });
      let note;
      if (!a.allowed) {
        btn.setAttribute('aria-disabled', 'true');
        const reason = translateDetail(a.reason || '');
        note = h('span', { class: 'reason', id: reasonId }, icon('none'), h('span', null, t('actionNotAllowed', { reason: '' }).replace(/\s*$/, ' '), h('span', { lang: reason.lang !== getLang() ? reason.lang : null }, reason.text)));
      } else {
        const bits = [t('actionNext', { state: stateLabel(a.next) })];
        if (a.action === 'approve' && a.quorum > 1) {
          bits.unshift(t('actionQuorum', { v: a.votes, q: a.quorum }));
        }
        if (a.commentRequired) {
          bits.push(t('commentNeeded'));
        }
        note = h('span', { class: 'hint', id: reasonId }, bits.join(' '));
      }
      btn.addEventListener('click', () => this.act(a, btn, comment));
      list.append(h('li', { class: a.allowed ? 'allowed' : 'not-allowed' }, btn, note));
    }
    body.append(list);
  }

  async act(option, btn, comment) {
    if (isDisabled(btn)) {
      return;
    }
    const text = comment?.control.value.trim() ?? '';
    comment?.setError(null);
    showMessage(this.actionError);
    if (option.commentRequired && !text) {
      comment?.setError(t('commentRequired', { action: actionLabel(option.action) }));
      comment?.control.focus();
      return;
    }
    const buttons = Array.from(this.actionsBody.querySelectorAll('button'));
    const wasDisabled = buttons.map(isDisabled);
    buttons.forEach((b) => b.setAttribute('aria-disabled', 'true'));
    setBusy(btn, true, t('working'));
    try {
      const result = await api.transition(this.id, option.action, text);
      invalidate();
      const message = result.status === 202
        ? t('actionVote', { a: result.approvals, q: result.quorum })
        : t('actionDone', { action: actionLabel(option.action), state: stateLabel(result.state) });
      showMessage(this.actionResult, h('p', null, message));
      await this.reloadMeta();
      await this.refresh();
      this.actionsBody.closest('section')?.querySelector('h2')?.focus();
    } catch (error) {
      setBusy(btn, false);
      buttons.forEach((b, i) => (wasDisabled[i] ? b.setAttribute('aria-disabled', 'true') : b.removeAttribute('aria-disabled')));
      showMessage(this.actionResult);
      showMessage(this.actionError, h('p', { class: 'message-title' }, t('actionFailed', { action: actionLabel(option.action) })), errorParagraph(error));
      if (error instanceof ApiError && error.status === 422 && comment) {
        comment.control.focus();
      }
      // The state may have moved on under us: show what is possible now.
      if (error instanceof ApiError && (error.status === 409 || error.status === 403)) {
        await this.reloadMeta();
        await this.loadActions();
      }
    }
  }

  // ---- upload
  uploadSection() {
    const input = h('input', { type: 'file', accept: '.xml,application/xml,text/xml' });
    const file = field({ id: 'upload-file', label: t('uploadFile'), control: input });
    const submit = button(t('uploadButton'), { kind: 'primary', type: 'submit' });
    this.uploadResult = messageBox('success', 'upload-result');
    this.uploadError = messageBox('error', 'upload-error');
    this.uploadNote = h('p', { class: 'note', hidden: true });
    this.downloadHolder = h('p');
    const form = h('form', { novalidate: true }, file.wrapper, h('div', { class: 'form-actions' }, submit));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (isDisabled(submit)) {
        return;
      }
      file.setError(null);
      showMessage(this.uploadResult);
      showMessage(this.uploadError);
      const chosen = pickedFile(input, file, { none: t('uploadNoFile'), tooBig: t('uploadTooBig') });
      if (!chosen) {
        return;
      }
      setBusy(submit, true, t('working'));
      try {
        if (!this.etag) {
          await this.loadContent();
        }
        const saved = await api.putContent(this.id, await chosen.text(), this.etag);
        invalidate();
        form.reset();
        this.meta = { ...this.meta, ...saved };
        showMessage(this.uploadResult, h('p', null, t('uploadSaved', { n: saved.revision })));
        this.drawState();
        await this.refresh({ content: true });
        this.drawAbout();
      } catch (error) {
        if (error instanceof ApiError && error.status === 412) {
          const current = (error.detail.match(/revision is (\d+)/) ?? [])[1] ?? '?';
          showMessage(this.uploadError, h('p', null, t('uploadStale', { n: current })), h('p', null, button(t('reload'), { onClick: () => render() })));
        } else if (error instanceof ApiError && error.status === 409) {
          showMessage(this.uploadError, h('p', null, t('uploadInReview')));
        } else {
          showMessage(this.uploadError, findingsContent(error));
          file.setError(error instanceof ApiError && error.diagnostics.length
            ? t('uploadFindingsShort', { n: error.diagnostics.length })
            : errorText(error).text);
        }
      } finally {
        setBusy(submit, false);
      }
    });
    return section('doc-upload', t('uploadTitle'), h('p', null, t('uploadIntro')), this.downloadHolder, this.uploadNote, this.uploadResult, this.uploadError, form);
  }

  drawUploadNote() {
    if (!this.uploadNote) {
      return;
    }
    this.uploadNote.hidden = this.meta.state !== 'in_review';
    this.uploadNote.textContent = this.meta.state === 'in_review' ? t('uploadInReview') : '';
    if (this.downloadHolder && this.xml) {
      clear(this.downloadHolder).append(this.xmlLink(this.xml, this.meta.revision, t('uploadDownload', { n: this.meta.revision })));
    }
  }

  xmlLink(xml, revision, label) {
    const url = URL.createObjectURL(new Blob([xml], { type: 'application/xml' }));
    pageCleanup.push(() => URL.revokeObjectURL(url));
    return h('a', { href: url, download: `${this.id}-r${revision}.xml`, class: 'download' }, icon('download'), h('span', null, label));
  }

  // ---- changes
  async loadChanges(from, to) {
    try {
      const diff = await api.diff(this.id, from, to);
      this.drawChanges(diff);
    } catch (error) {
      clear(this.changesBody).append(problemBox(error));
    }
  }

  drawChanges(diff) {
    const body = clear(this.changesBody);
    if (this.meta.revision > 1) {
      const revs = Array.from({ length: this.meta.revision }, (_, i) => this.meta.revision - i);
      const fromSel = h('select', null, revs.map((n) => h('option', { value: n, selected: diff.from === n }, String(n))));
      const toSel = h('select', null, revs.map((n) => h('option', { value: n, selected: diff.to === n }, String(n))));
      const f1 = field({ id: 'diff-from', label: t('changesFrom'), control: fromSel, className: 'inline' });
      const f2 = field({ id: 'diff-to', label: t('changesTo'), control: toSel, className: 'inline' });
      const form = h('form', { class: 'toolbar compare' }, f1.wrapper, f2.wrapper, button(t('changesCompare'), { type: 'submit' }));
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        await this.loadChanges(fromSel.value, toSel.value);
        this.changesBody.querySelector('.changes-summary')?.focus();
      });
      body.append(form);
    }
    let summaryText;
    if (diff.from === null || diff.from === undefined) {
      summaryText = t('changesNoBase');
    } else if (diff.approvedRevision && diff.from === diff.approvedRevision) {
      summaryText = t('changesComparedApproved', { from: diff.from, to: diff.to });
    } else {
      summaryText = t('changesCompared', { from: diff.from, to: diff.to });
    }
    const changes = diff.changes ?? [];
    body.append(h('p', { class: 'changes-summary', tabindex: '-1' }, summaryText,
      diff.from !== null && diff.from !== undefined ? [' ', h('strong', null, changes.length ? t('changesCount', { n: changes.length }) : t('changesNone'))] : null));
    if (changes.length) {
      body.append(h('ol', { class: 'changes', 'aria-label': t('changesListLabel'), 'data-testid': 'diff-list' }, changes.map((c) => changeItem(c))));
    }
  }

  // ---- content
  async loadContent(revision) {
    const body = this.contentBody;
    try {
      let xml;
      if (revision && Number(revision) !== this.meta.revision) {
        xml = await api.revision(this.id, revision);
        this.shownRevision = Number(revision);
      } else {
        const latest = await api.content(this.id);
        xml = latest.xml;
        this.etag = latest.etag;
        this.xml = xml;
        this.shownRevision = this.meta.revision;
      }
      let doc;
      try {
        doc = parseXml(xml);
      } catch (error) {
        clear(body).append(h('p', { class: 'message message-error' }, t('contentCannotParse', { message: error.message })));
        return;
      }
      if (this.shownRevision === this.meta.revision) {
        this.header = readHeader(doc);
        const language = textOf(child(child(doc.documentElement, 'header'), 'language'));
        if (/^[a-z]{2,3}$/.test(language) && language !== getLang()) {
          this.h1.setAttribute('lang', language);
        } else {
          this.h1.removeAttribute('lang');
        }
        this.drawAbout();
        this.drawUploadNote();
      }
      const ctx = await this.renderContext(doc);
      const rendered = renderDocument(doc, ctx);
      clear(body);
      const tools = h('div', { class: 'toolbar' });
      if (this.meta.revision > 1) {
        const revs = Array.from({ length: this.meta.revision }, (_, i) => this.meta.revision - i);
        const sel = h('select', null, revs.map((n) => h('option', { value: n, selected: n === this.shownRevision }, n === this.meta.revision ? t('contentLatest', { n }) : String(n))));
        const f = field({ id: 'content-revision', label: t('contentRevision'), control: sel, className: 'inline' });
        const form = h('form', { class: 'inline-form' }, f.wrapper, button(t('contentShow'), { type: 'submit' }));
        form.addEventListener('submit', async (event) => {
          event.preventDefault();
          clear(this.contentBody).append(loadingP());
          await this.loadContent(sel.value);
          this.contentBody.querySelector('.content-status')?.focus();
        });
        tools.append(form);
      }
      tools.append(this.xmlLink(xml, this.shownRevision, t('contentXml', { n: this.shownRevision })));
      if (rendered.querySelector('details')) {
        tools.append(
          button(t('expandAllRecords'), { onClick: () => rendered.querySelectorAll('details').forEach((d) => { d.open = true; }) }),
          button(t('collapseAllRecords'), { onClick: () => rendered.querySelectorAll('details').forEach((d) => { d.open = false; }) }));
      }
      body.append(tools, h('p', { class: 'content-status muted', tabindex: '-1' }, t('contentShowing', { n: this.shownRevision })), rendered);
      body.querySelectorAll('.table-wrap').forEach(markOverflow);
    } catch (error) {
      clear(body).append(problemBox(error));
    }
  }

  async renderContext(doc) {
    const root = doc.documentElement.localName;
    const units = this.units;
    const docs = this.docs;
    const ctx = {
      unitName: (id) => units.get(id)?.name,
      docTitle: (id) => docs.get(id)?.title,
      headingLevel: 3,
    };
    const needsThread = ['strategicPlan', 'operationalPlan', 'followUp', 'objectivesProgramme', 'monitoringResults'].includes(root)
      || doc.getElementsByTagNameNS('*', 'indicatorRef').length > 0;
    const titles = new Map();
    if (needsThread) {
      try {
        const thread = await loadRedThread('');
        const indicators = new Map();
        const rolledIndicators = new Map();
        const goals = new Map();
        const walk = (goal) => {
          goals.set(goal.id, goal);
          titles.set(goal.id, goal.title);
          for (const ind of goal.indicators ?? []) {
            rolledIndicators.set(`${goal.id}/${ind.indicatorId}`, ind);
            if (!indicators.has(ind.indicatorId) || !ind.inherited) {
              indicators.set(ind.indicatorId, { name: ind.name, measure: ind.measure, definedBy: ind.definedBy });
            }
          }
          for (const a of goal.activities ?? []) {
            titles.set(a.id, a.title);
          }
          (goal.goals ?? []).forEach(walk);
        };
        for (const p of thread.perspectives ?? []) {
          (p.goals ?? []).forEach(walk);
        }
        ctx.indicator = (id) => indicators.get(id);
        if (root === 'operationalPlan' || root === 'strategicPlan') {
          ctx.rollupIndicator = (goalId, indId) => rolledIndicators.get(`${goalId}/${indId}`);
          ctx.rollupGoal = (goalId) => goals.get(goalId);
          ctx.rollupPeriod = () => ({ year: thread.year, text: thread.periodText || thread.period });
        }
      } catch {
        // Without the red thread, references show by id.
      }
    }
    if (root === 'followUp') {
      const planRef = doc.getElementsByTagNameNS('*', 'plan')[0]?.getAttribute('ref');
      if (planRef && docs.has(planRef)) {
        try {
          const { xml } = await api.content(planRef);
          for (const [k, v] of titlesOf(parseXml(xml))) {
            titles.set(k, v);
          }
        } catch {
          // The activities show by id.
        }
      }
    }
    if (!PLAN_KINDS.includes(root)) {
      try {
        for (const [k, v] of await loadEmsTitles(docs)) {
          if (!titles.has(k)) {
            titles.set(k, v);
          }
        }
      } catch {
        // References show by id.
      }
    }
    ctx.refTitle = (id) => titles.get(id);
    return ctx;
  }

  // ---- history
  async loadHistory() {
    await this.loadSection(this.historyBody, () => api.history(this.id), (e) => this.drawHistory(e));
  }

  drawHistory(events) {
    const body = clear(this.historyBody);
    const box = h('input', { type: 'checkbox', id: 'history-all', checked: this.historyAll === true });
    const holder = h('div');
    const draw = () => {
      this.historyAll = box.checked;
      const shown = events.filter((e) => box.checked || !(e.action.startsWith('refused.') || e.action === 'pdf.store'));
      clear(holder).append(shown.length
        ? dataTable({
          caption: t('historyCaption'),
          columns: [t('colWhen'), t('colWho'), t('colWhat'), { label: t('colRevision'), class: 'num' }, t('colComment')],
          rows: shown.map((e) => historyRow(e)),
          className: 'history',
        })
        : h('p', null, t('historyNone')));
    };
    box.addEventListener('change', draw);
    body.append(h('div', { class: 'check-inline' }, box, h('label', { for: 'history-all' }, t('historyShowAll'))), holder);
    draw();
  }

  // ---- PDF
  pdfSection() {
    const holder = h('div', { class: 'pdf-holder' });
    const status = h('p', { class: 'muted', role: 'status', 'aria-live': 'polite' });
    const errors = messageBox('error', 'pdf-error');
    const show = button(t('pdfShow'), { kind: 'secondary', 'data-testid': 'pdf-show' });
    show.addEventListener('click', async () => {
      if (isDisabled(show)) {
        return;
      }
      setBusy(show, true, t('pdfLoading'));
      showMessage(errors);
      status.textContent = t('pdfLoading');
      try {
        const blob = await api.pdf(this.id);
        const url = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
        pageCleanup.push(() => URL.revokeObjectURL(url));
        const name = `${this.id}-${this.meta.revision}.pdf`;
        clear(holder).append(
          h('p', null, h('a', { href: url, download: name, class: 'download' }, icon('download'), h('span', null, t('pdfDownload', { name })))),
          h('iframe', { src: url, title: t('pdfFrame', { title: this.meta.title || this.id }), class: 'pdf-frame' }),
          h('p', { class: 'muted' }, t('pdfFallback')));
        status.textContent = t('pdfReady');
      } catch (error) {
        status.textContent = '';
        showMessage(errors, errorParagraph(error));
      } finally {
        setBusy(show, false);
      }
    });
    return section('doc-pdf', t('pdfTitle'), h('p', null, t('pdfIntro')), h('p', null, show), status, errors, holder);
  }
}

// One event of a document's history: when, who, what, revision, comment.
function historyRow(e) {
  let what = historyLabel(e.action);
  let comment = null;
  let detail = e.detail ?? '';
  const refused = e.action.startsWith('refused.');
  if (refused) {
    const action = e.action.slice(8);
    what = t('historyRefused', { action: actionLabel(action).toLowerCase() });
  }
  const vote = e.action.startsWith('vote.') ? detail.match(/^(\d+) of (\d+)(?: comment=([\s\S]*))?$/) : null;
  if (e.action.startsWith('vote.')) {
    what = e.action === 'vote.approve' ? historyLabel('vote') : `${historyLabel('vote')}: ${actionLabel(e.action.slice(5)).toLowerCase()}`;
  }
  const transition = vote ? null : detail.match(/^(\w+) -> (\w+)(?: comment=([\s\S]*))?$/);
  const whatCell = [h('span', { class: 'event' }, what ?? e.action)];
  if (vote) {
    whatCell.push(h('span', { class: 'cell-meta' }, t('approvalsProgress', { a: vote[1], q: vote[2] })));
    if (vote[3] !== undefined) {
      comment = h('span', { class: 'comment' }, vote[3]);
    }
  } else if (transition) {
    whatCell.push(h('span', { class: 'cell-meta' }, `${stateLabel(transition[1])} → ${stateLabel(transition[2])}`));
    if (transition[3] !== undefined) {
      comment = h('span', { class: 'comment' }, transition[3]);
    }
  } else {
    const commentAt = detail.indexOf(' comment=');
    if (commentAt >= 0) {
      comment = h('span', { class: 'comment' }, detail.slice(commentAt + 9));
      detail = detail.slice(0, commentAt);
    }
    if (refused || e.action === 'import.approved' || !/^(kind|sha256)=/.test(detail)) {
      const tr = translateDetail(detail);
      if (tr.text) {
        whatCell.push(h('span', { class: 'cell-meta', lang: tr.lang !== getLang() ? tr.lang : null }, tr.text));
      }
    }
  }
  return [
    h('time', { datetime: isoFromMicros(e.at) }, formatMicros(e.at)),
    e.who || t('none'),
    { th: false, content: whatCell },
    { content: e.revision ? String(e.revision) : t('none'), class: 'num' },
    comment ?? h('span', { class: 'muted' }, t('none')),
  ];
}

// ---- the diff as sentences -----------------------------------------------------------------------

const ATTR_NEUTER = new Set(['value', 'year', 'number', 'id', 'kolada', 'url']);

function segmentLabel(seg, parent) {
  if (seg.startsWith('@')) {
    const name = seg.slice(1);
    return { text: attrLabel(name), gender: ATTR_NEUTER.has(name) ? 'n' : 'c', attr: name };
  }
  const m = seg.match(/^([A-Za-z][\w.-]*)(?:\[([^\]]*)\])?$/);
  if (!m) {
    return { text: seg, gender: 'c' };
  }
  const [, name, key] = m;
  if (name === 'text') {
    return { text: 'Text', gender: 'c' };
  }
  const label = elementLabel(name, parent);
  if (name === 'p' || name === 'item') {
    return { text: key ? `${label.text.toLowerCase()} ${key}` : '', gender: label.gender, minor: true };
  }
  return { text: key ? `${label.text} ${key}` : label.text, gender: label.gender, name };
}

// "target[2025]/@value" → "Målvärde 2025"; "description/p[2]" → "Beskrivning, stycke 2".
function fieldLabel(field, element) {
  if (!field) {
    return { text: '', gender: 'c' };
  }
  const segs = field.split('/');
  if (/^target\[\d{4}\]$/.test(segs[0]) && segs[1] === '@value') {
    return { text: `${elementLabel('target').text} ${segs[0].slice(7, 11)}`, gender: elementLabel('target').gender };
  }
  if (/^target\[\d{4}\]$/.test(segs[0]) && segs[1] === '@yellow') {
    return { text: `${attrLabel('yellow')} ${segs[0].slice(7, 11)}`, gender: 'c' };
  }
  if (/^baseline/.test(segs[0]) && (segs[1] === '@value' || !segs[1])) {
    return { text: elementLabel('baseline').text, gender: elementLabel('baseline').gender };
  }
  const labels = [];
  let parent = element;
  let gender = 'c';
  for (const seg of segs) {
    const l = segmentLabel(seg, parent);
    if (l.text) {
      labels.push(l.text);
      if (!l.minor) {
        gender = l.gender;
      }
    }
    parent = l.name ?? parent;
  }
  const text = labels.join(', ');
  return { text: text.charAt(0).toUpperCase() + text.slice(1), gender };
}

// "perspective[kund]/councilGoal[KF1]" → "Perspektiv kund › KF-mål KF1".
function pathLabel(path) {
  if (!path) {
    return t('theDocument');
  }
  let parent = null;
  return path.split('/').map((seg) => {
    const l = segmentLabel(seg, parent);
    parent = l.name ?? parent;
    return l.text || seg;
  }).join(' › ');
}

function shortValue(v) {
  return v.length <= 48 && !/\n/.test(v);
}

function changeItem(c) {
  const el = elementLabel(c.element || '?');
  const subject = [el.text, c.id ? h('span', { class: 'ref' }, ` ${c.id}`) : null];
  const li = h('li', { class: `change change-${c.change}` }, h('span', { class: `change-badge change-badge-${c.change}` }, changeBadge(c.change)));
  const line = h('p', { class: 'change-line' });
  li.append(line);
  const where = c.path && c.path.includes('/') ? h('p', { class: 'change-where' }, `${t('changeIn')} ${pathLabel(c.path.split('/').slice(0, -1).join('/'))}`) : null;
  if (c.change === 'added' || c.change === 'removed') {
    const summary = c.change === 'added' ? c.after : c.before;
    line.append(h('strong', null, subject, ` ${changeVerb(c.change, el.gender)}`));
    if (c.label || summary) {
      line.append(': ', h('q', null, c.label || summary));
    }
    if (summary && c.label && summary !== c.label) {
      li.append(h('p', { class: 'change-summary' }, summary));
    }
  } else if (c.change === 'changed') {
    const f = fieldLabel(c.field, c.element);
    line.append(h('strong', null, subject), c.label ? h('span', { class: 'change-label' }, ` – ${c.label}`) : null);
    const fieldText = f.text || 'Text';
    const before = c.before ?? '';
    const after = c.after ?? '';
    if (shortValue(before) && shortValue(after)) {
      li.append(h('p', { class: 'change-field' }, `${fieldText} ${changeVerb('changed', f.gender)}: `,
        h('del', null, h('span', { class: 'visually-hidden' }, `${t('changeBefore')}: `), before || t('changeEmpty')),
        h('span', { 'aria-hidden': 'true' }, ' → '),
        h('ins', null, h('span', { class: 'visually-hidden' }, ` ${t('changeAfter')}: `), after || t('changeEmpty'))));
    } else {
      li.append(h('p', { class: 'change-field' }, `${fieldText} ${changeVerb('changed', f.gender)}`),
        h('div', { class: 'before-after' },
          h('div', { class: 'before' }, h('p', { class: 'ba-label' }, t('changeBefore')), h('del', null, before || t('changeEmpty'))),
          h('div', { class: 'after' }, h('p', { class: 'ba-label' }, t('changeAfter')), h('ins', null, after || t('changeEmpty')))));
    }
  } else if (c.change === 'moved') {
    line.append(h('strong', null, subject, ` ${changeVerb('moved', el.gender)}`), c.label ? h('span', { class: 'change-label' }, ` – ${c.label}`) : null);
    li.append(h('p', { class: 'change-field' }, c.field === 'path'
      ? t('changePath', { before: pathLabel(c.before), after: pathLabel(c.after) })
      : t('changePosition', { before: c.before, after: c.after })));
  } else {
    line.append(h('strong', null, subject), ` ${c.change}`);
  }
  if (where) {
    li.append(where);
  }
  return li;
}

// ---- the red thread -----------------------------------------------------------------------------

const PERIOD_KINDS = ['tertial', 'delar', 'helar'];

async function pageRedThread(route) {
  const period = route.query.get('period') ?? '';
  const thread = await loadRedThread(period);
  const title = t('redThreadTitle');
  const year = thread.year;
  const periodSel = h('select', null, PERIOD_KINDS.map((k) => h('option', { value: `${year}-${k}`, selected: thread.period === `${year}-${k}` }, `${valueLabel('kind', k)} ${year}`)));
  const fPeriod = field({ id: 'rt-period', label: t('redThreadPeriod'), control: periodSel, className: 'inline' });
  const periodForm = h('form', { class: 'inline-form' }, fPeriod.wrapper, button(t('redThreadShow'), { type: 'submit' }));
  periodForm.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(`#/redthread?period=${encodeURIComponent(periodSel.value)}`);
  });

  const tree = h('ul', { class: 'tree', 'aria-label': t('redThreadTreeLabel'), 'data-testid': 'redthread-tree' },
    (thread.perspectives ?? []).map((p) => perspectiveNode(p, year)));
  const envBox = h('input', { type: 'checkbox', id: 'rt-env' });
  envBox.addEventListener('change', () => {
    tree.classList.toggle('only-env', envBox.checked);
    if (envBox.checked) {
      tree.querySelectorAll('.node-perspective > details').forEach((d) => { d.open = true; });
    }
  });
  const tools = h('div', { class: 'toolbar' },
    periodForm,
    button(t('expandAll'), { onClick: () => tree.querySelectorAll('details').forEach((d) => { d.open = true; }) }),
    button(t('collapseAll'), { onClick: () => tree.querySelectorAll('details').forEach((d) => { d.open = false; }) }),
    h('div', { class: 'check-inline' }, envBox, h('label', { for: 'rt-env' }, t('onlyEnvironmental'))));

  const legend = h('div', { class: 'legend' },
    h('h2', { class: 'legend-title' }, t('legendTitle')),
    h('ul', null,
      [['green', 'uppfyllt'], ['yellow', 'delvis-uppfyllt'], ['red', 'ej-uppfyllt'], ['not-assessable', 'kan-inte-bedomas']].map(([status, level]) => {
        const scale = (thread.scale ?? []).find((s) => s.level === level);
        const words = [scale?.text ?? valueLabel('level', level), valueLabel('status', status)].filter(Boolean);
        return h('li', null, statusTag(status, words.join(' / ')));
      })));

  const node = pageShell(title,
    h('p', { class: 'lead' }, t('redThreadIntro')),
    h('p', null, h('strong', null, t('redThreadFor', { plan: thread.plan?.title ?? '', period: `${thread.periodText ?? thread.period}, ${year}` })),
      thread.plan?.id ? [' · ', h('a', { href: docHref(thread.plan.id) }, thread.plan.documentNumber || thread.plan.id)] : null),
    tools,
    legend,
    tree);
  return { title, node };
}

function perspectiveNode(p, year) {
  const fulfilment = (p.fulfilment ?? []).filter((f) => f.goals > 0);
  const details = h('details', { open: true },
    h('summary', null,
      h('span', { class: 'node-kind' }, t('perspective')),
      h('span', { class: 'node-title' }, p.name),
      fulfilment.length ? h('span', { class: 'node-meta' }, fulfilment.map((f) => `${f.goals} ${f.text.toLowerCase()}`).join(', ')) : null),
    h('ul', null, (p.goals ?? []).map((g) => goalNode(g, year, true))));
  return h('li', { class: 'node node-perspective' }, details);
}

function goalNode(goal, year, council) {
  const env = goal.environmental === true;
  const subGoals = goal.goals ?? [];
  const body = h('div', { class: 'node-body' });
  const facts = [];
  if (goal.assessment?.manual) {
    facts.push(t('manualAssessment', { computed: goal.assessment.computedText ?? goal.assessment.computed ?? '' }));
  }
  if (goal.coverage) {
    facts.push(t('committeesContributing', { c: goal.coverage.contributing, n: goal.coverage.committees }));
  }
  if (goal.fulfilment && goal.fulfilment.goals) {
    const met = (goal.fulfilment.levels ?? []).find((l) => l.level === 'uppfyllt')?.goals ?? 0;
    facts.push(t('goalsMet', { a: met, n: goal.fulfilment.goals }));
  }
  if (goal.activitySummary?.total) {
    facts.push(t('activitiesSummary', { c: goal.activitySummary.completed, t: goal.activitySummary.total }));
  }
  if (facts.length) {
    body.append(h('p', { class: 'node-facts' }, facts.join(' · ')));
  }
  body.append(h('p', { class: 'node-links' }, h('span', { class: 'muted' }, `${attrLabel('unit')}: ${goal.unit?.name ?? ''}`)));
  if ((goal.indicators ?? []).length) {
    body.append(dataTable({
      caption: t('indicatorsCaption', { id: goal.id }),
      columns: [t('colIndicator'), { label: t('colTarget', { year }), class: 'num' }, { label: t('colOutcome', { year }), class: 'num' }, t('colStatus'), t('colTrend')],
      rows: goal.indicators.map((ind) => [
        { th: true, content: [h('span', { class: 'ref' }, ind.indicatorId), ` ${ind.name}`, h('span', { class: 'cell-meta' }, [ind.measure, ind.inherited ? t('inheritedFrom', { id: ind.definedBy }) : null].filter(Boolean).join(' · '))] },
        { content: ind.targetText ?? t('none'), class: 'num' },
        { content: ind.outcomeText ?? h('span', { class: 'muted' }, t('noOutcome')), class: 'num' },
        statusTag(ind.status, ind.statusText),
        trendTag(ind.trend, ind.trendText),
      ]),
      className: 'indicators compact',
    }));
  }
  if ((goal.activities ?? []).length) {
    body.append(h('p', { class: 'subheading' }, t('activitiesTitle')),
      h('ul', { class: 'activity-list' }, goal.activities.map((a) => h('li', null,
        h('span', { class: 'ref' }, a.id), ` ${a.title} `,
        h('span', { class: 'muted' }, `(${[a.statusText, a.owner, a.due].filter(Boolean).join(', ')})`),
        a.comment ? h('span', { class: 'cell-meta' }, a.comment) : null))));
  }
  if (subGoals.length) {
    body.append(h('ul', null, subGoals.map((g) => goalNode(g, year, false))));
  }
  const summary = h('summary', null,
    statusTag(goal.status, goal.statusText),
    h('span', { class: 'node-kind' }, council ? t('councilGoal') : t('goal'), ' ', h('span', { class: 'ref' }, goal.id)),
    h('span', { class: 'node-title' }, goal.title),
    env ? h('span', { class: 'tag tag-env' }, icon('leaf'), t('environmentalGoal')) : null,
    !council && goal.unit?.name ? h('span', { class: 'node-meta' }, goal.unit.name) : null,
    subGoals.length ? h('span', { class: 'node-meta' }, t('goalsBelow', { n: subGoals.length })) : null);
  return h('li', { class: ['node', council ? 'node-council' : 'node-goal', env ? 'env' : null] },
    h('details', null, summary, body));
}

function trendTag(trend, text) {
  const shape = { improving: 'up', worsening: 'down', stable: 'flat' }[trend] ?? 'none';
  return h('span', { class: `trend trend-${trend ?? 'unknown'}` }, icon(shape), h('span', null, text || t('none')));
}

// ---- ISO 14001 ----------------------------------------------------------------------------------

async function pageIso(route) {
  const edition = route.query.get('edition') === '2026' ? '2026' : '2015';
  const coverage = await api.coverage(edition, getLang());
  const title = t('isoTitle');

  const radios = ['2015', '2026'].map((e) => {
    const id = `edition-${e}`;
    const input = h('input', { type: 'radio', name: 'edition', id, value: e, checked: e === edition });
    // Choosing an edition reloads the matrix in place; focus stays on the choice (arrow keys
    // move through a radio group, so moving focus away would be a change of context).
    input.addEventListener('change', async () => {
      if (!input.checked) {
        return;
      }
      history.replaceState(null, '', `#/iso14001?edition=${e}`);
      await render({ focus: false });
      document.getElementById(id)?.focus();
      announce(t('isoEditionShown', { e }));
    });
    return h('div', { class: 'radio' }, input, h('label', { for: id }, t('isoEditionName', { e })));
  });
  const editionSet = h('fieldset', { class: 'radios inline' }, h('legend', null, t('isoEdition')), radios);

  const s = coverage.summary ?? {};
  const stats = h('dl', { class: 'stats' },
    h('div', { class: 'stat' }, h('dt', null, t('isoClauses')), h('dd', { class: 'stat-value' }, String(s.clauses ?? 0))),
    h('div', { class: 'stat' }, h('dt', null, t('isoCovered')), h('dd', { class: 'stat-value' }, String(s.covered ?? 0))),
    h('div', { class: ['stat', s.gaps ? 'stat-overdue' : null] }, h('dt', null, t('isoGaps')), h('dd', { class: 'stat-value' }, String(s.gaps ?? 0))));
  const stateShape = { approved: 'green', draft: 'yellow', missing: 'red', 'not-documented': 'not-assessable', 'document-control': 'green' };
  const summaryTables = h('div', { class: 'two-col' },
    dataTable({
      caption: t('isoStatesCaption'),
      columns: [t('colState'), { label: t('colCount'), class: 'num' }],
      rows: (s.states ?? []).filter((x) => x.state !== 'heading').map((x) => [{ th: true, content: statusTag(stateShape[x.state], x.text) }, { content: String(x.clauses), class: 'num' }]),
      className: 'compact',
    }),
    dataTable({
      caption: t('isoGapsCaption'),
      columns: [t('colGapKind'), { label: t('colCount'), class: 'num' }],
      rows: (s.gapsByKind ?? []).map((x) => [{ th: true, content: x.text }, { content: String(x.gaps), class: 'num' }]),
      className: 'compact',
    }));

  const onlyGaps = h('input', { type: 'checkbox', id: 'only-gaps' });
  const status = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const matrixHolder = h('div');
  const drawMatrix = () => {
    const all = coverage.clauses ?? [];
    const hasGaps = (c) => (c.gaps ?? []).length > 0;
    const visible = all.filter((c, i) => {
      if (!onlyGaps.checked) {
        return true;
      }
      if (c.state !== 'heading') {
        return hasGaps(c);
      }
      // A heading stays when a clause under it stays.
      return all.some((x) => x.state !== 'heading' && String(x.number).startsWith(`${c.number}.`) && hasGaps(x));
    });
    const rows = [];
    for (const c of visible) {
      if (c.state === 'heading') {
        rows.push(h('tr', { class: ['group-row', `level-${c.level}`] }, h('td', { colspan: '6' }, h('strong', null, `${c.number} ${c.title}`))));
        continue;
      }
      const gaps = c.gaps ?? [];
      const records = c.records ?? [];
      rows.push(h('tr', { class: ['clause-row', `level-${c.level}`], 'data-clause': c.number },
        h('th', { scope: 'row', class: 'clause-number' }, c.number),
        h('td', null, c.title),
        h('td', null, c.documentedInformationText || t('none')),
        h('td', null, statusTag(c.status === 'none' ? 'none' : c.status, [c.stateText || t('none'), gaps.length && c.status === 'yellow' ? t('withGaps') : null].filter(Boolean).join(', '))),
        h('td', null, records.length ? recordsCell(records) : h('span', { class: 'muted' }, t('noRecords'))),
        h('td', null, gaps.length
          ? h('details', { class: 'gaps' }, h('summary', null, icon('warn', 'gap-icon'), t('gapsCount', { n: gaps.length })),
            h('ul', { class: 'plain' }, gaps.map((g) => h('li', null, g.message || g.text))))
          : h('span', { class: 'status status-ok' }, icon('ok'), h('span', { class: 'status-text' }, t('noGaps'))))));
    }
    clear(matrixHolder).append(dataTable({
      caption: t('isoMatrixCaption', { e: edition }),
      columns: [t('colClause'), t('colTitle'), t('colDocInfo'), t('colState'), t('colRecords'), t('colGaps')],
      rows,
      className: 'coverage',
    }));
    status.textContent = t('clausesShown', { n: visible.filter((c) => c.state !== 'heading').length });
  };
  onlyGaps.addEventListener('change', drawMatrix);
  drawMatrix();

  const node = pageShell(title,
    h('p', { class: 'lead' }, t('isoIntro')),
    h('div', { class: 'toolbar' }, editionSet),
    h('p', { class: 'muted' }, t('isoAsOf', { date: coverage.asOf ?? '' })),
    evidenceSection(edition),
    section('iso-summary', t('isoSummary'), stats, summaryTables),
    section('iso-matrix', t('isoMatrixTitle'),
      h('div', { class: 'check-inline' }, onlyGaps, h('label', { for: 'only-gaps' }, t('isoOnlyGaps'))),
      status,
      matrixHolder));
  return { title: `${title} (${edition})`, node };
}

// The documents that serve a clause; a long list (4.4 names every plan) folds after three.
function recordsCell(records) {
  const item = (r) => h('li', null,
    h('a', { href: docHref(r.id) }, [r.documentNumber, r.title].filter(Boolean).join(' ')),
    h('span', { class: 'cell-meta' }, [r.stateText, r.reviewOverdue ? t('reviewOverdueMark') : null].filter(Boolean).join(', ')));
  if (records.length <= 4) {
    return h('ul', { class: 'plain records' }, records.map(item));
  }
  return [
    h('ul', { class: 'plain records' }, records.slice(0, 3).map(item)),
    h('details', { class: 'more' }, h('summary', null, t('moreRecords', { n: records.length - 3 })), h('ul', { class: 'plain records' }, records.slice(3).map(item))),
  ];
}

function evidenceSection(edition) {
  const name = `rodtrad-evidence-${edition}.zip`;
  const btn = button(t('evidenceButton', { e: edition }), { kind: 'primary', 'data-testid': 'evidence-download' });
  btn.prepend(icon('download'));
  const result = messageBox('success', 'evidence-result');
  const errors = messageBox('error', 'evidence-error');
  btn.addEventListener('click', async () => {
    if (isDisabled(btn)) {
      return;
    }
    setBusy(btn, true, t('evidenceWorking'));
    showMessage(errors);
    showMessage(result, h('p', null, t('evidenceWorking')));
    try {
      const blob = await api.evidence(edition);
      const url = URL.createObjectURL(new Blob([blob], { type: 'application/zip' }));
      pageCleanup.push(() => URL.revokeObjectURL(url));
      const link = h('a', { href: url, download: name, class: 'download' }, icon('download'), h('span', null, t('evidenceLink', { name })));
      showMessage(result, h('p', null, t('evidenceDone', { size: formatBytes(blob.size) })), h('p', null, link));
      const auto = h('a', { href: url, download: name, hidden: true });
      document.body.append(auto);
      auto.click();
      auto.remove();
    } catch (error) {
      showMessage(result);
      showMessage(errors, errorParagraph(error));
    } finally {
      setBusy(btn, false);
      btn.prepend(icon('download'));
    }
  });
  return section('iso-evidence', t('evidenceTitle'), h('p', null, t('evidenceIntro')), h('p', null, btn), result, errors);
}

// ---- start ---------------------------------------------------------------------------------------

setLang(getLang());
render({ focus: false });
