// The explorer and GraphiQL in a real browser (Debian's Chromium) against the real server
// over a seeded Neo4j. Every test fails on a request that leaves 127.0.0.1 or a console
// error; screenshots go to web/test-results/. (journeys.test.mjs: step 15's journeys at a
// desktop's and a phone's size; details.test.mjs: what they left.)
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { accgraph, artifacts, assertClean, explorerSession, point, screenshot, shownIds, waitShown } from './harness.mjs';

const session = explorerSession();
const open = (path) => session.open(path);

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
  assert.ok(session.server.neo4jURI, "the server's Neo4j URI is known");
  // an organization with 30 members, through the FollowTheMoney importer
  const lines = [{ id: 'e2e-org', schema: 'PublicBody', properties: { name: ['Ministry of Many Members'] }, datasets: ['e2e'] }];
  for (let i = 1; i <= 30; i++) {
    lines.push({ id: `e2e-p${i}`, schema: 'Person', properties: { name: [`Member Number ${i}`] }, datasets: ['e2e'] });
    lines.push({ id: `e2e-m${i}`, schema: 'Membership', properties: { member: [`e2e-p${i}`], organization: ['e2e-org'] }, datasets: ['e2e'] });
  }
  const file = join(artifacts, 'big-organization.ftm.jsonl');
  await writeFile(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  await accgraph(session.server.neo4jURI, 'import', 'ftm', file);

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
  assert.match(panel, /Assadollah Assadi —responsible for→ Failed bomb attack plot in the Assadi case/);
  assert.match(panel, /the failed bomb attack for which Assadi was jailed/, 'its steps carry their quotes');
  await waitShown(page, '.path', ['person:assadollah-assadi', 'event:assadi-bomb-plot', 'person:mohammad-javad-zarif']);
  assert.match(page.url(), /path=person:assadollah-assadi,person:mohammad-javad-zarif/);
  assert.doesNotMatch(panel, /mention/, 'no path walks a statement unless asked for');
  assert.match(panel, /member of→ Ministry of Foreign Affairs of Iran.*inferred, not stated/s, 'an inferred step says so');
  await screenshot(page, 'explore-paths');
  // asked for, the statements about both join them, each such step marked as a mention
  await page.check('#path-mentions');
  await page.click('#path-find');
  await page.locator('#panel .steps .mention').first().waitFor();
  assert.match(await page.locator('#panel').textContent(), /—about→.*mention: talk, not a chain of command/s);
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
