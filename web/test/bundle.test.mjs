// The committed bundle in server/webui/dist must be what the sources and the locked
// packages build: rebuild into a temporary directory and compare every file.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const web = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const committed = resolve(web, '../server/webui/dist');

async function files(dir, prefix = '') {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...await files(join(dir, e.name), `${prefix}${e.name}/`));
    else out.push(prefix + e.name);
  }
  return out.sort();
}

test('the committed bundle is what npm run build makes', async () => {
  const fresh = await mkdtemp(join(tmpdir(), 'accgraph-bundle-'));
  try {
    await promisify(execFile)(process.execPath, [join(web, 'build.mjs'), fresh]);
    const want = await files(fresh);
    assert.deepEqual(await files(committed), want, 'server/webui/dist holds the files the build makes: run "cd web && npm run build" and commit');
    for (const f of want) {
      const same = (await readFile(join(fresh, f))).equals(await readFile(join(committed, f)));
      assert.ok(same, `server/webui/dist/${f} is stale: run "cd web && npm run build" and commit it`);
    }
  } finally {
    await rm(fresh, { recursive: true, force: true });
  }
});
