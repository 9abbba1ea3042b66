// Step 15's journeys in a real browser at a desktop's (1440×900) and a phone's (390×844)
// size, asserting what is visible: the room the graph has, readable labels after three
// expansions, paths in view, exports that carry their legend, the table view, shared
// links, undated facts, GraphiQL on a phone and the saved-query forms. Screenshots go to
// web/test-results/.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { artifacts, assertClean, explorerSession, labelOverlaps, point, screenshot, waitShown } from './harness.mjs';

const sizes = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } };
const session = explorerSession();
const open = (path) => session.open(path);
const openAt = (viewport, path) => session.open(path, viewport);

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
      // as cytoscape weighs it: by the zoom rounded up to a power of two
      const zoom = 2 ** Math.ceil(Math.log2(window.explorer.cy.zoom() * devicePixelRatio));
      return parseFloat(e.style('font-size')) * zoom >= parseFloat(e.style('min-zoomed-font-size'));
    }, id);
    const edge = 'member_of:ebrahim-raisi--1988-death-commissions';
    await page.evaluate(() => { window.explorer.cy.zoom(0.9); });
    assert.equal(await edgeLabel(edge), false, 'zoomed out, relationship labels are not drawn');
    await page.evaluate(() => { window.explorer.cy.zoom(2.5); });
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
    assert.match(text, /Sources: The Iranian Regime’s Factions Collaborate When it Comes to Human Rights Abuses — Not stated: an abridged republication/, 'a credit line naming the sources');
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
  await form.locator('.hint', { hasText: 'Default: Head of the Judiciary of Iran' }).waitFor();
  const text = await form.textContent();
  assert.match(text, /Position/, 'the field named in words');
  assert.doesNotMatch(text, /position:iran-head-of-judiciary/, 'its default shown by name, not by internal id');
  assert.equal(await form.locator('input[name="position"]').inputValue(), 'Head of the Judiciary of Iran');
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
