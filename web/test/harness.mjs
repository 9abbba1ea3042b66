// What the browser tests share: a real accgraph server over its own seeded, embedded Neo4j,
// and Debian's Chromium driven by playwright-core, watched so that any request leaving
// 127.0.0.1 and any console error fail the test.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const artifacts = resolve(here, '../test-results');

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
    s.on('error', fail);
  });
}

/**
 * Starts bin/accgraph serve (built by `make build`) on a free port with a private embedded
 * Neo4j, which it seeds with the curated dataset, and waits until it is ready.
 */
export async function startServer() {
  const bin = resolve(here, '../../bin/accgraph');
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run "make build" (or "make test") first`);
  const dir = await mkdtemp(join(tmpdir(), 'accgraph-e2e-'));
  const port = await freePort();
  const env = { ...process.env };
  // the server under test starts its own Neo4j, whatever the calling shell points at
  for (const k of ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE', 'ACCGRAPH_ADDR']) delete env[k];
  const child = spawn(bin, ['serve', '--addr', `127.0.0.1:${port}`, '--neo4j-port', '0', '--neo4j-dir', join(dir, 'neo4j'),
    '--neo4j-heap', '512m', '--neo4j-pagecache', '128m', '--log-format', 'json'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  const exited = new Promise((ok) => child.on('exit', (code, signal) => ok({ code, signal })));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  for (;;) {
    const gone = await Promise.race([exited, new Promise((ok) => setTimeout(() => ok(null), 500))]);
    if (gone) throw new Error(`accgraph serve exited (${JSON.stringify(gone)}) before it was ready:\n${log.slice(-3000)}`);
    const ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) { child.kill('SIGTERM'); throw new Error(`accgraph serve was not ready in 300 s:\n${log.slice(-3000)}`); }
  }
  // the embedded Neo4j's Bolt URI, from the server's log, for the CLI to write to the same graph
  const neo4jURI = log.match(/"msg":"neo4j ready","uri":"([^"]+)"/)?.[1];
  return {
    url,
    neo4jURI,
    log: () => log,
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      await exited;
      clearTimeout(timer);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Runs bin/accgraph with args against the Neo4j at uri; resolves to its output, rejects on failure. */
export function accgraph(uri, ...args) {
  const bin = resolve(here, '../../bin/accgraph');
  return new Promise((ok, fail) => {
    const child = spawn(bin, args, { env: { ...process.env, NEO4J_URI: uri }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    child.on('exit', (code) => (code === 0 ? ok(out) : fail(new Error(`accgraph ${args.join(' ')} exited ${code}:\n${out}`))));
  });
}

export async function launchBrowser() {
  await mkdir(artifacts, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'],
  });
}

/**
 * A page in a fresh context that refuses every request to a host other than 127.0.0.1 and
 * records it, with every console error and uncaught exception: problems() lists them; the
 * viewport is a desktop's unless given (a phone's gets touch).
 */
export async function watchedPage(browser, viewport = { width: 1400, height: 900 }) {
  const context = await browser.newContext({ acceptDownloads: true, viewport, hasTouch: viewport.width < 900 });
  const problems = [];
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.hostname !== '127.0.0.1') {
      problems.push(`request to another host: ${u.href}`);
      return route.abort();
    }
    return route.continue();
  });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('requestfailed', (r) => { if (new URL(r.url()).hostname === '127.0.0.1') problems.push(`failed request: ${r.url()} ${r.failure()?.errorText}`); });
  return { page, context, problems: () => problems };
}

export const screenshot = (page, name) => page.screenshot({ path: join(artifacts, `${name}.png`) });

/**
 * One server and one browser for a test file, started before its tests and stopped after
 * (ACCGRAPH_E2E_URL points the tests at a server already running, while developing, and
 * ACCGRAPH_E2E_NEO4J_URI at its Neo4j). open(path, viewport) opens a watched page there.
 */
export function explorerSession() {
  const s = {
    server: null,
    browser: null,
    async open(path, viewport) {
      const w = await watchedPage(s.browser, viewport);
      await w.page.goto(s.server.url + path);
      return w;
    },
  };
  before(async () => {
    s.server = process.env.ACCGRAPH_E2E_URL
      ? { url: process.env.ACCGRAPH_E2E_URL, neo4jURI: process.env.ACCGRAPH_E2E_NEO4J_URI, stop: async () => {} }
      : await startServer();
    s.browser = await launchBrowser();
  }, { timeout: 330_000 });
  after(async () => {
    await s.browser?.close();
    await s.server?.stop();
  });
  return s;
}

export function assertClean(w) {
  assert.deepEqual(w.problems(), [], 'no request left 127.0.0.1 and the console logged no error');
}

// the graph is a canvas: these read cytoscape's model and click where it drew an element
export const shownIds = (page, selector) => page.evaluate((s) => window.explorer.cy.$(s).map((e) => e.id()).sort(), selector);
export async function point(page, id) {
  return page.evaluate((id) => {
    const el = window.explorer.cy.getElementById(id);
    const p = el.isNode() ? el.renderedPosition() : el.renderedMidpoint();
    const box = window.explorer.cy.container().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
}
/** Waits until the elements of selector include present and none of absent, and the page is idle. */
export const waitShown = (page, selector, present, absent = []) => page.waitForFunction(([s, yes, no]) => {
  const ids = new Set(window.explorer.cy.$(s).map((e) => e.id()));
  return yes.every((i) => ids.has(i)) && no.every((i) => !ids.has(i)) && document.getElementById('status').dataset.busy === 'false';
}, [selector, present, absent]);

/** Pairs of entity labels drawn over each other. */
export const labelOverlaps = (page) => page.evaluate(() => {
  const boxes = window.explorer.cy.nodes(':visible').map((n) => [n.id(), n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true })]);
  const pairs = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, p] = boxes[i];
      const [b, q] = boxes[j];
      if (p.x1 < q.x2 && q.x1 < p.x2 && p.y1 < q.y2 && q.y1 < p.y2) pairs.push(`${a} × ${b}`);
    }
  }
  return pairs;
});
