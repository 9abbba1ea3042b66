// How the explorer draws: a shape and a colour per kind of entity, a line style per
// confidence (a court's finding solid and heavy, a party's allegation dashed), and the
// legend that explains both.
import type { StylesheetJson } from 'cytoscape';
import type { Confidence, Kind, RelType } from './api';

export const kinds: Record<Kind, { color: string; shape: string; label: string }> = {
  PERSON: { color: '#2f6fb0', shape: 'ellipse', label: 'Person' },
  ORGANIZATION: { color: '#c0392b', shape: 'round-rectangle', label: 'Organization' },
  POSITION: { color: '#8e44ad', shape: 'diamond', label: 'Position (post)' },
  EVENT: { color: '#d35400', shape: 'star', label: 'Event' },
  VERDICT: { color: '#1e8449', shape: 'hexagon', label: 'Verdict' },
  STATEMENT: { color: '#7f8c8d', shape: 'round-tag', label: 'Statement' },
  SOURCE: { color: '#34495e', shape: 'rectangle', label: 'Source' },
  PLACE: { color: '#16a085', shape: 'triangle', label: 'Place' },
  THING: { color: '#a67c52', shape: 'pentagon', label: 'Thing (vessel, account...)' },
};

/** Strongest first: a filter at one level keeps it and everything above. */
export const confidences: Confidence[] = ['ADJUDICATED', 'CONFIRMED', 'REPORTED', 'ALLEGED', 'DISPUTED', 'RETRACTED'];

export const lines: Record<Confidence, { style: 'solid' | 'dashed' | 'dotted'; width: number; label: string }> = {
  ADJUDICATED: { style: 'solid', width: 4, label: 'a court decided it' },
  CONFIRMED: { style: 'solid', width: 2.5, label: 'independent sources agree' },
  REPORTED: { style: 'solid', width: 1.5, label: 'one credible source' },
  ALLEGED: { style: 'dashed', width: 1.5, label: "a party's claim" },
  DISPUTED: { style: 'dotted', width: 2, label: 'sources conflict' },
  RETRACTED: { style: 'dotted', width: 1, label: 'withdrawn' },
};

export const relTypes: RelType[] = ['HOLDS', 'POSITION_IN', 'MEMBER_OF', 'PART_OF', 'RESPONSIBLE_FOR', 'PARTICIPATED_IN',
  'ISSUED_BY', 'AGAINST', 'CONCERNS', 'STATED', 'ABOUT', 'LOCATED_IN', 'OCCURRED_IN'];

/** Glyphs for the legend and lists, each the shape the graph draws for the kind. */
export const glyphs: Record<Kind, string> = {
  PERSON: '●', ORGANIZATION: '■', POSITION: '◆', EVENT: '★', VERDICT: '⬢', STATEMENT: '▶', SOURCE: '▬', PLACE: '▲', THING: '⬟',
};

/** A colour per path found, in order: none of them a kind's colour or the grey of lines. */
export const pathColors = ['#e67e22', '#d81b60', '#00897b', '#5e35b1', '#7cb342', '#6d4c41', '#1e88e5', '#f4b400', '#00acc1', '#c2185b'];
export const pathColor = (i: number) => pathColors[i % pathColors.length];

/** The outline of the selected entity: no kind's colour. */
export const selectedOutline = '#1d2733';

/** The ring around an entity with neighbours not drawn yet. */
export const moreRing = '#f1c40f';

/** A label cut to about max characters at a word, with an ellipsis: the full text shows on hover and selection. */
export function shortLabel(text: string, max = 26): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, '') + '…';
}

/** A relationship type in words: MEMBER_OF reads "member of". */
export const words = (code: string) => code.replaceAll('_', ' ').toLowerCase();

/**
 * Edge labels show only past this zoom, above the 1.4 a fitted view is kept to, so only when
 * zoomed in by hand (and always on a selected relationship, a selected entity's, a path's).
 * Cytoscape weighs min-zoomed-font-size against the zoom rounded up to a power of two.
 */
export const edgeLabelZoom = 2;

export function stylesheet(): StylesheetJson {
  const s: StylesheetJson = [
    { selector: 'node', style: {
      label: 'data(short)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 3, 'text-wrap': 'wrap',
      'text-max-width': '110px', width: 24, height: 24, 'border-width': 1, 'border-color': '#fff', color: '#222',
      'text-background-color': '#fff', 'text-background-opacity': 0.75, 'text-background-padding': '1px', 'min-zoomed-font-size': 5 } },
    // statements are talk: drawn small, their label a few words of what was said
    { selector: 'node[kind = "STATEMENT"]', style: { width: 14, height: 14, 'font-size': 9, 'text-max-width': '80px', color: '#555' } },
    { selector: 'node[?expandable]', style: { 'border-width': 3, 'border-color': moreRing } },
    { selector: 'edge', style: {
      'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'arrow-scale': 0.8, label: 'data(words)',
      // about 10 px on screen, and only once zoomed in past edgeLabelZoom: below that, labels hide
      'font-size': 9.8 / edgeLabelZoom, 'min-zoomed-font-size': 10, color: '#444', 'text-rotation': 'autorotate', 'line-color': '#8a8f98',
      'target-arrow-color': '#8a8f98', 'text-background-color': '#fff', 'text-background-opacity': 0.85, 'text-background-padding': '1px' } },
    // under a date, a relationship the sources do not date: a hollow ring in its middle, faint
    // (its label says so too, lifted off the ring)
    { selector: 'edge.undated', style: { 'mid-target-arrow-shape': 'circle', 'mid-target-arrow-fill': 'hollow',
      'mid-target-arrow-color': '#555', 'line-opacity': 0.6, 'arrow-scale': 0.9, label: 'data(undatedWords)', 'text-margin-y': -10 } },
  ];
  for (const [kind, k] of Object.entries(kinds)) {
    s.push({ selector: `node[kind = "${kind}"]`, style: { 'background-color': k.color, shape: k.shape as never } });
  }
  for (const [conf, l] of Object.entries(lines)) {
    s.push({ selector: `edge[confidence = "${conf}"]`, style: { 'line-style': l.style, width: l.width } });
  }
  s.push(
    // selection marks the entity with a dark outline, keeping its kind's colour and shape (a grey
    // overlay read as the Statement's colour) and its ring, and shows the full label
    { selector: 'node:selected', style: { 'overlay-opacity': 0, 'background-color': 'data(color)',
      'outline-width': 3, 'outline-color': selectedOutline, 'outline-offset': 2, 'outline-opacity': 1 } },
    { selector: 'node:selected, node.hover', style: { label: 'data(label)', 'text-max-width': '220px', 'z-index': 20,
      'font-size': 12, 'text-background-opacity': 0.95, 'min-zoomed-font-size': 0 } },
    { selector: 'edge.near', style: { 'min-zoomed-font-size': 0, 'font-size': 10 } },
    { selector: 'edge:selected, edge.hover', style: { 'line-color': '#1d2733', 'target-arrow-color': '#1d2733',
      'min-zoomed-font-size': 0, 'font-size': 11, 'z-index': 20 } },
    { selector: 'node.idle', style: { opacity: 0.4 } },
    { selector: '.path', style: { 'line-color': 'data(pathColor)', 'target-arrow-color': 'data(pathColor)', 'border-color': 'data(pathColor)',
      'border-width': 4, 'z-index': 10 } },
    { selector: 'edge.path', style: { 'min-zoomed-font-size': 0, 'font-size': 10 } },
    { selector: '.faded', style: { opacity: 0.2 } },
  );
  return s;
}
