// A whole approval round through the web pages, in Chromium, with the people who run one: the
// technical committee's author revises its operational plan and submits it, a reviewer asks for
// changes, the author revises again, an approver approves and publishes it, and the published
// plan is there for anyone. Every page is photographed and checked against WCAG 2.1 AA with
// axe-core; parts are done with the keyboard alone.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  accessibilityViolations, launchBrowser, newPage, passwordOf, screenshot, sourceDir,
  startServer,
} from './support.mjs';

const planId = 'vp-tn-2025';
const planFile = path.join(sourceDir, 'examples/upplands-vasby/plans/tn-2025.xml');
const scratch = mkdtempSync(path.join(tmpdir(), 'rodtrad-browser-files-'));

let server;
let browser;
const problems = [];
const violations = [];

before(async () => {
  server = await startServer({
    rounds: [{ name: 'Verksamhetsplaner 2025', due: '2999-01-31', kinds: ['operationalPlan'] }],
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

// A revision of the plan with its title changed, written to a file as a user would pick it.
function revisionFile(name, titleSuffix) {
  const xml = readFileSync(planFile, 'utf8').replace('</title>', `${titleSuffix}</title>`);
  const file = path.join(scratch, name);
  writeFileSync(file, xml);
  return file;
}

// Photographs the page and checks it; the violations are collected and asserted at the end so
// that one page's findings do not hide another's.
async function look(page, name) {
  await page.waitForLoadState('networkidle');
  await screenshot(page, name);
  const found = await accessibilityViolations(page);
  if (found) violations.push(`${name}:\n${found}`);
}

async function signIn(name) {
  const page = await newPage(browser, server.url, problems);
  await page.goto(`${server.url}/#/signin`);
  await page.getByLabel('Användarnamn').fill(name);
  await page.getByLabel('Lösenord').fill(passwordOf(name));
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByTestId('current-user').filter({ hasText: name }).waitFor();
  return page;
}

async function openPlan(page) {
  await page.goto(`${server.url}/#/documents/${planId}`);
  await page.getByTestId('document-state').waitFor();
}

async function upload(page, file) {
  await page.getByLabel('XML-fil med ny revision').setInputFiles(file);
  await page.getByRole('button', { name: 'Ladda upp revision' }).click();
  await page.getByTestId('upload-result').waitFor();
}

const stateOf = (page) => page.getByTestId('document-state');

// Waits until the page shows the document in the state (the test fails if it never does).
async function expectState(page, words) {
  await stateOf(page).filter({ hasText: words }).waitFor();
}

async function act(page, button, nextState) {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.getByTestId('action-result').waitFor();
  await expectState(page, nextState);
}

test('sign-in refuses a wrong password and says so', async () => {
  const page = await newPage(browser, server.url, problems);
  await page.goto(`${server.url}/`);
  await page.getByLabel('Användarnamn').fill('mattias');
  await page.getByLabel('Lösenord').fill('fel lösenord');
  await page.getByRole('button', { name: 'Logga in' }).click();
  const error = page.getByTestId('signin-error');
  await error.waitFor();
  assert.match(await error.innerText(), /lösenord/i);
  await look(page, '01-sign-in-refused');
  await page.close();
});

test('a whole round: revise, submit, changes requested, revise, approve, publish', async () => {
  // The author revises the approved plan and submits the new revision.
  let page = await signIn('mattias');
  await look(page, '02-tasks-author');
  await openPlan(page);
  await expectState(page, 'Fastställd');
  // A file the schema refuses is not stored; its findings are listed with their lines.
  const broken = path.join(scratch, 'broken.xml');
  writeFileSync(broken, readFileSync(planFile, 'utf8').replace('<unit>tn</unit>',
    '<unit>tn</unit>\n    <budget>okänt</budget>'));
  await page.getByLabel('XML-fil med ny revision').setInputFiles(broken);
  await page.getByRole('button', { name: 'Ladda upp revision' }).click();
  const findings = page.getByRole('list', { name: 'Fel i filen' });
  await findings.waitFor();
  assert.match(await findings.innerText(), /Rad 7\b[^]*'budget'/);
  await expectState(page, 'Fastställd');
  await look(page, '03-upload-refused');
  await upload(page, revisionFile('plan-2.xml', ' (reviderad)'));
  await expectState(page, 'Utkast');
  await act(page, 'Skicka för granskning', 'Under granskning');
  await look(page, '04-document-submitted');
  // The author may not approve his own plan: the button says why.
  const approve = page.getByRole('button', { name: 'Godkänn', exact: true });
  assert.equal(await approve.getAttribute('aria-disabled'), 'true');
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await page.getByLabel('Användarnamn').waitFor();
  await page.close();

  // The reviewer finds it among her tasks, sees what changed since the approved revision and
  // asks for changes, with the keyboard alone.
  page = await signIn('karin');
  const tasks = page.getByRole('table', { name: 'Uppgifter som väntar på dig' });
  const link = tasks.getByRole('link', { name: /Verksamhetsplan 2025 – Tekniska nämnden/ });
  await link.focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('document-state').waitFor();
  const diff = page.getByTestId('diff-list');
  await diff.waitFor();
  assert.match(await diff.innerText(), /\(reviderad\)/);
  await page.getByLabel('Kommentar').focus();
  await page.keyboard.type('Aktiviteterna saknar ansvarig.');
  await page.getByRole('button', { name: 'Begär ändringar', exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('action-result').waitFor();
  await expectState(page, 'Ändringar begärda');
  await look(page, '05-document-changes-requested');
  await page.close();

  // The author sees the comment in the history, revises again and submits.
  page = await signIn('mattias');
  await openPlan(page);
  assert.match(await page.getByRole('table', { name: /Händelser för dokumentet/ }).innerText(),
    /Aktiviteterna saknar ansvarig/);
  await upload(page, revisionFile('plan-3.xml', ' (reviderad, med ansvariga)'));
  await expectState(page, 'Utkast');
  await act(page, 'Skicka för granskning', 'Under granskning');
  await page.close();

  // An approver approves and publishes it.
  page = await signIn('helena');
  await look(page, '06-tasks-approver');
  await openPlan(page);
  await act(page, 'Godkänn', 'Fastställd');
  await act(page, 'Publicera', 'Publicerad');
  await look(page, '07-document-published');

  // Anyone can fetch the published plan, without signing in.
  const published = await (await fetch(`${server.url}/public/`)).text();
  assert.match(published, new RegExp(planId));
  const pdf = await fetch(`${server.url}/public/${planId}.pdf`);
  assert.equal(pdf.status, 200);
  assert.equal(pdf.headers.get('content-type'), 'application/pdf');
  await page.close();
});

test('the round, the documents, the red thread and ISO 14001 pages, in both languages', async () => {
  const page = await signIn('helena');
  await page.goto(`${server.url}/#/rounds`);
  await page.getByRole('table', { name: 'Omgångar' }).waitFor();
  await look(page, '08-rounds');
  await page.getByRole('link', { name: 'Verksamhetsplaner 2025' }).click();
  const dashboard = page.getByRole('table', { name: /Dokument i omgången/ });
  await dashboard.waitFor();
  assert.match(await dashboard.innerText(), /Tekniska nämnden|tn/);
  await look(page, '09-round-dashboard');

  await page.goto(`${server.url}/#/documents`);
  await page.getByRole('table', { name: 'Dokument' }).waitFor();
  await look(page, '10-documents');

  await page.goto(`${server.url}/#/redthread`);
  const tree = page.getByTestId('redthread-tree');
  await tree.waitFor();
  await page.getByRole('button', { name: 'Fäll ut alla' }).click();
  // Status in words, not by colour alone.
  assert.match(await tree.innerText(), /Uppfyllt|Delvis uppfyllt|Ej uppfyllt/);
  await look(page, '11-red-thread');

  await page.goto(`${server.url}/#/iso14001`);
  const matrix = page.getByRole('table', { name: /Täckningsmatris för ISO 14001:2015/ });
  await matrix.waitFor();
  assert.match(await matrix.innerText(), /6\.1\.2/);
  await look(page, '12-iso14001');
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120000 }),
    page.getByTestId('evidence-download').click(),
  ]);
  assert.equal(download.suggestedFilename(), 'rodtrad-evidence-2015.zip');
  const zip = path.join(scratch, 'pack.zip');
  await download.saveAs(zip);
  assert.equal(readFileSync(zip).subarray(0, 2).toString('latin1'), 'PK');

  // English on request, remembered for the next page.
  await page.getByTestId('language-switch').click();
  await page.goto(`${server.url}/#/tasks`);
  await page.getByRole('table', { name: 'Tasks waiting for you' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await look(page, '13-tasks-english');
  await page.close();
});

test('no page had a console error, an outside request or an accessibility violation', () => {
  assert.deepEqual(problems, []);
  assert.equal(violations.join('\n\n'), '');
});
