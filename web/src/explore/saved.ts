// The saved queries menu: a query's form in the panel, its table below the form, the
// CSV to download; an old error is cleared by the next run.
import * as api from './api';
import { $, h, show } from './dom';
import * as panels from './panels';

interface Page {
  run: <T>(what: string, task: () => Promise<T>) => Promise<T | undefined>;
  announce: (text: string) => void;
  /** Takes the (wide) panel for the query's form and returns it. */
  open: () => HTMLElement;
}

export async function setupSaved(page: Page): Promise<void> {
  const list = await page.run('Listing saved queries', api.savedQueries);
  if (!list) return;
  const select = $('saved') as HTMLSelectElement;
  select.append(...list.map((q) => h('option', { value: q.name }, q.title)));
  select.addEventListener('change', () => {
    const q = list.find((x) => x.name === select.value);
    select.value = '';
    if (!q) return;
    show(page.open(), panels.savedPanel(q, async (vars) => {
      $('error').hidden = true; // an old error does not stay above a later result
      show($('saved-result'));
      const table = await page.run(`Running ${q.title}`, () => api.runSaved(q.name, vars));
      if (table) {
        show($('saved-result'), panels.savedTable(table, api.savedURL(q.name, vars, '.csv')));
        page.announce(`${q.title}: ${table.rows.length} row(s).`);
      }
    }, async (text) => (await api.search(text)).hits.map((hit) => ({ id: hit.entity.id, name: hit.entity.name, kind: hit.kind })),
    async (id) => (await api.entity(id))?.name ?? null));
  });
}
