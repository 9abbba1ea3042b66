// What step 15's journeys left, in a real browser at a desktop's and a phone's size: the
// search's symbols and Enter, the selected entity's colour, who the accountability report
// cannot place at the time, the Filters drawer under path results, and the claims an
// organization makes. Screenshots go to web/test-results/.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { artifacts, assertClean, explorerSession, point, screenshot, waitShown } from './harness.mjs';

const sizes = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } };
const session = explorerSession();

/** The colour of the screen at (x, y) as [r, g, b], read back from a screenshot. */
async function pixel(page, x, y) {
  const shot = await page.screenshot({ clip: { x: Math.round(x), y: Math.round(y), width: 1, height: 1 } });
  return page.evaluate(async (b64) => {
    const img = await new Promise((ok, fail) => { const i = new Image(); i.onload = () => ok(i); i.onerror = fail; i.src = `data:image/png;base64,${b64}`; });
    const c = document.createElement('canvas');
    c.width = c.height = 1;
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  }, shot.toString('base64'));
}
const near = (rgb, hex) => [1, 3, 5].every((i, k) => Math.abs(rgb[k] - parseInt(hex.slice(i, i + 2), 16)) < 16);

for (const [size, viewport] of Object.entries(sizes)) {
  test(`search results carry the legend's symbols; Enter before they arrive picks the first when they do (${size})`, async () => {
    const w = await session.open('/explore', viewport);
    const { page } = w;
    // the legend's symbol and colour of each kind
    const legend = Object.fromEntries(await page.$$eval('#kinds label', (ls) => ls.map((l) => {
      const g = l.querySelector('.glyph');
      return [l.textContent.slice(g.textContent.length).trim(), [g.textContent, getComputedStyle(g).color]];
    })));
    await page.fill('#search', 'Iran');
    await page.locator('#results li[data-id]').first().waitFor();
    const results = await page.$$eval('#results li[data-id]', (lis) => lis.map((li) => {
      const g = li.querySelector('.glyph');
      return [li.querySelector('.badge').textContent, [g.textContent, getComputedStyle(g).color]];
    }));
    assert.ok(new Set(results.map(([kind]) => kind)).size >= 2, `results of several kinds: ${results}`);
    for (const [kind, symbol] of results) assert.deepEqual(symbol, legend[kind], `a ${kind} result has the legend's symbol`);
    await screenshot(page, `details-search-symbols-${size}`);

    // the search answers slowly: Enter typed at once, then Enter while it is asked
    await page.route('**/graphql', async (route) => {
      if (route.request().postData()?.includes('query Search')) await new Promise((ok) => setTimeout(ok, 800));
      return route.continue();
    });
    await page.fill('#search', 'Raisi');
    await page.press('#search', 'Enter');
    await page.locator('#panel h2', { hasText: 'Ebrahim Raisi' }).waitFor();
    assert.equal(await page.evaluate(() => window.explorer.cy.getElementById('person:ebrahim-raisi').selected()), true, 'Enter picked the first result');
    const asked = page.waitForRequest((r) => r.postData()?.includes('query Search'));
    await page.fill('#search', 'Zarif');
    await asked;
    await page.press('#search', 'Enter'); // the search is on its way
    await page.locator('#panel h2', { hasText: 'Mohammad Javad Zarif' }).waitFor();
    assert.equal(await page.isHidden('#results'), true, 'the results close on the pick');
    assertClean(w);
  });

  test(`a selected entity keeps its kind's colour, outlined, without a grey box (${size})`, async () => {
    const w = await session.open('/explore?ids=person:ebrahim-raisi&selected=person:ebrahim-raisi', viewport);
    const { page } = w;
    await page.locator('#panel h2', { hasText: 'Ebrahim Raisi' }).waitFor();
    await waitShown(page, 'node:selected', ['person:ebrahim-raisi']);
    await page.mouse.move(1, 1);
    await page.waitForTimeout(200);
    const at = await point(page, 'person:ebrahim-raisi');
    const zoom = await page.evaluate(() => window.explorer.cy.zoom());
    assert.ok(near(await pixel(page, at.x, at.y), '#2f6fb0'), 'the middle of the selected person is the Person colour');
    // beside the disc and its outline, where the selection's grey box was drawn: the background
    const beside = await pixel(page, at.x + 15 * zoom, at.y - 15 * zoom);
    assert.ok(near(beside, '#ffffff'), `beside the selected person is white, not a grey box: rgb(${beside})`);
    const outline = await page.evaluate(() => window.explorer.cy.getElementById('person:ebrahim-raisi').style('outline-width'));
    assert.ok(parseFloat(outline) >= 2, `the selection is an outline: ${outline}`);
    await page.screenshot({ path: join(artifacts, `details-selected-${size}.png`), clip: { x: at.x - 60, y: at.y - 60, width: 120, height: 120 } });
    assertClean(w);
  });

  test(`accountability says whom the sources cannot place at the time, and via what (${size})`, async () => {
    const w = await session.open('/explore?ids=event:assadi-bomb-plot&selected=event:assadi-bomb-plot', viewport);
    const { page } = w;
    await page.locator('#panel h2', { hasText: 'Failed bomb attack plot' }).waitFor();
    assert.match(await page.textContent('#panel'), /Kindattack plot/, 'its kind in words, not ATTACK_PLOT');
    await page.locator('#panel button', { hasText: 'Accountability' }).click();
    await page.locator('#panel h2', { hasText: 'Accountability: Failed bomb attack plot' }).waitFor();
    const headings = await page.$$eval('#panel section.basis > h3', (hs) => hs.map((x) => x.textContent));
    assert.deepEqual(headings, ['Directly responsible (5)',
      'Members of a responsible body, at the time or not: the sources do not say (1)',
      'Held a post in a responsible body or above it, at the time or not: the sources do not say (2)',
      'Institutions above the responsible ones (3)'], 'the plot is undated: no heading says anyone held a post then');
    const command = page.locator('#panel section.basis', { hasText: 'Held a post in a responsible body' }).locator(':scope > ul > li');
    const entries = await command.allTextContents();
    assert.ok(entries.every((e) => /Mohammad Javad Zarif — Minister of Foreign Affairs of Iran/.test(e)), `the post by its name: ${entries}`);
    assert.ok(entries.every((e) => /unknown whether held then: the event has no date/.test(e)), 'each says why');
    const vias = entries.map((e) => e.match(/Via(.*?)(Time|Then)/)?.[1]);
    assert.equal(new Set(vias).size, 2, `the two entries for Zarif differ by what their paths run via: ${vias}`);
    await command.first().scrollIntoViewIfNeeded();
    await screenshot(page, `details-accountability-${size}`);
    assertClean(w);
  });
}

test('on a phone, path results close the Filters drawer that asked for them', async () => {
  const w = await session.open('/explore?ids=person:assadollah-assadi,person:mohammad-javad-zarif&selected=person:assadollah-assadi', sizes.phone);
  const { page } = w;
  await page.locator('#panel h2', { hasText: 'Assadollah Assadi' }).waitFor();
  await page.locator('#panel button', { hasText: 'Path from here' }).click();
  await page.evaluate(() => { window.explorer.cy.getElementById('person:mohammad-javad-zarif').emit('tap'); });
  await page.locator('#panel h2', { hasText: 'Mohammad Javad Zarif' }).waitFor();
  await page.locator('#panel button', { hasText: 'Path to here' }).click();
  await page.click('#toggle-controls');
  await page.locator('#path-find').click();
  await page.locator('#panel .path-item').first().waitFor();
  await page.waitForTimeout(300); // the drawer slides away
  const drawer = await page.locator('#controls').boundingBox();
  assert.ok(drawer.x + drawer.width <= 0, `the Filters drawer is off screen: ${JSON.stringify(drawer)}`);
  assert.equal(await page.getAttribute('#toggle-controls', 'aria-expanded'), 'false');
  const first = await page.locator('#panel .path-item h3').first().boundingBox();
  assert.ok(first.y >= 0 && first.y + first.height <= sizes.phone.height, 'the first path is in sight');
  await screenshot(page, 'details-phone-paths');
  assertClean(w);
});

test('the claims an organization makes: its statement and the tallies a source attributes to it', async () => {
  const w = await session.open('/explore');
  const { page } = w;
  await page.locator('#saved option[value="claims-by-organization"]').waitFor({ state: 'attached' });
  await page.selectOption('#saved', 'claims-by-organization');
  const form = page.locator('#panel form.saved-form');
  await form.locator('.hint', { hasText: 'Default: National Council of Resistance of Iran' }).waitFor();
  await form.locator('button[type="submit"]').click();
  const rows = page.locator('#panel table.saved-table tr');
  await rows.nth(1).waitFor();
  assert.equal(await rows.count(), 8, 'a header and a row per claim');
  const tally = await page.locator('#panel table.saved-table tr', { hasText: 'RESPONSIBLE_FOR' }).allTextContents();
  assert.equal(tally.length, 2, 'the NCRI holds the government responsible for the executions of 2020 and of January 2021');
  assert.ok(tally.every((r) => /Government of the Islamic Republic of Iran.*ALLEGED.*— National Council of Resistance of Iran, The Iranian Regime’s Factions/.test(r)), `with the NCRI as claimant: ${tally}`);
  await screenshot(page, 'details-claims');

  await form.locator('input[name="organization"]').fill('Iran');
  await form.locator('button[type="submit"]').click();
  await page.locator('#error', { hasText: '"Iran" matches 10 entities; give the name or id of one: ' }).waitFor();
  assert.match(await page.textContent('#error'), /National Council of Resistance of Iran \(org:ncri\)/, 'the candidates are named');
  // the browser logs the 400 the ambiguous name was answered with; nothing else
  assert.deepEqual(w.problems().filter((p) => !/status of 400 \(Bad Request\)/.test(p)), []);
});
