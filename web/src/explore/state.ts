// The view's state lives in the URL, so a view can be shared and back/forward step
// through it: the entities shown, the filters, the date, the selection and the path asked.
import type { Confidence, Kind } from './api';
import { confidences, kinds, relTypes } from './style';

export interface ViewState {
  ids: string[];
  asOf: string | null;
  minConfidence: Confidence | null;
  hiddenKinds: Kind[];
  hiddenRels: string[];
  selected: string | null;
  path: [string, string] | null;
  /** The path finder also walks statements (STATED, ABOUT: mentions). */
  pathMentions: boolean;
  /** Under a date, relationships without dates are shown (marked as undated) unless this is set. */
  hideUndated: boolean;
}

const list = (v: string | null) => (v ? v.split(',').filter(Boolean) : []);
const datePattern = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export function readState(search: string): ViewState {
  const q = new URLSearchParams(search);
  const asOf = q.get('asOf');
  const min = q.get('minConfidence') as Confidence | null;
  const path = list(q.get('path'));
  return {
    ids: [...new Set(list(q.get('ids')))],
    asOf: asOf && datePattern.test(asOf) ? asOf : null,
    minConfidence: min && confidences.includes(min) ? min : null,
    hiddenKinds: list(q.get('hideKinds')).filter((k): k is Kind => k in kinds),
    hiddenRels: list(q.get('hideRels')).filter((r) => (relTypes as string[]).includes(r)),
    selected: q.get('selected'),
    path: path.length === 2 ? [path[0], path[1]] : null,
    pathMentions: q.get('mentions') === '1',
    hideUndated: q.get('undated') === 'hide',
  };
}

export function writeState(s: ViewState): string {
  const q = new URLSearchParams();
  if (s.ids.length) q.set('ids', s.ids.join(','));
  if (s.asOf) q.set('asOf', s.asOf);
  if (s.minConfidence) q.set('minConfidence', s.minConfidence);
  if (s.hiddenKinds.length) q.set('hideKinds', s.hiddenKinds.join(','));
  if (s.hiddenRels.length) q.set('hideRels', s.hiddenRels.join(','));
  if (s.selected) q.set('selected', s.selected);
  if (s.path) q.set('path', s.path.join(','));
  if (s.pathMentions) q.set('mentions', '1');
  if (s.hideUndated) q.set('undated', 'hide');
  // ids read better with their colons and the commas between them, both fine in a query
  const qs = q.toString().replace(/%3A/g, ':').replace(/%2C/g, ',');
  return qs ? '?' + qs : location.pathname;
}

/** Whether a confidence passes a minimum (null: everything but RETRACTED). */
export function strongEnough(c: Confidence, min: Confidence | null): boolean {
  // a disputed fact stays wherever allegations do: a denial never hides what it denies
  const at = c === 'DISPUTED' ? confidences.indexOf('ALLEGED') : confidences.indexOf(c);
  return at <= confidences.indexOf(min ?? 'DISPUTED');
}

/** A date's first and last day, as sortable text: "1988" runs 1988-01-01 to 1988-12-31. */
const first = (d: string) => (d + '-01-01').slice(0, 10);
const last = (d: string) => (d.length === 4 ? d + '-12-31' : d.length === 7 ? d + '-31' : d);

/**
 * Whether a relationship known to hold from..to was true on asOf (a year, month or day),
 * as the server's asOf reads them: false once it had ended (endedBy), null when it has no
 * date at all (undated: the sources do not say when).
 */
export function trueOn(from: string | null | undefined, to: string | null | undefined, asOf: string, endedBy?: string | null): boolean | null {
  if (endedBy && last(endedBy) < first(asOf)) return false;
  if (!from && !to) return null;
  return (!from || first(from) <= last(asOf)) && (!to || last(to) >= first(asOf));
}

/** The latest date the relationships give (an end, else a start), as a month; null when none has a date. */
export function latestDate(dates: (string | null | undefined)[]): string | null {
  const known = dates.filter((d): d is string => !!d).map((d) => d.slice(0, 7)).sort();
  const d = known[known.length - 1];
  return d ? (d.length === 4 ? `${d}-12` : d) : null;
}

/** The time slider runs by month from January of this year to now. */
export const firstYear = 1950;
const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** The slider's month i as "1988-07", and the other way. */
export const monthOf = (i: number) => `${firstYear + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
export const monthIndex = (d: string) => (Number(d.slice(0, 4)) - firstYear) * 12 + (d.length >= 7 ? Number(d.slice(5, 7)) - 1 : 0);
/** "1988-07" reads "July 1988"; "1988" reads "1988". */
export const monthWords = (d: string) => (d.length >= 7 ? `${monthNames[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}` : d.slice(0, 4));
