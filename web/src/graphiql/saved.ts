// A GraphiQL plugin listing accgraph's saved queries as examples: a click opens one, with
// its default variables, in a new tab. gqlgen's page has no slot for a second plugin, so
// this wraps the GraphiQL component it renders to add the plugin to the ones it is given.
// It runs after graphiql.min.js and before the page's own script, using the globals the
// browser builds define (React, GraphiQL, GraphiQL.React).

import type * as S from '../schema';

type SavedQuery = Pick<S.SavedQuery, 'name' | 'title' | 'description' | 'document'> & { variables: Pick<S.SavedVariable, 'name' | 'default'>[] };
interface Editor { setValue(v: string): void }
interface EditorContext { queryEditor: Editor | null; variableEditor: Editor | null; addTab(): void }
type ReactLike = {
  createElement(type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]): unknown;
  useEffect(f: () => void, deps: unknown[]): void;
  useState<T>(v: T): [T, (v: T) => void];
};
type GraphiQLComponent = ((props: Record<string, unknown>) => unknown) & {
  React: { useEditorContext(o: { nonNull: true }): EditorContext };
};

// gqlgen's page has no viewport: without one a phone draws it at desktop width, tiny
if (!document.querySelector('meta[name="viewport"]')) {
  const meta = document.createElement('meta');
  meta.name = 'viewport';
  meta.content = 'width=device-width, initial-scale=1';
  document.head.append(meta);
}

// on a phone the query and variables wrap, as the result does, rather than run off the side
type CodeMirrorHost = HTMLElement & { CodeMirror?: { getOption(k: string): unknown; setOption(k: string, v: unknown): void } };
const phone = window.matchMedia('(max-width: 700px)');
const wrapEditors = () => {
  for (const host of document.querySelectorAll<CodeMirrorHost>('.graphiql-editor .CodeMirror')) {
    if (host.CodeMirror && host.CodeMirror.getOption('lineWrapping') !== phone.matches) host.CodeMirror.setOption('lineWrapping', phone.matches);
  }
};
new MutationObserver(wrapEditors).observe(document.documentElement, { childList: true, subtree: true });
phone.addEventListener('change', wrapEditors);

const w = window as unknown as { React: ReactLike; GraphiQL: GraphiQLComponent };
const React = w.React;
const Real = w.GraphiQL;
const el = React.createElement;

async function load(): Promise<SavedQuery[]> {
  const res = await fetch('/graphql', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: '{ savedQueries { name title description document variables { name default } } }' }),
  });
  const body = await res.json();
  if (body.errors?.length) throw new Error(body.errors[0].message);
  return body.data.savedQueries;
}

function variables(q: SavedQuery): string {
  const vars: Record<string, unknown> = {};
  for (const v of q.variables) if (v.default != null) vars[v.name] = JSON.parse(v.default);
  return JSON.stringify(vars, null, 2);
}

function SavedQueries(): unknown {
  const editors = Real.React.useEditorContext({ nonNull: true });
  const [list, setList] = React.useState<SavedQuery[] | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  React.useEffect(() => { load().then(setList, (e: Error) => setError(e.message)); }, []);
  const open = (q: SavedQuery) => {
    editors.addTab();
    // the new tab's editors are filled once React has switched to it
    setTimeout(() => { editors.queryEditor?.setValue(q.document); editors.variableEditor?.setValue(variables(q)); }, 0);
  };
  return el('div', { className: 'accgraph-saved' },
    el('div', { className: 'graphiql-doc-explorer-title' }, 'Saved queries'),
    el('p', null, 'The questions journalists run by name (also at ', el('a', { href: '/saved' }, '/saved'), '). Click one to open it.'),
    error ? el('p', { className: 'accgraph-saved-error' }, error) : null,
    list === null && !error ? el('p', null, 'Loading…') : null,
    el('ul', null, ...(list ?? []).map((q) => el('li', { key: q.name },
      el('button', { type: 'button', className: 'accgraph-saved-item', onClick: () => open(q) }, q.title),
      q.description ? el('div', { className: 'accgraph-saved-description' }, q.description) : null))));
}

function Icon(): unknown {
  return el('svg', { viewBox: '0 0 24 24', width: '1em', height: '1em', fill: 'none', stroke: 'currentColor', strokeWidth: 1.5 },
    el('path', { d: 'M6 3h12v18l-6-4-6 4z' }));
}

const savedPlugin = { title: 'Saved queries', icon: Icon, content: SavedQueries };

// Headers carry API keys, so GraphiQL neither keeps nor shows them anywhere a page script or
// a shared link could read them: gqlgen's page persists them in localStorage and copies them
// into the URL (?headers=). Before that page's script reads the URL, drop any headers a
// link brings, and the headers an older page stored (the tabs' state keeps a copy per tab).
function forgetHeaders(): void {
  const url = new URL(window.location.href);
  if (url.searchParams.has('headers')) {
    url.searchParams.delete('headers');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  for (let i = localStorage.length - 1; i >= 0; i--) {
    const key = localStorage.key(i);
    if (key === null || !key.startsWith('accgraph:')) continue;
    if (key.endsWith(':headers')) { localStorage.removeItem(key); continue; }
    if (!/:(tabState|queries|favorites)$/.test(key)) continue;
    try {
      localStorage.setItem(key, withoutHeaders(localStorage.getItem(key) ?? 'null'));
    } catch { localStorage.removeItem(key); }
  }
}
forgetHeaders();

/** A stored tab state or history (queries, favorites) with every copy of the headers left out. */
function withoutHeaders(value: string): string {
  const state = JSON.parse(value) as { tabs?: { headers?: unknown }[]; queries?: { headers?: unknown }[]; favorites?: { headers?: unknown }[] } | null;
  for (const item of [...(state?.tabs ?? []), ...(state?.queries ?? []), ...(state?.favorites ?? [])]) delete item.headers;
  return JSON.stringify(state);
}

/** GraphiQL's storage, except that what it keeps of tabs and the history never holds headers (its history plugin copies them). */
function headerlessStorage(base: Storage): Storage {
  return {
    get length() { return base.length; },
    clear: () => base.clear(),
    key: (i: number) => base.key(i),
    getItem: (k: string) => base.getItem(k),
    removeItem: (k: string) => base.removeItem(k),
    setItem: (k: string, v: string) => {
      let kept = v;
      if (/(tabState|queries|favorites)$/.test(k)) {
        try { kept = withoutHeaders(v); } catch { /* not JSON: kept as it is */ }
      }
      base.setItem(k, kept);
    },
  };
}

function GraphiQLWithSaved(props: Record<string, unknown>): unknown {
  const plugins = (props.plugins as unknown[] | undefined) ?? [];
  return el(Real, { ...props, plugins: [...plugins, savedPlugin], storage: headerlessStorage((props.storage as Storage | undefined) ?? localStorage),
    shouldPersistHeaders: false, headers: undefined, onEditHeaders: undefined });
}
// keep GraphiQL's statics (createFetcher, React, GraphQL, Toolbar, …) reachable as before
w.GraphiQL = Object.assign(GraphiQLWithSaved, Real);
