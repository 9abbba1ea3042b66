// How the explorer draws: a shape and a colour per kind of entity, a line style per
// confidence (a court's finding solid and heavy, a party's allegation dashed), and the
// legend that explains both.
import type { StylesheetJson } from 'cytoscape';
import type { Confidence, Kind } from './api';

export const kinds: Record<Kind, { color: string; shape: string; label: string }> = {
  PERSON: { color: '#2f6fb0', shape: 'ellipse', label: 'Person' },
  ORGANIZATION: { color: '#c0392b', shape: 'round-rectangle', label: 'Organization' },
  POSITION: { color: '#8e44ad', shape: 'diamond', label: 'Position (post)' },
  EVENT: { color: '#d35400', shape: 'star', label: 'Event' },
  VERDICT: { color: '#1e8449', shape: 'hexagon', label: 'Verdict' },
  STATEMENT: { color: '#7f8c8d', shape: 'round-tag', label: 'Statement' },
  SOURCE: { color: '#34495e', shape: 'rectangle', label: 'Source' },
  PLACE: { color: '#16a085', shape: 'triangle', label: 'Place' },
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

export const relTypes = ['HOLDS', 'POSITION_IN', 'MEMBER_OF', 'PART_OF', 'RESPONSIBLE_FOR', 'PARTICIPATED_IN',
  'ISSUED_BY', 'AGAINST', 'CONCERNS', 'STATED', 'ABOUT', 'LOCATED_IN', 'OCCURRED_IN'];

export function stylesheet(): StylesheetJson {
  const s: StylesheetJson = [
    { selector: 'node', style: {
      label: 'data(label)', 'font-size': 10, 'text-valign': 'bottom', 'text-margin-y': 4, 'text-wrap': 'wrap',
      'text-max-width': '120px', width: 26, height: 26, 'border-width': 1, 'border-color': '#fff', color: '#222',
      'text-background-color': '#fff', 'text-background-opacity': 0.7, 'text-background-padding': '1px' } },
    { selector: 'node[?expandable]', style: { 'border-width': 3, 'border-color': '#f1c40f' } },
    { selector: 'node:selected', style: { 'overlay-color': '#f1c40f', 'overlay-opacity': 0.35, 'overlay-padding': 6 } },
    { selector: 'edge', style: {
      'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'arrow-scale': 0.8, label: 'data(type)',
      'font-size': 7, 'min-zoomed-font-size': 6, color: '#555', 'text-rotation': 'autorotate', 'line-color': '#8a8f98',
      'target-arrow-color': '#8a8f98', 'text-background-color': '#fff', 'text-background-opacity': 0.8 } },
    { selector: 'edge:selected', style: { 'line-color': '#f39c12', 'target-arrow-color': '#f39c12' } },
    { selector: '.path', style: { 'line-color': '#e67e22', 'target-arrow-color': '#e67e22', 'border-color': '#e67e22', 'border-width': 3 } },
    { selector: '.faded', style: { opacity: 0.25 } },
  ];
  for (const [kind, k] of Object.entries(kinds)) {
    s.push({ selector: `node[kind = "${kind}"]`, style: { 'background-color': k.color, shape: k.shape as never } });
  }
  for (const [conf, l] of Object.entries(lines)) {
    s.push({ selector: `edge[confidence = "${conf}"]`, style: { 'line-style': l.style, width: l.width } });
  }
  return s;
}
