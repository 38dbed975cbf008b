// What the browser tests stand on: the real rodtrad-server on a free port with the example
// municipality and users who sign in with passwords, Debian's Chromium driven by Playwright,
// screenshots of every page and the axe-core accessibility check (WCAG 2.1 AA).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const sourceDir = process.env.RODTRAD_SOURCE_DIR ?? path.resolve(here, '../..');
export const serverBinary =
  process.env.RODTRAD_SERVER_BINARY ?? path.join(sourceDir, 'build/dev/workflow/rodtrad-server');
export const screenshotDir =
  process.env.RODTRAD_SCREENSHOTS ?? path.join(sourceDir, 'build/dev/screenshots');

// Every user signs in with the password "demo-<name>".
export const users = [
  ['admin', 'admin', ''],
  ['karin', 'reviewer', ''],
  ['helena', 'approver', ''],
  ['mikael', 'approver', ''],
  ['mattias', 'author', 'tn'],
  ['jonas', 'author', 'klf-hallbarhet'],
];
export const passwordOf = (name) => `demo-${name}`;

// Starts the server on a fresh data directory seeded with the example municipality. Resolves
// to { url, stop() }.
export async function startServer({ rounds = [] } = {}) {
  const data = mkdtempSync(path.join(tmpdir(), 'rodtrad-browser-'));
  for (const [name, role, unit] of users) {
    const args = ['user', 'add', '--data', data, '--name', name, '--role', role,
      '--password-file', '-'];
    if (unit) args.push('--unit', unit);
    execFileSync(serverBinary, args, { input: passwordOf(name) });
  }
  for (const round of rounds) {
    execFileSync(serverBinary, ['round', 'add', '--data', data, '--name', round.name,
      '--due', round.due, ...(round.kinds ? ['--kind', ...round.kinds] : [])]);
  }
  const args = ['serve', '--data', data, '--port', '0', '--seed',
    path.join(sourceDir, 'examples/upplands-vasby')];
  // RODTRAD_WEB_ROOT: the pages from a directory instead of the ones built in (for working on
  // them).
  if (process.env.RODTRAD_WEB_ROOT) args.push('--web-root', process.env.RODTRAD_WEB_ROOT);
  const server = spawn(serverBinary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${log}`)), 60000);
    const read = (chunk) => {
      log += chunk;
      const found = /listening on (http:\/\/[0-9.]+:[0-9]+)\//.exec(log);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    };
    server.stdout.on('data', read);
    server.stderr.on('data', read);
    server.on('exit', (code) => reject(new Error(`the server stopped (${code}):\n${log}`)));
  });
  return {
    url,
    data,
    async stop() {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
      rmSync(data, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// A page that fails the test on any console error or uncaught exception, and on any request
// that leaves the server (nothing may be fetched from elsewhere).
export async function newPage(browser, baseUrl, problems) {
  const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('console', (message) => {
    // A refused request (a wrong password, a 409) is logged by the browser itself; the pages
    // show those, and the tests check what the pages show.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(`console: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(baseUrl) || url.startsWith('blob:') || url.startsWith('data:')) {
      return route.continue();
    }
    problems.push(`request outside the server: ${url}`);
    return route.abort();
  });
  return page;
}

// Saves a full-page screenshot as <screenshotDir>/<name>.png.
export async function screenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

// The WCAG 2.1 A and AA rules of axe-core on the page as it stands; resolves to the violations
// written out for a failure message ('' when there are none).
export async function accessibilityViolations(page) {
  // Evaluated through the debugging protocol: the page's content security policy rightly
  // refuses an injected <script>, and stays on for everything else.
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  return result.violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary}`).join('\n'))
    .join('\n');
}

export function writeReport(name, text) {
  mkdirSync(screenshotDir, { recursive: true });
  writeFileSync(path.join(screenshotDir, name), text);
}
