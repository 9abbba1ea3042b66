// What is drawn, as tables: every entity and relationship shown (filters applied), with
// its confidence and who says so. The canvas is for eyes and mice; this is the same view
// for the keyboard and screen readers, and for reading the citations side by side.
import { h } from './dom';
import { confidenceBadge, dates } from './panels';
import { kinds, words } from './style';
import type { GraphView } from './view';

export interface TableActions { select(id: string): void; expand(id: string): void }

export function drawnTable(view: GraphView, act: TableActions): HTMLElement[] {
  const nodes = view.cy.nodes(':visible').map((n) => view.nodes.get(n.id())).filter((n) => !!n);
  const edges = view.cy.edges(':visible').map((e) => ({ e: view.edges.get(e.id()), undated: e.hasClass('undated') })).filter((x) => !!x.e);
  const name = (id: string) => view.nodes.get(id)?.label ?? id;
  const button = (label: string, onclick: () => void, title?: string) => h('button', { type: 'button', class: 'link', onclick, title }, label);
  return [
    h('h2', {}, 'What is drawn'),
    h('table', { class: 'drawn', id: 'drawn-entities' },
      h('caption', {}, `Entities (${nodes.length})`),
      h('thead', {}, h('tr', {}, ['Name', 'Kind', 'Confidence', 'Relationships', ''].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, nodes.map((n) => {
        const el = view.cy.getElementById(n!.id);
        const more = n!.degree - el.connectedEdges().length;
        return h('tr', {},
          h('th', { scope: 'row' }, button(n!.label, () => act.select(n!.id), 'Show what it is and who says so')),
          h('td', {}, kinds[n!.kind]?.label ?? n!.kind), h('td', {}, confidenceBadge(n!.confidence)),
          h('td', { class: 'num' }, `${el.connectedEdges(':visible').length} shown${more > 0 ? `, ${more} more` : ''}`),
          h('td', {}, more > 0 ? button('Expand', () => act.expand(n!.id), `Draw its ${more} other relationship(s)`) : ''));
      }))),
    h('table', { class: 'drawn', id: 'drawn-relationships' },
      h('caption', {}, `Relationships (${edges.length})`),
      h('thead', {}, h('tr', {}, ['From', 'Relationship', 'To', 'Dates', 'Confidence', 'Who says so'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, edges.map(({ e, undated }) => h('tr', {},
        h('td', {}, name(e!.source)),
        h('th', { scope: 'row' }, button(words(e!.type) + (e!.role ? ` (${e!.role.replaceAll('_', ' ').toLowerCase()})` : ''), () => act.select(e!.id), 'Show its citations')),
        h('td', {}, name(e!.target)),
        h('td', {}, dates(e!.from, e!.to) ?? (undated ? 'undated' : '')),
        h('td', {}, confidenceBadge(e!.confidence)),
        h('td', {}, h('ul', { class: 'cites' }, e!.citations.map((c) => h('li', {},
          c.source.publisher || c.source.title, c.source.published ? `, ${c.source.published}` : '',
          c.claimedBy ? ` — claimed by ${c.claimedBy.name}` : '')))))))),
  ];
}
