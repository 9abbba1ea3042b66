// Saving what is on screen: a PNG or SVG of the drawing that keeps its meaning when
// published (a title, the date and filters, the legend of what is drawn with the
// confidence key, and a credit line naming the sources), and GraphML of the entities and
// relationships shown (filters applied), with their confidence and citations, for Gephi,
// yEd or Cytoscape desktop.
import type { Confidence, GraphEdge, Kind } from './api';
import { $, download } from './dom';
import { type ViewState, monthWords } from './state';
import { confidences, glyphs, kinds, lines, moreRing } from './style';
import type { GraphView } from './view';

/** What an exported image says besides the drawing. */
export interface Picture {
  title: string;
  /** The date and filters the view is drawn with, in words. */
  filters: string;
  kinds: Kind[];
  confidences: Confidence[];
  undated: boolean;
  expandable: boolean;
  /** The publishers (or titles) of the sources cited by what is drawn. */
  sources: string[];
  /** The day of the export. */
  date: string;
}

/** One thing drawn on the sheet around the graph, in sheet pixels. */
type Mark =
  | { text: string; x: number; y: number; size: number; bold?: boolean; color?: string }
  | { line: [number, number, number, number]; width: number; dash: number[]; color: string }
  | { circle: [number, number, number]; stroke: string; width: number; fill: string };

interface Sheet { width: number; height: number; graph: { x: number; y: number }; marks: Mark[] }

const font = (size: number, bold = false) => `${bold ? 'bold ' : ''}${size}px system-ui, "DejaVu Sans", sans-serif`;
const dashes: Record<string, number[]> = { solid: [], dashed: [8, 5], dotted: [2, 4] };
const ink = '#1d232b';
const grey = '#8a8f98';

/** Lays out the title, filters, legend and credit around a graph of w × h pixels. */
function sheet(p: Picture, w: number, h: number): Sheet {
  const measure = document.createElement('canvas').getContext('2d')!;
  const width = Math.max(w + 48, 900);
  const marks: Mark[] = [];
  const pad = 24;
  let y = pad + 24;
  const wrap = (text: string, size: number, bold = false, color = ink) => {
    measure.font = font(size, bold);
    let line = '';
    for (const word of text.split(' ')) {
      const next = line ? `${line} ${word}` : word;
      if (measure.measureText(next).width > width - 2 * pad && line) {
        marks.push({ text: line, x: pad, y, size, bold, color });
        y += size * 1.35;
        line = word;
      } else line = next;
    }
    if (line) marks.push({ text: line, x: pad, y, size, bold, color });
    y += size * 1.35;
  };
  wrap(p.title, 24, true);
  wrap(p.filters, 14, false, '#445');
  const graph = { x: Math.round((width - w) / 2), y: Math.round(y) };
  y += h + 20;

  // the legend: what each shape and each line means, for what is drawn
  let x = pad;
  const item = (draw: (x: number, y: number) => number, text: string) => {
    measure.font = font(13);
    const need = 40 + measure.measureText(text).width + 18;
    if (x + need > width - pad) { x = pad; y += 22; }
    const at = x + draw(x, y - 4);
    marks.push({ text, x: at, y, size: 13, color: ink });
    x = at + measure.measureText(text).width + 18;
  };
  const glyph = (k: Kind) => (gx: number, gy: number) => {
    marks.push({ text: glyphs[k], x: gx, y: gy + 9, size: 16, color: kinds[k].color });
    return 22;
  };
  const stroke = (style: string, wdt: number) => (lx: number, ly: number) => {
    marks.push({ line: [lx, ly, lx + 34, ly], width: wdt, dash: dashes[style], color: grey });
    return 40;
  };
  marks.push({ text: 'Legend', x: pad, y, size: 13, bold: true });
  x = pad + 64;
  for (const k of p.kinds) item(glyph(k), kinds[k].label);
  if (p.expandable) item((rx, ry) => { marks.push({ circle: [rx + 8, ry, 7], stroke: moreRing, width: 3, fill: '#ffffff' }); return 22; }, 'more neighbours not drawn');
  x = pad + 64;
  y += 24;
  for (const c of p.confidences) item(stroke(lines[c].style, lines[c].width), `${c.toLowerCase()}: ${lines[c].label}`);
  if (p.undated) item((lx, ly) => {
    marks.push({ line: [lx, ly, lx + 34, ly], width: 1.5, dash: [], color: grey });
    marks.push({ circle: [lx + 17, ly, 4], stroke: '#555', width: 1.5, fill: '#ffffff' });
    return 40;
  }, 'undated: the sources give no date');
  y += 30;
  wrap(`Sources: ${p.sources.length ? p.sources.join('; ') : 'none cited by what is drawn'}. ` +
    `Dashed lines are allegations by a party, not findings. Graphic: accgraph, ${p.date}.`, 12, false, '#445');
  return { width, height: Math.ceil(y + pad - 12), graph, marks };
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((ok, fail) => {
    const img = new Image();
    img.onload = () => ok(img);
    img.onerror = () => fail(new Error('the drawing could not be rendered'));
    img.src = src;
  });
}

const scale = 2;

export async function exportPNG(view: GraphView, p: Picture): Promise<void> {
  const graph = await loadImage(view.cy.png({ output: 'base64uri', full: true, bg: '#ffffff', scale }));
  const s = sheet(p, graph.width / scale, graph.height / scale);
  const canvas = document.createElement('canvas');
  canvas.width = s.width * scale;
  canvas.height = s.height * scale;
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, s.width, s.height);
  ctx.drawImage(graph, s.graph.x, s.graph.y, graph.width / scale, graph.height / scale);
  for (const m of s.marks) {
    if ('text' in m) {
      ctx.font = font(m.size, m.bold);
      ctx.fillStyle = m.color ?? ink;
      ctx.fillText(m.text, m.x, m.y);
    } else if ('line' in m) {
      ctx.beginPath();
      ctx.setLineDash(m.dash);
      ctx.lineWidth = m.width;
      ctx.strokeStyle = m.color;
      ctx.moveTo(m.line[0], m.line[1]);
      ctx.lineTo(m.line[2], m.line[3]);
      ctx.stroke();
      ctx.setLineDash([]);
    } else {
      ctx.beginPath();
      ctx.arc(m.circle[0], m.circle[1], m.circle[2], 0, 2 * Math.PI);
      ctx.fillStyle = m.fill;
      ctx.fill();
      ctx.lineWidth = m.width;
      ctx.strokeStyle = m.stroke;
      ctx.stroke();
    }
  }
  const blob = await new Promise<Blob | null>((ok) => canvas.toBlob(ok, 'image/png'));
  if (!blob) throw new Error('the browser could not encode the PNG');
  download('accgraph.png', blob);
}

const esc = (v: unknown) => String(v ?? '').replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The shapes cytoscape draws per kind, as SVG, centred on 0,0 with radius r. */
function shape(kind: Kind, r: number, attrs: string): string {
  const poly = (pts: [number, number][]) => `<polygon points="${pts.map(([x, y]) => `${(x * r).toFixed(1)},${(y * r).toFixed(1)}`).join(' ')}" ${attrs}/>`;
  const star = Array.from({ length: 10 }, (_, i) => {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const q = i % 2 ? 0.45 : 1;
    return [q * Math.cos(a), q * Math.sin(a)] as [number, number];
  });
  const hex = Array.from({ length: 6 }, (_, i) => [Math.cos((i * Math.PI) / 3), Math.sin((i * Math.PI) / 3)] as [number, number]);
  switch (kinds[kind]?.shape) {
    case 'round-rectangle': return `<rect x="${-r}" y="${-r}" width="${2 * r}" height="${2 * r}" rx="${r / 3}" ${attrs}/>`;
    case 'rectangle': return `<rect x="${-r}" y="${-r}" width="${2 * r}" height="${2 * r}" ${attrs}/>`;
    case 'diamond': return poly([[0, -1], [1, 0], [0, 1], [-1, 0]]);
    case 'star': return poly(star);
    case 'hexagon': return poly(hex);
    case 'triangle': return poly([[0, -1], [1, 1], [-1, 1]]);
    case 'pentagon': return poly(Array.from({ length: 5 }, (_, i) => {
      const a = -Math.PI / 2 + (i * 2 * Math.PI) / 5;
      return [Math.cos(a), Math.sin(a)] as [number, number];
    }));
    case 'round-tag': return poly([[-1, -1], [0.4, -1], [1, 0], [0.4, 1], [-1, 1]]);
    default: return `<circle r="${r}" ${attrs}/>`;
  }
}

/** The drawing as SVG elements, in the model's coordinates shifted by the bounding box. */
function graphSVG(view: GraphView): { body: string; w: number; h: number } {
  const cy = view.cy;
  const bb = cy.elements(':visible').boundingBox({});
  const m = 10;
  const ox = -bb.x1 + m;
  const oy = -bb.y1 + m;
  const out: string[] = [];
  cy.edges(':visible').forEach((e) => {
    const s = e.sourceEndpoint();
    const t = e.targetEndpoint();
    const l = lines[e.data('confidence') as Confidence] ?? lines.REPORTED;
    const color = e.hasClass('path') ? e.data('pathColor') : grey;
    const dash = dashes[l.style].length ? ` stroke-dasharray="${dashes[l.style].join(' ')}"` : '';
    const opacity = e.hasClass('faded') ? 0.2 : e.hasClass('undated') ? 0.6 : 1;
    out.push(`<line x1="${(s.x + ox).toFixed(1)}" y1="${(s.y + oy).toFixed(1)}" x2="${(t.x + ox).toFixed(1)}" y2="${(t.y + oy).toFixed(1)}" ` +
      `stroke="${color}" stroke-width="${l.width}"${dash} opacity="${opacity}" marker-end="url(#arrow)"><title>${esc(e.data('words'))}</title></line>`);
    if (e.hasClass('undated')) {
      const mid = e.midpoint();
      out.push(`<circle cx="${(mid.x + ox).toFixed(1)}" cy="${(mid.y + oy).toFixed(1)}" r="4" fill="#fff" stroke="#555" stroke-width="1.5"/>`);
    }
  });
  cy.nodes(':visible').forEach((n) => {
    const p = n.position();
    const r = n.width() / 2;
    const ring = n.hasClass('path') ? n.data('pathColor') : n.data('expandable') ? moreRing : '#ffffff';
    const opacity = n.hasClass('faded') ? 0.2 : n.hasClass('idle') ? 0.4 : 1;
    out.push(`<g transform="translate(${(p.x + ox).toFixed(1)},${(p.y + oy).toFixed(1)})" opacity="${opacity}">` +
      shape(n.data('kind'), r, `fill="${n.data('color')}" stroke="${ring}" stroke-width="${ring === '#ffffff' ? 1 : 3}"`) +
      `<text y="${(r + 13).toFixed(1)}" text-anchor="middle" font-size="11" fill="${ink}" stroke="#fff" stroke-width="3" paint-order="stroke">` +
      `${esc(n.data('short'))}<title>${esc(n.data('label'))}</title></text></g>`);
  });
  return { body: out.join('\n'), w: Math.ceil(bb.w + 2 * m), h: Math.ceil(bb.h + 2 * m + 16) };
}

export async function exportSVG(view: GraphView, p: Picture): Promise<void> {
  const g = graphSVG(view);
  const s = sheet(p, g.w, g.h);
  const marks = s.marks.map((m) => {
    if ('text' in m) return `<text x="${m.x}" y="${m.y.toFixed(1)}" font-size="${m.size}"${m.bold ? ' font-weight="bold"' : ''} fill="${m.color ?? ink}">${esc(m.text)}</text>`;
    if ('line' in m) return `<line x1="${m.line[0]}" y1="${m.line[1].toFixed(1)}" x2="${m.line[2]}" y2="${m.line[3].toFixed(1)}" stroke="${m.color}" stroke-width="${m.width}"${m.dash.length ? ` stroke-dasharray="${m.dash.join(' ')}"` : ''}/>`;
    return `<circle cx="${m.circle[0]}" cy="${m.circle[1].toFixed(1)}" r="${m.circle[2]}" fill="${m.fill}" stroke="${m.stroke}" stroke-width="${m.width}"/>`;
  });
  const svg = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${s.width}" height="${s.height}" viewBox="0 0 ${s.width} ${s.height}" font-family="system-ui, 'DejaVu Sans', sans-serif">
<title>${esc(p.title)}</title>
<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${grey}"/></marker></defs>
<rect width="100%" height="100%" fill="#ffffff"/>
${marks.join('\n')}
<g transform="translate(${s.graph.x},${s.graph.y})">
${g.body}
</g>
</svg>
`;
  download('accgraph.svg', new Blob([svg], { type: 'image/svg+xml' }));
}

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

/** What an export of the view carries beside the drawing; null when nothing is drawn. */
function picture(view: GraphView, state: ViewState): Picture | null {
  const nodes = view.cy.nodes(':visible');
  if (nodes.empty()) return null;
  const name = (id: string) => view.nodes.get(id)?.label ?? id;
  const names = nodes.map((n) => String(n.data('label')));
  const title = state.path ? `Paths from ${name(state.path[0])} to ${name(state.path[1])}`
    : names.length <= 3 ? names.join(', ') : `${names.slice(0, 2).join(', ')} and ${names.length - 2} more`;
  const edges = view.cy.edges(':visible').map((e) => view.edges.get(e.id())).filter((e): e is GraphEdge => !!e);
  // a source by its title and publisher (a publisher alone, "Not stated: …", credits nothing)
  const sources = [...new Set(edges.flatMap((e) => e.citations.map((c) => [c.source.title, c.source.publisher].filter(Boolean).join(' — '))))].sort();
  const filters = [state.asOf ? `As true in ${monthWords(state.asOf)}${state.hideUndated ? '; undated facts left out' : '; undated facts marked ◯'}` : 'At any date',
    state.minConfidence ? `${state.minConfidence.toLowerCase()} or stronger` : null,
    state.hiddenKinds.length ? `not shown: ${state.hiddenKinds.map((k) => kinds[k].label).join(', ')}` : null,
    state.hiddenRels.length ? `relationships not shown: ${state.hiddenRels.join(', ')}` : null].filter(Boolean).join(' · ');
  return {
    title, filters,
    kinds: [...new Set(nodes.map((n) => n.data('kind') as Kind))],
    confidences: confidences.filter((c) => edges.some((e) => e.confidence === c)),
    undated: view.cy.edges('.undated:visible').nonempty(),
    expandable: nodes.some((n) => !!n.data('expandable')),
    sources,
    date: new Date().toISOString().slice(0, 10),
  };
}

/**
 * Wires the PNG, SVG and GraphML buttons: an image goes with what it needs (its title, date,
 * legend and sources), and an empty view says there is nothing to export.
 */
export function setupExports(view: GraphView, state: () => ViewState, page: {
  run: <T>(what: string, task: () => Promise<T>) => Promise<T | undefined>; fail: (message: string) => void; announce: (text: string) => void;
}): void {
  const exporting = (format: 'PNG' | 'SVG') => {
    const p = picture(view, state());
    if (!p) {
      page.fail(`Nothing to export: the view is empty. Search for an entity to draw it, then export the ${format}.`);
      page.announce('Nothing to export: the view is empty.');
      return;
    }
    void page.run(`Exporting the ${format}`, () => (format === 'PNG' ? exportPNG(view, p) : exportSVG(view, p)));
  };
  $('export-png').addEventListener('click', () => exporting('PNG'));
  $('export-svg').addEventListener('click', () => exporting('SVG'));
  $('export-graphml').addEventListener('click', () => exportGraphML(view));
}
