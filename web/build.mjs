// Builds the explorer and the offline GraphiQL into ../server/webui/dist (or the directory
// given as the first argument), where the Go binary embeds them. The output depends only on
// the sources and the locked packages, so a rebuild of an unchanged tree is byte-identical:
// test/bundle.test.mjs relies on that to catch a stale committed bundle.
import { build } from 'esbuild';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] ?? join(here, '../server/webui/dist'));
const pkg = (p) => join(here, 'node_modules', p);

await rm(out, { recursive: true, force: true });
await mkdir(join(out, 'explore'), { recursive: true });
await mkdir(join(out, 'graphiql'), { recursive: true });

const common = { bundle: true, minify: true, target: 'es2021', logLevel: 'warning', legalComments: 'eof' };

// the explorer: one script, one stylesheet, one page
await build({ ...common, entryPoints: [join(here, 'src/explore/main.ts')], format: 'iife',
  outfile: join(out, 'explore/explore.js') });
await build({ ...common, entryPoints: [join(here, 'src/explore/explore.css')],
  outfile: join(out, 'explore/explore.css') });
await copyFile(join(here, 'src/explore/index.html'), join(out, 'explore/index.html'));
await copyFile(join(here, 'src/favicon.svg'), join(out, 'favicon.svg'));

// GraphiQL: the packages' own browser builds, as published, in the slots of gqlgen's page
const vendor = {
  'graphiql.min.js': 'graphiql/graphiql.min.js',
  'graphiql.min.css': 'graphiql/graphiql.min.css',
  'react.production.min.js': 'react/umd/react.production.min.js',
  'react-dom.production.min.js': 'react-dom/umd/react-dom.production.min.js',
};
for (const [name, from] of Object.entries(vendor)) await copyFile(pkg(from), join(out, 'graphiql', name));

// gqlgen's page has one slot for a plugin script and one for its stylesheet: the explorer
// plugin goes there followed by accgraph's saved-queries plugin, which registers itself.
const saved = await build({ ...common, entryPoints: [join(here, 'src/graphiql/saved.ts')], format: 'iife',
  write: false });
const explorerPlugin = await readFile(pkg('@graphiql/plugin-explorer/dist/index.umd.js'), 'utf8');
await writeFile(join(out, 'graphiql/plugins.js'), explorerPlugin + '\n' + saved.outputFiles[0].text);
const savedCSS = await build({ ...common, entryPoints: [join(here, 'src/graphiql/saved.css')], write: false });
const explorerCSS = await readFile(pkg('@graphiql/plugin-explorer/dist/style.css'), 'utf8');
await writeFile(join(out, 'graphiql/plugins.css'), explorerCSS + '\n' + savedCSS.outputFiles[0].text);
