// The explorer and GraphiQL in a real browser (Debian's Chromium) against the real server
// over a seeded Neo4j. Every test fails on a request that leaves 127.0.0.1 or a console
// error; screenshots go to web/test-results/.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { accgraph, artifacts, launchBrowser, screenshot, startServer, watchedPage } from './harness.mjs';

let server;
let browser;

before(async () => {
  // ACCGRAPH_E2E_URL points the tests at a server already running (while developing)
  // (and ACCGRAPH_E2E_NEO4J_URI at its Neo4j)
  server = process.env.ACCGRAPH_E2E_URL
    ? { url: process.env.ACCGRAPH_E2E_URL, neo4jURI: process.env.ACCGRAPH_E2E_NEO4J_URI, stop: async () => {} }
    : await startServer();
  browser = await launchBrowser();
}, { timeout: 330_000 });

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(path) {
  const w = await watchedPage(browser);
  await w.page.goto(server.url + path);
  return w;
}

function assertClean(w) {
  assert.deepEqual(w.problems(), [], 'no request left 127.0.0.1 and the console logged no error');
}

// the graph is a canvas: these read cytoscape's model and click where it drew an element
const shownIds = (page, selector) => page.evaluate((s) => window.explorer.cy.$(s).map((e) => e.id()).sort(), selector);
async function point(page, id) {
  return page.evaluate((id) => {
    const el = window.explorer.cy.getElementById(id);
    const p = el.isNode() ? el.renderedPosition() : el.renderedMidpoint();
    const box = window.explorer.cy.container().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
}
const waitShown = (page, selector, present, absent = []) => page.waitForFunction(([s, yes, no]) => {
  const ids = new Set(window.explorer.cy.$(s).map((e) => e.id()));
  return yes.every((i) => ids.has(i)) && no.every((i) => !ids.has(i)) && document.getElementById('status').dataset.busy === 'false';
}, [selector, present, absent]);

test('search by another spelling, expand, and read who says so on an edge', async () => {
  const w = await open('/explore');
  const { page } = w;
  await page.fill('#search', 'Raeesi');
  const hit = page.locator('#results li[data-id="person:ebrahim-raisi"]');
  await hit.waitFor();
  const text = await hit.textContent();
  assert.match(text, /Ebrahim Raisi/);
  assert.match(text, /Person/, 'the kind is shown');
  assert.match(text, /matched “Ebrahim Raeesi”/, 'the alias that matched is shown');
  await screenshot(page, 'explore-search');

  await hit.click();
  await page.locator('#panel h2', { hasText: 'Ebrahim Raisi' }).waitFor();
  const details = await page.locator('#panel').textContent();
  assert.match(details, /Also: .*Ebrahim Raeesi/, 'the aliases');
  assert.match(details, /Head of Iran's judiciary when the article was published/, 'the description');
  assert.match(details, /Who says so \(\d+\)/);
  assert.match(details, /The Iranian Regime’s Factions Collaborate When it Comes to Human Rights Abuses — Not stated: an abridged republication.*of an article written for the NCRI, 2021-02/,
    'each citation names its source, publisher and date');
  assert.match(page.url(), /\?ids=person:ebrahim-raisi&selected=person:ebrahim-raisi$/, 'the URL holds the view');
  assert.deepEqual(await shownIds(page, 'node'), ['person:ebrahim-raisi']);

  const modelPosition = (id) => page.evaluate((id) => window.explorer.cy.getElementById(id).position(), id);
  const before = await modelPosition('person:ebrahim-raisi');
  const raisi = await point(page, 'person:ebrahim-raisi');
  await page.mouse.dblclick(raisi.x, raisi.y);
  await waitShown(page, 'node', ['org:1988-death-commissions', 'event:1988-massacre', 'position:iran-head-of-judiciary']);
  await waitShown(page, 'edge', ['member_of:ebrahim-raisi--1988-death-commissions']);
  const after = await modelPosition('person:ebrahim-raisi');
  assert.ok(Math.abs(after.x - before.x) < 1 && Math.abs(after.y - before.y) < 1,
    `the expanded entity keeps its place: ${JSON.stringify(before)} then ${JSON.stringify(after)}`);
  await screenshot(page, 'explore-expanded');

  const edge = await point(page, 'member_of:ebrahim-raisi--1988-death-commissions');
  await page.mouse.click(edge.x, edge.y);
  const panel = page.locator('#panel');
  await panel.locator('h2', { hasText: 'member of' }).waitFor();
  const said = await panel.textContent();
  assert.match(said, /who were both part of the so-called Death Commissions back in 1988/, 'the quote');
  assert.match(said, /ALLEGED/);
  assert.match(said, /claimed by Mansoureh Galestan/);
  assert.match(said, /1988/, 'the dates');
  await screenshot(page, 'explore-edge');
  assertClean(w);
});

test('filters hide kinds, relationship types and weak claims; allegations are dashed, a verdict reported by a party too', async () => {
  const ids = ['person:assadollah-assadi', 'verdict:assadi-belgium', 'event:assadi-bomb-plot', 'org:embassy-rajavi-refers-to'];
  const w = await open(`/explore?ids=${ids.join(',')}`);
  const { page } = w;
  const verdict = 'against:assadi-belgium--assadollah-assadi';
  const plot = 'responsible_for:assadollah-assadi--assadi-bomb-plot';
  await waitShown(page, 'edge', [verdict, plot]);
  const lineStyle = (id) => page.evaluate((id) => window.explorer.cy.getElementById(id).style('line-style'), id);
  assert.equal(await lineStyle(plot), 'dashed', 'an ALLEGED edge is dashed');
  // the seed's only source is a party's article: the verdict it reports is ALLEGED, not a court's record
  assert.equal(await lineStyle(verdict), 'dashed', 'a verdict known only from a party is dashed');

  await page.selectOption('#min-confidence', 'REPORTED');
  await waitShown(page, 'edge:visible', [], [verdict, plot]);
  assert.match(page.url(), /minConfidence=REPORTED/);
  await page.selectOption('#min-confidence', '');
  await waitShown(page, 'edge:visible', [verdict, plot]);

  await page.uncheck('#kinds input[value="EVENT"]');
  await waitShown(page, 'node:visible', ['person:assadollah-assadi'], ['event:assadi-bomb-plot']);
  await page.uncheck('#rels input[value="AGAINST"]');
  await waitShown(page, 'edge:visible', [], [verdict, plot]);
  assert.match(page.url(), /hideKinds=EVENT/);
  assert.match(page.url(), /hideRels=AGAINST/);
  await page.reload();
  await waitShown(page, 'node', ids);
  await waitShown(page, 'edge:visible', [], [verdict, plot]);
  assert.equal(await page.isChecked('#kinds input[value="EVENT"]'), false, 'the filters come back from the URL');
  assertClean(w);
});

test('a big expansion first shows what it would bring', async () => {
  assert.ok(server.neo4jURI, "the server's Neo4j URI is known");
  // an organization with 30 members, through the FollowTheMoney importer
  const lines = [{ id: 'e2e-org', schema: 'PublicBody', properties: { name: ['Ministry of Many Members'] }, datasets: ['e2e'] }];
  for (let i = 1; i <= 30; i++) {
    lines.push({ id: `e2e-p${i}`, schema: 'Person', properties: { name: [`Member Number ${i}`] }, datasets: ['e2e'] });
    lines.push({ id: `e2e-m${i}`, schema: 'Membership', properties: { member: [`e2e-p${i}`], organization: ['e2e-org'] }, datasets: ['e2e'] });
  }
  const file = join(artifacts, 'big-organization.ftm.jsonl');
  await writeFile(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  await accgraph(server.neo4jURI, 'import', 'ftm', file);

  const org = 'org:ftm-e2e-org';
  const w = await open(`/explore?ids=${org}`);
  const { page } = w;
  await waitShown(page, 'node', [org]);
  const at = await point(page, org);
  await page.mouse.dblclick(at.x, at.y);
  await page.locator('#panel h2', { hasText: 'Expand Ministry of Many Members?' }).waitFor();
  const prompt = await page.locator('#panel').textContent();
  assert.match(prompt, /It would bring 30 relationships/);
  assert.match(prompt, /MEMBER_OF←Person30/);
  assert.equal((await shownIds(page, 'node')).length, 1, 'nothing is added before the user agrees');
  await page.click('#panel button:text("Expand all")');
  await page.waitForFunction(() => window.explorer.cy.nodes().length === 31);
  await screenshot(page, 'explore-big-expansion');
  assertClean(w);
});

test('an unknown id in a shared URL is named, and the rest of the view still loads', async () => {
  const w = await open('/explore?ids=person:ebrahim-raisi,person:nobody-at-all');
  const { page } = w;
  await page.locator('#error', { hasText: 'no entity "person:nobody-at-all"' }).waitFor();
  await waitShown(page, 'node', ['person:ebrahim-raisi']);
  assert.match(page.url(), /\?ids=person:ebrahim-raisi$/, 'the unknown id leaves the URL');
  assertClean(w);
});

test('the time slider hides what was not true on the date; back and forward restore it', async () => {
  const ids = ['person:ebrahim-raisi', 'position:iran-head-of-judiciary', 'org:1988-death-commissions',
    'person:tahar-boumedra', 'position:chief-unami-human-rights-office'];
  const w = await open(`/explore?ids=${ids.join(',')}`);
  const { page } = w;
  const raisiPost = 'holds:ebrahim-raisi--iran-head-of-judiciary';
  const commission = 'member_of:ebrahim-raisi--1988-death-commissions';
  const formerPost = 'holds:tahar-boumedra--chief-unami-human-rights-office';
  await waitShown(page, 'edge', [raisiPost, commission, formerPost]);

  await page.check('#time-on');
  await page.fill('#time-date', '2021-02');
  await page.press('#time-date', 'Enter');
  // in 2021 Raisi heads the judiciary and his 1988 commission seat is over; Boumedra's
  // former post, ended by 2021-02 with no other date, stays in view marked undated
  await waitShown(page, 'edge:visible', [raisiPost, formerPost], [commission]);
  const undated = (id) => page.evaluate((id) => window.explorer.cy.getElementById(id).hasClass('undated'), id);
  assert.equal(await undated(formerPost), true, 'an undated relationship is marked as such');
  assert.equal(await undated(raisiPost), false);
  assert.match(await page.textContent('#status'), /1 undated/);
  assert.match(page.url(), /asOf=2021-02/);
  await screenshot(page, 'explore-2021');

  // the slider itself, dragged to July 1988
  await page.evaluate(() => {
    const s = document.getElementById('time-slider');
    s.value = String((1988 - 1950) * 12 + 6);
    s.dispatchEvent(new Event('input'));
    s.dispatchEvent(new Event('change'));
  });
  await waitShown(page, 'edge:visible', [commission, formerPost], [raisiPost]);
  assert.equal(await page.inputValue('#time-date'), '1988-07');
  assert.equal(await page.getAttribute('#time-slider', 'aria-valuetext'), 'July 1988', 'the slider reads as a date');
  await screenshot(page, 'explore-1988');

  await page.goBack();
  await waitShown(page, 'edge:visible', [raisiPost], [commission]);
  assert.equal(await page.inputValue('#time-date'), '2021-02');
  await page.goForward();
  await waitShown(page, 'edge:visible', [commission], [raisiPost]);
  // the undated ones can be left out
  await page.selectOption('#undated', 'hide');
  await waitShown(page, 'edge:visible', [commission], [formerPost]);
  assert.match(page.url(), /undated=hide/);
  await page.selectOption('#undated', 'show');
  await page.uncheck('#time-on');
  await waitShown(page, 'edge:visible', [raisiPost, commission, formerPost]);
  assertClean(w);
});

test('the search box finds full names with stop words first, and, apart, where words are mentioned', async () => {
  const w = await open('/explore');
  const { page } = w;
  await page.fill('#search', 'Head of the Judiciary');
  await page.locator('#results li[data-id="position:iran-head-of-judiciary"]').waitFor();
  assert.equal(await page.getAttribute('#results li[data-id]:first-child', 'data-id'), 'position:iran-head-of-judiciary');

  await page.fill('#search', 'arrest warrant');
  const mention = page.locator('#results li.mention').first();
  await mention.waitFor();
  assert.match(await page.locator('#results li.section').textContent(), /Mentioned in/);
  const said = await mention.textContent();
  assert.match(said, /arrest warrant/, 'the quote holds the words');
  assert.match(said, /— Lars Rise/, 'who says it');
  assert.equal(await mention.locator('mark').first().textContent(), 'arrest', 'the words are marked');
  await screenshot(page, 'explore-mentions');
  // keyboard first: the arrows go down past the names to the first mention; Enter opens it
  const names = await page.locator('#results li[data-id]').count();
  for (let i = 0; i <= names; i++) await page.press('#search', 'ArrowDown');
  assert.equal(await page.getAttribute('#results li.active', 'data-mention'), '0');
  await page.press('#search', 'Enter');
  await page.locator('#panel h2', { hasText: 'Rise: European leaders must add an arrest warrant for Zarif' }).waitFor();
  assertClean(w);
});

test('the path finder connects the convicted diplomat to the foreign minister, with citations', async () => {
  const w = await open('/explore');
  const { page } = w;
  await page.fill('#search', 'Assadi');
  await page.locator('#results li[data-id="person:assadollah-assadi"]').click();
  await page.locator('#panel h2', { hasText: 'Assadollah Assadi' }).waitFor();
  await page.click('#panel button:text("Path from here")');
  // the keyboard works too: the first hit, marked with the arrow key, picked with Enter
  await page.fill('#search', 'Zarif');
  await page.locator('#results li[data-id="person:mohammad-javad-zarif"]').waitFor();
  assert.equal(await page.getAttribute('#results li[data-id]:first-child', 'data-id'), 'person:mohammad-javad-zarif');
  await page.press('#search', 'ArrowDown');
  await page.press('#search', 'Enter');
  await page.locator('#panel h2', { hasText: 'Mohammad Javad Zarif' }).waitFor();
  await page.click('#panel button:text("Path to here")');
  await page.click('#path-find');
  await page.locator('#panel h2', { hasText: 'Paths from Assadollah Assadi to Mohammad Javad Zarif' }).waitFor();
  const panel = await page.locator('#panel').textContent();
  assert.match(panel, /Path 1 — 2 step\(s\)/, 'the shortest path first');
  assert.match(panel, /Assadollah Assadi —RESPONSIBLE_FOR→ Failed bomb attack plot in the Assadi case/);
  assert.match(panel, /the failed bomb attack for which Assadi was jailed/, 'its steps carry their quotes');
  await waitShown(page, '.path', ['person:assadollah-assadi', 'event:assadi-bomb-plot', 'person:mohammad-javad-zarif']);
  assert.match(page.url(), /path=person:assadollah-assadi,person:mohammad-javad-zarif/);
  assert.doesNotMatch(panel, /mention/, 'no path walks a statement unless asked for');
  assert.match(panel, /MEMBER_OF→ Ministry of Foreign Affairs of Iran.*inferred, not stated/s, 'an inferred step says so');
  await screenshot(page, 'explore-paths');
  // asked for, the statements about both join them, each such step marked as a mention
  await page.check('#path-mentions');
  await page.click('#path-find');
  await page.locator('#panel .steps .mention').first().waitFor();
  assert.match(await page.locator('#panel').textContent(), /—ABOUT→.*mention: talk, not a chain of command/s);
  assert.match(page.url(), /mentions=1/);
  assertClean(w);
});

test('the accountability view groups who is responsible by basis', async () => {
  const w = await open('/explore?ids=event:1988-massacre&selected=event:1988-massacre');
  const { page } = w;
  await page.locator('#panel h2', { hasText: '1988 massacre' }).waitFor();
  await page.click('#panel button:text("Accountability")');
  await page.locator('#panel h2', { hasText: 'Accountability: 1988 massacre' }).waitFor();
  const direct = page.locator('#panel section.basis', { hasText: 'Directly responsible' });
  assert.match(await direct.textContent(), /Ebrahim Raisi/);
  const panel = await page.locator('#panel').textContent();
  assert.match(panel, /Members of a responsible body/);
  // a post attested only in 2021 is not said to be held in 1988
  assert.match(panel, /Then.*unknown whether held then: the sources give attested 2021-02 only/s);
  // who accuses is on the entry itself, roles in words, the latest post as the sources date it
  assert.match(await direct.textContent(), /Ebrahim Raisi.*claimed by /s, 'the claimant inline');
  assert.doesNotMatch(panel, /\b(ORDERED|CARRIED_OUT)\b/, 'no role codes');
  assert.match(panel, /Ebrahim Raisi — implicated/, 'the article has him involved, not ordering');
  assert.match(panel, /Latest attested \(2021-02\)Head of the Judiciary/);
  assert.doesNotMatch(panel, /\bNow\b/, 'nothing is said to be held now');
  await screenshot(page, 'explore-accountability');
  assertClean(w);
});

test('PNG and GraphML export download what is on screen', async () => {
  const w = await open('/explore?ids=person:ebrahim-raisi,org:1988-death-commissions');
  const { page } = w;
  await waitShown(page, 'edge', ['member_of:ebrahim-raisi--1988-death-commissions']);
  const [png] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
  const pngPath = join(artifacts, 'export.png');
  await png.saveAs(pngPath);
  const image = await readFile(pngPath);
  assert.ok(image.length > 2000, `a real image, not ${image.length} bytes`);
  assert.deepEqual([...image.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');

  const [gml] = await Promise.all([page.waitForEvent('download'), page.click('#export-graphml')]);
  const gmlPath = join(artifacts, 'export.graphml');
  await gml.saveAs(gmlPath);
  const xml = await readFile(gmlPath, 'utf8');
  assert.match(xml, /<node id="person:ebrahim-raisi">/);
  assert.match(xml, /<edge id="member_of:ebrahim-raisi--1988-death-commissions" source="person:ebrahim-raisi" target="org:1988-death-commissions">/);
  assert.match(xml, /Death Commissions back in 1988/, 'edges carry their citations');
  assertClean(w);
});

test('a saved query runs from the menu as a table with a CSV download', async () => {
  const w = await open('/explore');
  const { page } = w;
  await page.locator('#saved option[value="court-verdicts"]').waitFor({ state: 'attached' });
  await page.selectOption('#saved', 'court-verdicts');
  await page.locator('#panel button', { hasText: 'Run' }).click();
  const table = page.locator('#panel table.saved-table');
  await table.waitFor();
  assert.match(await table.textContent(), /Assadollah Assadi/);
  const href = await page.getAttribute('#saved-csv', 'href');
  assert.equal(href, '/saved/court-verdicts.csv');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#saved-csv')]);
  const csvPath = join(artifacts, 'court-verdicts.csv');
  await csv.saveAs(csvPath);
  assert.match(await readFile(csvPath, 'utf8'), /Assadollah Assadi/);
  await screenshot(page, 'explore-saved');
  assertClean(w);
});

test('GraphiQL loads from the binary alone and runs a query; saved queries are its examples', async () => {
  const query = '{ search(text: "Raeesi") { matched entity { id name } } }';
  const w = await open(`/graphiql?query=${encodeURIComponent(query)}`);
  const { page } = w;
  await page.locator('.graphiql-container').waitFor();
  await page.locator('.graphiql-execute-button').click();
  await page.locator('.result-window', { hasText: 'person:ebrahim-raisi' }).waitFor();
  await screenshot(page, 'graphiql-query');

  await page.locator('button[aria-label="Show Saved queries"]').click();
  await page.locator('.accgraph-saved-item', { hasText: 'Every court verdict' }).click();
  await page.locator('.graphiql-query-editor', { hasText: 'verdicts' }).waitFor();
  await page.locator('.graphiql-execute-button').click();
  await page.locator('.result-window', { hasText: 'Assadollah Assadi' }).waitFor();
  await screenshot(page, 'graphiql-saved');
  assertClean(w);
});

test('GraphiQL neither stores nor echoes the headers that carry an API key', async () => {
  const planted = encodeURIComponent(JSON.stringify({ Authorization: 'Bearer acg_from_a_link' }));
  const w = await open(`/graphiql?query=${encodeURIComponent('{ people { totalCount } }')}&headers=${planted}`);
  const { page } = w;
  await page.locator('.graphiql-container').waitFor();
  assert.doesNotMatch(page.url(), /headers|acg_/, 'headers brought by a link are dropped from the URL');
  await page.locator('button', { hasText: 'Headers' }).click();
  const editor = page.locator('.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror').last();
  await editor.click();
  await page.keyboard.type('{"Authorization": "Bearer acg_typed_secret"}');
  const sent = page.waitForRequest((r) => r.url().endsWith('/graphql') && r.method() === 'POST' && (r.headers().authorization ?? '').includes('acg_typed_secret'));
  await page.locator('.graphiql-execute-button').click();
  await sent; // the typed header is used
  await page.locator('.result-window', { hasText: 'UNAUTHENTICATED' }).waitFor();
  const stored = await page.evaluate(() => Object.keys(localStorage).map((k) => `${k}=${localStorage.getItem(k)}`).join('\n'));
  assert.doesNotMatch(stored, /acg_/, 'no header is kept in localStorage');
  assert.doesNotMatch(page.url(), /headers|acg_/, 'no header is copied into the URL');
  // a 401 logs a failed resource load, which is what a wrong key should do
  assert.deepEqual(w.problems().filter((p) => !p.includes('401')), []);
});

// ---- step 15: every journey at a desktop's and a phone's size

const sizes = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } };

async function openAt(viewport, path) {
  const w = await watchedPage(browser, viewport);
  await w.page.goto(server.url + path);
  return w;
}

/** The box of the graph's canvas on screen, and whether every element of selector is drawn inside it. */
async function inView(page, selector) {
  return page.evaluate((s) => {
    const cy = window.explorer.cy;
    const w = cy.width();
    const h = cy.height();
    const out = cy.$(s).filter((el) => {
      const bb = el.renderedBoundingBox({ includeLabels: false });
      return bb.x1 < -1 || bb.y1 < -1 || bb.x2 > w + 1 || bb.y2 > h + 1;
    });
    return { w, h, out: out.map((el) => el.id()) };
  }, selector);
}

/** Pairs of entity labels drawn over each other. */
const labelOverlaps = (page) => page.evaluate(() => {
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

async function assertFits(page, viewport, size) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(overflow <= viewport.width, `nothing runs off the side: the page is ${overflow} px wide`);
  const graph = await page.locator('#graph').boundingBox();
  const search = await page.locator('#search').boundingBox();
  assert.ok(graph.width >= (size === 'phone' ? viewport.width - 2 : 700) && graph.height >= 300,
    `the graph has the room: ${JSON.stringify(graph)}`);
  assert.ok(search.width >= (size === 'phone' ? 300 : 400), `the search box is usable: ${search.width} px`);
  for (const b of await page.locator('header > *:visible').all()) {
    const box = await b.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= viewport.width, `a header control is on screen: ${JSON.stringify(box)}`);
  }
}

for (const [size, viewport] of Object.entries(sizes)) {
  test(`three expansions of the curated graph stay readable, one request each, never a 429 (${size})`, async () => {
    const w = await openAt(viewport, '/explore?ids=person:ebrahim-raisi');
    const { page } = w;
    const asked = [];
    const statuses = [];
    page.on('request', (r) => { if (r.url().endsWith('/graphql')) asked.push(r.postData() ?? ''); });
    page.on('response', (r) => statuses.push(r.status()));
    await waitShown(page, 'node', ['person:ebrahim-raisi']);
    await assertFits(page, viewport, size);

    // Raisi, then twice the entity with the most neighbours not drawn yet
    const busiest = () => page.evaluate(() => window.explorer.cy.nodes().max((n) => n.data('degree') - n.connectedEdges().length).ele.id());
    for (let i = 0; i < 3; i++) {
      const id = i === 0 ? 'person:ebrahim-raisi' : await busiest();
      const before = asked.length;
      const count = await page.evaluate(() => window.explorer.cy.nodes().length);
      await page.evaluate(() => { window.explorer.cy.elements().unselect(); });
      const at = await point(page, id);
      await page.mouse.dblclick(at.x, at.y);
      await page.waitForFunction((n) => window.explorer.cy.nodes().length > n && document.getElementById('status').dataset.busy === 'false', count);
      const around = asked.slice(before).filter((q) => q.includes('neighborhood'));
      assert.equal(around.length, 1, `expanding ${id} asks its neighbours' neighbourhoods in one request, not ${around.length}`);
      assert.ok(asked.length - before <= 2, `expanding ${id} costs at most the neighbourhoods and the entity: ${asked.length - before} requests`);
    }
    assert.ok(!statuses.includes(429), 'no request was refused for its rate');
    const n = await page.evaluate(() => window.explorer.cy.nodes(':visible').length);
    assert.ok(n >= 20, `three expansions draw a real neighbourhood: ${n} entities`);
    await screenshot(page, `explore-three-expansions-${size}`);
    // nothing selected or hovered (those show their whole label, on top)
    await page.mouse.move(1, 1);
    await page.evaluate(() => { window.explorer.cy.elements().unselect(); });
    assert.deepEqual(await labelOverlaps(page), [], `no two labels of the ${n} entities overlap`);

    // short labels, the full text on selection; relationship labels only when zoomed in or selected
    const labels = await page.evaluate(() => window.explorer.cy.nodes(':visible').map((n) => n.style('label')));
    assert.ok(labels.every((l) => l.length <= 27), `labels are short: ${labels.filter((l) => l.length > 27)}`);
    const statement = await page.evaluate(() => {
      const s = window.explorer.cy.nodes('[kind = "STATEMENT"]:visible').first();
      s.select();
      return { label: s.style('label'), full: s.data('label'), width: s.width() };
    });
    assert.equal(statement.label, statement.full, 'a selected statement shows its whole text');
    assert.ok(statement.width < 20, 'statements are drawn small');
    const edgeLabel = (id) => page.evaluate((id) => {
      const e = window.explorer.cy.getElementById(id);
      return parseFloat(e.style('font-size')) * window.explorer.cy.zoom() >= parseFloat(e.style('min-zoomed-font-size'));
    }, id);
    const edge = 'member_of:ebrahim-raisi--1988-death-commissions';
    await page.evaluate(() => { window.explorer.cy.zoom(0.9); });
    assert.equal(await edgeLabel(edge), false, 'zoomed out, relationship labels are not drawn');
    await page.evaluate(() => { window.explorer.cy.zoom(1.3); });
    assert.equal(await edgeLabel(edge), true, 'zoomed in, they are');
    await page.evaluate(() => { window.explorer.cy.zoom(0.9); });
    await page.evaluate((id) => { window.explorer.cy.getElementById(id).select(); }, edge);
    assert.equal(await edgeLabel(edge), true, 'a selected relationship shows its label at any zoom');

    // a selected person keeps the colour of people
    const colour = await page.evaluate(() => {
      const cy = window.explorer.cy;
      cy.elements().unselect();
      const raisi = cy.getElementById('person:ebrahim-raisi').select();
      return raisi.style('background-color');
    });
    assert.equal(colour, 'rgb(47,111,176)', 'selected, Raisi is still drawn in the Person colour');
    assertClean(w);
  });

  test(`paths fit the room the panel leaves, each in its colour, focused when chosen, cleared by Clear (${size})`, async () => {
    const ends = 'person:assadollah-assadi,person:mohammad-javad-zarif';
    const w = await openAt(viewport, `/explore?ids=${ends}&path=${ends}`);
    const { page } = w;
    await page.locator('#panel h2', { hasText: 'Paths from Assadollah Assadi to Mohammad Javad Zarif' }).waitFor();
    await page.waitForFunction(() => window.explorer.cy.$('.path').nonempty());
    await page.waitForTimeout(300); // the panel's opening resizes the canvas
    const all = await inView(page, '.path');
    assert.deepEqual(all.out, [], `every path is drawn in the ${all.w}×${all.h} px the panel leaves`);
    const swatches = await page.$$eval('#panel .path-item .swatch', (s) => s.map((e) => getComputedStyle(e).backgroundColor.replaceAll(' ', '')));
    assert.ok(swatches.length >= 2, `several paths: ${swatches.length}`);
    assert.equal(new Set(swatches).size, swatches.length, `each path its own colour: ${swatches}`);
    await screenshot(page, `explore-paths-${size}`);

    await page.click('#panel .path-item[data-path="1"] h3 button');
    await page.waitForTimeout(200);
    const marked = await page.evaluate(() => window.explorer.cy.$('edge.path').map((e) => e.style('line-color').replaceAll(' ', '')));
    assert.ok(marked.length >= 1);
    assert.deepEqual([...new Set(marked)], [swatches[1]], 'Path 2 alone is marked, in its colour');
    const second = await inView(page, '.path');
    assert.deepEqual(second.out, [], 'and brought into view');
    await screenshot(page, `explore-path-2-${size}`);

    if (size === 'phone') await page.click('#toggle-controls');
    await page.click('#path-clear');
    await page.locator('#panel h2', { hasText: 'Explore the graph' }).waitFor();
    assert.equal(await page.locator('#panel .path-item').count(), 0, 'Clear clears the paths listed');
    assert.equal(await page.evaluate(() => window.explorer.cy.$('.path').length), 0, 'and their marks');
    assert.doesNotMatch(page.url(), /path=/);
    assert.match(await page.textContent('#announce'), /Paths cleared/);
    assertClean(w);
  });

  test(`an export carries a title, the date, a legend with the confidence key and the sources; an empty view says so (${size})`, async () => {
    const empty = await openAt(viewport, '/explore');
    let downloaded = false;
    empty.page.on('download', () => { downloaded = true; });
    await empty.page.click('#export-png');
    await empty.page.locator('#error', { hasText: 'Nothing to export: the view is empty' }).waitFor();
    await empty.page.waitForTimeout(500);
    assert.equal(downloaded, false, 'no empty file is downloaded');
    await empty.context.close();

    const ids = 'person:ebrahim-raisi,org:1988-death-commissions,event:1988-massacre';
    const w = await openAt(viewport, `/explore?ids=${ids}&asOf=1988`);
    const { page } = w;
    await waitShown(page, 'edge:visible', ['member_of:ebrahim-raisi--1988-death-commissions', 'responsible_for:ebrahim-raisi--1988-massacre']);
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    const file = join(artifacts, `export-legend-${size}.png`);
    await png.saveAs(file);
    const image = await readFile(file);
    // read the image back in the page: its size, and the colours in the band under the drawing
    const seen = await page.evaluate(async (b64) => {
      // (the page's policy allows data: images, not fetching them)
      const load = (src) => new Promise((ok, fail) => { const i = new Image(); i.onload = () => ok(i); i.onerror = fail; i.src = src; });
      const bitmap = await load(`data:image/png;base64,${b64}`);
      const c = document.createElement('canvas');
      c.width = bitmap.width;
      c.height = bitmap.height;
      const ctx = c.getContext('2d');
      ctx.drawImage(bitmap, 0, 0);
      const g = await load(window.explorer.cy.png({ output: 'base64uri', full: true, scale: 2 }));
      const band = ctx.getImageData(0, bitmap.height - 260, bitmap.width, 260).data;
      const near = (hex) => {
        const [r, gg, bb] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
        for (let i = 0; i < band.length; i += 4) if (Math.abs(band[i] - r) < 12 && Math.abs(band[i + 1] - gg) < 12 && Math.abs(band[i + 2] - bb) < 12) return true;
        return false;
      };
      return { w: bitmap.width, h: bitmap.height, gh: g.height, person: near('#2f6fb0'), event: near('#d35400'), line: near('#8a8f98'), ink: near('#1d232b') };
    }, image.toString('base64'));
    assert.ok(seen.h > seen.gh + 200, `the image adds a title and a legend to the drawing: ${seen.h} px tall, the drawing ${seen.gh}`);
    assert.ok(seen.person && seen.event, 'the legend shows the kinds drawn, in their colours');
    assert.ok(seen.line && seen.ink, 'and the line key, in words');

    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('#export-svg')]);
    const svgFile = join(artifacts, `export-legend-${size}.svg`);
    await svg.saveAs(svgFile);
    const text = await readFile(svgFile, 'utf8');
    assert.match(text, /<title>Ebrahim Raisi, 1988 Death Commissions, 1988 massacre of political prisoners<\/title>/, 'a title');
    assert.match(text, /As true in 1988/, 'the date filter');
    assert.match(text, /alleged: a party&#39;s claim/, 'the confidence key');
    assert.match(text, /undated: the sources give no date/, 'the undated mark');
    assert.match(text, /Sources: .*an article written for the NCRI/, 'a credit line naming the sources');
    assert.match(text, /stroke-dasharray="8 5"/, 'allegations dashed in the drawing too');
    assertClean(w);
  });

  test(`the table view lists what is drawn, works by keyboard, and results are announced (${size})`, async () => {
    const w = await openAt(viewport, '/explore?ids=person:ebrahim-raisi,org:1988-death-commissions');
    const { page } = w;
    await waitShown(page, 'edge', ['member_of:ebrahim-raisi--1988-death-commissions']);
    await page.focus('#toggle-table');
    await page.keyboard.press('Enter');
    const rels = page.locator('#drawn-relationships tbody tr');
    await rels.first().waitFor();
    assert.equal(await rels.count(), await page.evaluate(() => window.explorer.cy.edges(':visible').length), 'one row per relationship drawn');
    const row = page.locator('#drawn-relationships tbody tr', { hasText: 'member of' });
    assert.match(await row.textContent(), /Ebrahim Raisi.*member of.*1988 Death Commissions.*1988.*ALLEGED.*claimed by Mansoureh Galestan/);
    await row.locator('button').focus();
    await page.keyboard.press('Enter');
    await page.locator('#panel h2', { hasText: 'member of' }).waitFor();
    assert.match(await page.textContent('#panel'), /Death Commissions back in 1988/, 'its citations, reached by keyboard');
    await screenshot(page, `explore-table-${size}`);

    const count = await page.evaluate(() => window.explorer.cy.nodes().length);
    await page.locator('#drawn-entities tbody tr', { hasText: 'Ebrahim Raisi' }).locator('button:text("Expand")').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => window.explorer.cy.nodes().length > n, count);
    await page.locator('#announce', { hasText: 'neighbours added' }).waitFor();
    assert.equal(await page.getAttribute('#announce', 'aria-live'), 'polite');
    assert.equal(await page.getAttribute('#status', 'role'), 'status');
    assert.ok(await page.locator('#drawn-entities tbody tr').count() > 2, 'the table follows the expansion');
    assertClean(w);
  });
}

test('a shared link lays out the same each time and re-selects its relationship', async () => {
  const edge = 'member_of:ebrahim-raisi--1988-death-commissions';
  const url = `/explore?ids=person:ebrahim-raisi,org:1988-death-commissions,event:1988-massacre,position:iran-head-of-judiciary&selected=${edge}`;
  const positions = [];
  for (let i = 0; i < 2; i++) {
    const w = await open(url);
    await w.page.locator('#panel h2', { hasText: 'member of' }).waitFor();
    assert.equal(await w.page.evaluate((id) => window.explorer.cy.getElementById(id).selected(), edge), true, 'the relationship is selected again');
    positions.push(await w.page.evaluate(() => window.explorer.cy.nodes().map((n) => `${n.id()} ${Math.round(n.position().x)},${Math.round(n.position().y)}`).sort()));
    assertClean(w);
    await w.context.close();
  }
  assert.deepEqual(positions[0], positions[1], 'the same layout');
});

test('under a date undated facts stay, marked; the slider starts at the latest date with data', async () => {
  const w = await open('/explore?ids=event:1988-massacre,person:ebrahim-raisi,org:1988-death-commissions,position:iran-head-of-judiciary');
  const { page } = w;
  const responsible = 'responsible_for:ebrahim-raisi--1988-massacre';
  await waitShown(page, 'edge', [responsible]);
  await page.check('#time-on');
  assert.equal(await page.inputValue('#time-date'), '2021-02', 'the latest month the relationships shown give');
  assert.equal(await page.getAttribute('#time-slider', 'aria-valuetext'), 'February 2021');
  await waitShown(page, 'edge:visible', ['holds:ebrahim-raisi--iran-head-of-judiciary', responsible]);
  await page.fill('#time-date', '1988');
  await page.press('#time-date', 'Enter');
  // on 1988 the massacre still has those responsible: undated, drawn with the undated mark
  await waitShown(page, 'edge:visible', [responsible, 'member_of:ebrahim-raisi--1988-death-commissions'], ['holds:ebrahim-raisi--iran-head-of-judiciary']);
  assert.equal(await page.evaluate((id) => window.explorer.cy.getElementById(id).style('mid-target-arrow-shape'), responsible), 'circle');
  assert.match(await page.textContent('#status'), /undated \(◯ on the line\)/);
  assert.match(await page.textContent('#status'), /1 faded: nothing of theirs shown is true on 1988/, 'the post with nothing true then says why it is faded');
  await screenshot(page, 'explore-undated-1988');
  assertClean(w);
});

test('GraphiQL is usable on a phone: drawn at the phone’s width, the query above its result', async () => {
  const query = '{ search(text: "Raeesi") { matched entity { id name } } }';
  const w = await openAt(sizes.phone, `/graphiql?query=${encodeURIComponent(query)}`);
  const { page } = w;
  await page.locator('.graphiql-container').waitFor();
  assert.equal(await page.evaluate(() => window.innerWidth), 390, 'laid out at the phone’s width, not a desktop’s shrunk');
  await page.locator('.graphiql-execute-button').click();
  await page.locator('.result-window', { hasText: 'person:ebrahim-raisi' }).waitFor();
  const editors = await page.locator('.graphiql-editors').boundingBox();
  const result = await page.locator('.graphiql-response').boundingBox();
  assert.ok(editors.width >= 250 && result.width >= 250, `both readable: ${editors.width} and ${result.width} px wide`);
  assert.ok(result.y >= editors.y + editors.height - 1, 'the result under the query');
  await screenshot(page, 'graphiql-phone');
  assertClean(w);
});

test('a saved-query form: labelled fields, defaults shown, entities picked by name, an old error cleared by the next run', async () => {
  const w = await open('/explore');
  const { page } = w;
  await page.locator('#saved option[value="who-held-post"]').waitFor({ state: 'attached' });
  await page.selectOption('#saved', 'who-held-post');
  const form = page.locator('#panel form.saved-form');
  await form.waitFor();
  const text = await form.textContent();
  assert.match(text, /Position/, 'the field named in words');
  assert.match(text, /Default: position:iran-head-of-judiciary/, 'its default shown');
  assert.match(text, /As of/);
  assert.equal(await form.locator('input[name="position"]').getAttribute('placeholder'), 'type a name, then choose');

  await form.locator('input[name="asOf"]').fill('July');
  await form.locator('button[type="submit"]').click();
  await page.locator('#error:not([hidden])').waitFor();
  await form.locator('input[name="asOf"]').fill('2021-02');
  // typing a name offers the entities the search finds
  await form.locator('input[name="position"]').fill('Justice');
  const option = page.locator('#panel datalist option[label*="Minister of Justice"]').first();
  await option.waitFor({ state: 'attached' });
  await form.locator('input[name="position"]').fill(await option.getAttribute('value'));
  await form.locator('button[type="submit"]').click();
  await page.locator('#panel table.saved-table').waitFor();
  assert.equal(await page.isHidden('#error'), true, 'the earlier error is gone');
  assert.match(await page.textContent('#panel table.saved-table'), /Alireza Avaei/);
  await screenshot(page, 'explore-saved-form');
  // the browser logs the 400 the bad date was answered with; nothing else
  assert.deepEqual(w.problems().filter((p) => !/status of 400 \(Bad Request\)/.test(p)), []);
});
