// What a fresh-eyes tester of step 15 found, in a real browser: a new result replaces the
// last one's marks and title, closed drawers are out of the keyboard's and screen
// readers' way, and GraphiQL fits a phone.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { artifacts, assertClean, explorerSession, labelOverlaps, screenshot } from './harness.mjs';

const session = explorerSession();
const desktop = { width: 1440, height: 900 };
const phone = { width: 390, height: 844 };

test('accountability after paths: the paths’ marks and title go, the view fits the report (1440×900)', async () => {
  const ends = 'person:assadollah-assadi,person:mohammad-javad-zarif';
  const w = await session.open(`/explore?ids=${ends}&path=${ends}`, desktop);
  const { page } = w;
  await page.locator('#panel h2', { hasText: 'Paths from Assadollah Assadi to Mohammad Javad Zarif' }).waitFor();
  await page.waitForFunction(() => window.explorer.cy.$('.path').nonempty());
  await page.fill('#search', '1988 massacre');
  await page.locator('#results li[data-id="event:1988-massacre"]').click();
  await page.locator('#panel h2', { hasText: '1988 massacre' }).waitFor();
  await page.click('#panel button:text("Accountability")');
  await page.locator('#panel h2', { hasText: 'Accountability: 1988 massacre' }).waitFor();
  await page.waitForTimeout(300); // the wide panel resizes the canvas
  const drawn = await page.evaluate(() => {
    const cy = window.explorer.cy;
    const w = cy.width();
    const h = cy.height();
    const out = cy.$('#event\\:1988-massacre, #person\\:ebrahim-raisi').filter((n) => {
      const bb = n.renderedBoundingBox({ includeLabels: true });
      return bb.x1 < -1 || bb.y1 < -1 || bb.x2 > w + 1 || bb.y2 > h + 1;
    }).map((n) => n.id());
    return { marked: cy.$('.path, .faded').map((e) => e.id()), out, opacity: cy.getElementById('event:1988-massacre').style('opacity') };
  });
  assert.deepEqual(drawn.marked, [], 'no path stays marked, nothing stays faded');
  assert.equal(drawn.opacity, '1', 'the massacre is drawn in full');
  assert.deepEqual(drawn.out, [], 'what the report is about, labels and all, is inside the canvas');
  assert.doesNotMatch(page.url(), /path=/, 'the paths leave the URL');
  await screenshot(page, 'results-accountability-after-paths');
  const [svg] = await Promise.all([page.waitForEvent('download'), page.click('#export-svg')]);
  const file = join(artifacts, 'results-accountability-after-paths.svg');
  await svg.saveAs(file);
  const title = (await readFile(file, 'utf8')).match(/<title>([^<]*)<\/title>/)[1];
  assert.doesNotMatch(title, /Paths from/, `the export is not titled after the old paths: ${title}`);
  assertClean(w);
});

/** The element focused, by id or tag, and whether it lies in the Filters drawer. */
const focused = (page) => page.evaluate(() => {
  const e = document.activeElement;
  return { name: e.id || e.tagName, inDrawer: !!e.closest('#controls'), x: e.getBoundingClientRect().x };
});

test('on a phone the closed Filters drawer is inert: Tab never reaches it; open, its controls are reachable (390×844)', async () => {
  const w = await session.open('/explore?ids=person:ebrahim-raisi', phone);
  const { page } = w;
  await page.waitForFunction(() => window.explorer.cy.nodes().nonempty());
  assert.equal(await page.evaluate(() => document.getElementById('controls').inert), true, 'closed, it is inert');
  await page.focus('#search');
  const reached = [];
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press('Tab');
    reached.push(await focused(page));
  }
  assert.deepEqual(reached.filter((f) => f.inDrawer || f.x < 0), [], `Tab reaches nothing off screen: ${reached.map((f) => f.name)}`);
  await page.click('#toggle-controls');
  await page.waitForTimeout(300); // the drawer slides in
  assert.equal(await page.evaluate(() => document.getElementById('controls').inert), false, 'open, it is not');
  const box = await page.locator('#controls').boundingBox();
  assert.ok(box.x >= 0, `and on screen: ${JSON.stringify(box)}`);
  await page.focus('#time-on');
  assert.equal((await focused(page)).name, 'time-on', 'its controls take the focus');
  await screenshot(page, 'results-phone-filters-open');
  await page.click('#toggle-controls');
  assert.equal(await page.evaluate(() => document.getElementById('controls').inert), true, 'closed again, inert again');
  assertClean(w);
});

test('on a wide screen the filters beside the graph are never inert (1440×900)', async () => {
  const w = await session.open('/explore', desktop);
  const { page } = w;
  assert.equal(await page.evaluate(() => document.getElementById('controls').inert || document.getElementById('panel').inert), false);
  await page.focus('#time-on');
  assert.equal((await focused(page)).name, 'time-on');
  assertClean(w);
});

test('GraphiQL on a phone: tools in a row, the query wrapped at full width above its result, both in sight (390×844)', async () => {
  const query = '{ search(text: "Raeesi") { matched entity { id name } } }';
  const w = await session.open(`/graphiql?query=${encodeURIComponent(query)}`, phone);
  const { page } = w;
  await page.locator('.graphiql-container').waitFor();
  await page.locator('.graphiql-execute-button').click();
  await page.locator('.result-window', { hasText: 'person:ebrahim-raisi' }).waitFor();
  const box = (s) => page.locator(s).first().boundingBox();
  const [sidebar, editor, result, run] = await Promise.all([box('.graphiql-sidebar'), box('.graphiql-query-editor .CodeMirror'), box('.graphiql-response'),
    box('.graphiql-execute-button')]);
  assert.ok(sidebar.height <= 60 && sidebar.width >= phone.width - 2, `the sidebar is a row on top: ${JSON.stringify(sidebar)}`);
  assert.ok(editor.width >= 320, `the query editor takes the width: ${editor.width} px`);
  assert.ok(result.width >= 320, `so does the result: ${result.width} px`);
  assert.ok(result.y >= editor.y + editor.height - 1 && result.y + 100 <= phone.height, `the result under the query, in sight: ${JSON.stringify(result)}`);
  assert.ok(run.x >= 0 && run.x + run.width <= phone.width, `the run button on screen: ${JSON.stringify(run)}`);
  // the query is wrapped, not cut: each of its lines ends inside the editor
  const lines = await page.$$eval('.graphiql-query-editor .CodeMirror-line', (ls) => ls.map((l) => {
    const r = document.createRange();
    r.selectNodeContents(l);
    return r.getBoundingClientRect().right;
  }));
  assert.ok(lines.length && lines.every((right) => right <= editor.x + editor.width + 1), `the query's text ends inside the editor: ${lines}`);
  const font = await page.$eval('.graphiql-query-editor .CodeMirror', (e) => parseFloat(getComputedStyle(e).fontSize));
  assert.ok(font >= 14, `a readable font: ${font} px`);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'nothing runs off the side');
  await screenshot(page, 'results-graphiql-phone');
  assertClean(w);
});

test('after three expansions relationship labels wait for a zoom in or a selection; entity labels stay apart (1440×900)', async () => {
  const w = await session.open('/explore?ids=person:ebrahim-raisi', desktop);
  const { page } = w;
  await page.waitForFunction(() => window.explorer.cy.nodes().nonempty() && document.getElementById('status').dataset.busy === 'false');
  for (let i = 0; i < 3; i++) {
    await page.evaluate(async (first) => {
      const cy = window.explorer.cy;
      const id = first ? 'person:ebrahim-raisi' : cy.nodes().max((n) => n.data('degree') - n.connectedEdges().length).ele.id();
      await window.explorer.view.expand(id);
    }, i === 0);
  }
  await page.mouse.move(1, 1);
  const drawn = () => page.evaluate(() => {
    const cy = window.explorer.cy;
    // as cytoscape weighs it: by the zoom rounded up to a power of two
    const zoom = 2 ** Math.ceil(Math.log2(cy.zoom() * devicePixelRatio));
    const labelled = cy.edges(':visible').filter((e) => parseFloat(e.style('font-size')) * zoom >= parseFloat(e.style('min-zoomed-font-size')));
    return { n: cy.nodes(':visible').length, zoom: cy.zoom(), labelled: labelled.map((e) => e.id()) };
  });
  await page.evaluate(() => { window.explorer.cy.elements().unselect(); });
  const fitted = await drawn();
  assert.ok(fitted.n >= 20, `a real neighbourhood: ${fitted.n} entities`);
  assert.deepEqual(fitted.labelled, [], `fitted (zoom ${fitted.zoom.toFixed(2)}), no relationship label is drawn`);
  assert.deepEqual(await labelOverlaps(page), [], 'no two entity labels overlap');
  await screenshot(page, 'results-three-expansions');
  // a selected entity's relationships say what they are
  await page.evaluate(() => { window.explorer.cy.getElementById('person:ebrahim-raisi').select(); });
  const selected = await drawn();
  const own = await page.evaluate(() => window.explorer.cy.getElementById('person:ebrahim-raisi').connectedEdges(':visible').map((e) => e.id()).sort());
  assert.deepEqual(selected.labelled.sort(), own, 'selected, Raisi’s relationships are labelled, and only they');
  await screenshot(page, 'results-three-expansions-selected');
  assertClean(w);
});
