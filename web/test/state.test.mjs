// The URL state on its own: what a shared link says is read back exactly, and what is
// malformed in it is dropped rather than sent to the server.
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const src = join(dirname(fileURLToPath(import.meta.url)), '../src/explore/state.ts');
const bundle = await build({ entryPoints: [src], bundle: true, format: 'esm', write: false, logLevel: 'silent' });
const { readState, writeState, strongEnough, trueOn, latestDate } = await import(
  'data:text/javascript;base64,' + Buffer.from(bundle.outputFiles[0].text).toString('base64'));
globalThis.location = { pathname: '/explore' };

test('a view written to the URL reads back the same', () => {
  const view = {
    ids: ['person:ebrahim-raisi', 'org:1988-death-commissions'], asOf: '1988-07', minConfidence: 'REPORTED',
    hiddenKinds: ['STATEMENT', 'SOURCE'], hiddenRels: ['ABOUT'], selected: 'person:ebrahim-raisi',
    path: ['person:assadollah-assadi', 'person:mohammad-javad-zarif'], pathMentions: true, hideUndated: true,
  };
  const url = writeState(view);
  assert.equal(url, '?ids=person:ebrahim-raisi,org:1988-death-commissions&asOf=1988-07&minConfidence=REPORTED' +
    '&hideKinds=STATEMENT,SOURCE&hideRels=ABOUT&selected=person:ebrahim-raisi' +
    '&path=person:assadollah-assadi,person:mohammad-javad-zarif&mentions=1&undated=hide');
  assert.deepEqual(readState(url), view);
  assert.equal(writeState(readState('')), '/explore', 'an empty view is the bare page');
});

test('what is malformed in a URL is left out', () => {
  const s = readState('?ids=a,,a,b&asOf=July&minConfidence=SURE&hideKinds=PERSON,ALIEN&hideRels=HOLDS,LOVES&path=only-one');
  assert.deepEqual(s.ids, ['a', 'b'], 'empty and repeated ids dropped');
  assert.equal(s.asOf, null, 'not a partial ISO date');
  assert.equal(s.minConfidence, null, 'not a confidence');
  assert.deepEqual(s.hiddenKinds, ['PERSON']);
  assert.deepEqual(s.hiddenRels, ['HOLDS']);
  assert.equal(s.path, null, 'a path needs two ends');
});

test('a minimum confidence keeps it and what is stronger; none keeps all but RETRACTED', () => {
  assert.ok(strongEnough('ADJUDICATED', 'REPORTED'));
  assert.ok(strongEnough('REPORTED', 'REPORTED'));
  assert.ok(!strongEnough('ALLEGED', 'REPORTED'));
  assert.ok(strongEnough('DISPUTED', null));
  assert.ok(strongEnough('DISPUTED', 'ALLEGED'), 'a denial does not hide what it denies');
  assert.ok(!strongEnough('DISPUTED', 'REPORTED'));
  assert.ok(!strongEnough('RETRACTED', null));
});

test('a date keeps what its days overlap, drops what had ended, and says when a fact is undated', () => {
  assert.equal(trueOn('1988-01-01', '1988-12-31', '1988-07'), true);
  assert.equal(trueOn('1988-01-01', '1988-12-31', '1989'), false);
  assert.equal(trueOn('1986-01-01', null, '2021'), true, 'an open end runs on');
  assert.equal(trueOn(null, '1985-12-31', '1988'), false);
  assert.equal(trueOn('2021-02-01', '2021-02-28', '2021'), true, 'a month within a year');
  assert.equal(trueOn(null, null, '1988'), null, 'undated: neither true nor false');
  assert.equal(trueOn(null, null, '2021-02', '2021-02'), null, 'ended by the month asked: the sources cannot say');
  assert.equal(trueOn(null, null, '2021-03', '2021-02'), false, 'ended before the month asked');
  assert.equal(latestDate(['1988-12-31', null, '2021-02-28', '1990']), '2021-02');
  assert.equal(latestDate([null, undefined]), null);
});
