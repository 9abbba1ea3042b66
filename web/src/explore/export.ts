// Saving what is on screen: a PNG of the drawing, and GraphML of the entities and
// relationships shown (filters applied), with their confidence and citations, for
// Gephi, yEd or Cytoscape desktop.
import type { GraphView } from './view';
import { download } from './dom';

export function exportPNG(view: GraphView): void {
  const blob = view.cy.png({ output: 'blob', full: true, bg: '#ffffff', scale: 2 });
  download('accgraph.png', blob);
}

const esc = (v: unknown) => String(v ?? '').replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function graphML(view: GraphView): string {
  const keys = [
    ['label', 'node', 'label'], ['kind', 'node', 'kind'], ['nconfidence', 'node', 'confidence'],
    ['type', 'edge', 'type'], ['role', 'edge', 'role'], ['from', 'edge', 'from'], ['to', 'edge', 'to'],
    ['confidence', 'edge', 'confidence'], ['citations', 'edge', 'citations'],
  ];
  const data = (k: string, v: unknown) => (v === null || v === undefined || v === '' ? '' : `<data key="${k}">${esc(v)}</data>`);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...keys.map(([id, on, name]) => `<key id="${id}" for="${on}" attr.name="${name}" attr.type="string"/>`),
    '<graph id="accgraph" edgedefault="directed">'];
  view.cy.nodes(':visible').forEach((n) => {
    const m = view.nodes.get(n.id());
    out.push(`<node id="${esc(n.id())}">${data('label', m?.label)}${data('kind', m?.kind)}${data('nconfidence', m?.confidence)}</node>`);
  });
  view.cy.edges(':visible').forEach((el) => {
    const e = view.edges.get(el.id());
    if (!e) return;
    const cites = e.citations.map((c) => `${c.source.title}${c.quote ? `: “${c.quote}”` : ''}${c.claimedBy ? ` (${c.claimedBy.name})` : ''}`).join('\n');
    out.push(`<edge id="${esc(e.id)}" source="${esc(e.source)}" target="${esc(e.target)}">${data('type', e.type)}${data('role', e.role)}` +
      `${data('from', e.from)}${data('to', e.to)}${data('confidence', e.confidence)}${data('citations', cites)}</edge>`);
  });
  out.push('</graph>', '</graphml>');
  return out.join('\n') + '\n';
}

export function exportGraphML(view: GraphView): void {
  download('accgraph.graphml', new Blob([graphML(view)], { type: 'application/graphml+xml' }));
}
