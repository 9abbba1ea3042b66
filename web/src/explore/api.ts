// The explorer's only ways out: POST /graphql and GET /saved. Types mirror the schema's
// shapes for the fields the explorer asks for.

export type Kind = 'PERSON' | 'ORGANIZATION' | 'POSITION' | 'EVENT' | 'VERDICT' | 'STATEMENT' | 'SOURCE' | 'PLACE';
export type Confidence = 'ADJUDICATED' | 'CONFIRMED' | 'REPORTED' | 'ALLEGED' | 'DISPUTED' | 'RETRACTED';

export interface SourceInfo { id: string; title: string; publisher: string; published?: string | null; url?: string | null; stake?: string | null }
export interface Citation {
  quote?: string | null; locator?: string | null; confidence: Confidence; accessed?: string | null;
  claimedBy?: { id: string; name: string } | null; source: SourceInfo;
  /** DISPUTES: the source denies the fact (a fact with both stances is DISPUTED). */
  stance: 'SUPPORTS' | 'DISPUTES';
  /** Whether the quote was found verbatim in the source's stored text. */
  checked: boolean;
}
export interface GraphNode { id: string; kind: Kind; label: string; degree: number; confidence: Confidence; properties?: Record<string, unknown> | null }
export interface GraphEdge {
  id: string; type: string; source: string; target: string; role?: string | null;
  from?: string | null; to?: string | null; confidence: Confidence; citations: Citation[];
  /** The days it is known to hold between, as a date filter reads them; both null: undated. */
  validFrom?: string | null; validTo?: string | null;
  /** A date by which it had ended: a later date rules it out. */
  endedBy?: string | null;
  /** STATED or ABOUT: talk about an entity, not a relation in a chain of command. */
  mention: boolean;
  /** Set when the source implies the relationship but does not state it: how it is read. */
  inference?: string | null;
}
export interface Subgraph { nodes: GraphNode[]; edges: GraphEdge[]; truncated: boolean }
export interface SearchHit { kind: Kind; matched: string; score: number; entity: { id: string; name: string } }
export interface EntityDetails {
  id: string; __typename: string; name: string; aliases: string[]; description?: string | null;
  confidence: Confidence; retraction?: string | null; citations: Citation[];
  orgKind?: string; eventKind?: string; sourceKind?: string; from?: string | null; to?: string | null; date?: string | null; victims?: number | null;
  text?: string; country?: string | null; title?: string; publisher?: string; url?: string | null; published?: string | null; stake?: string | null;
}
export interface ExpandStat { relType: string; kind: Kind; direction: 'OUT' | 'IN'; count: number }
export interface PathStep { from: { id: string; name: string }; to: { id: string; name: string }; direction: 'FORWARD' | 'BACKWARD'; edge: GraphEdge }
export interface Path { length: number; confidence: Confidence; steps: PathStep[]; truncated: boolean }
/** What the sources say of a post or membership at a time: held YES, UNKNOWN or LATEST, in words in note. */
export interface HeldAtTime { held: 'YES' | 'UNKNOWN' | 'LATEST'; dating: 'INTERVAL' | 'ATTESTED' | 'UNDATED'; attested?: string | null; note: string }
export interface PostAtTime extends HeldAtTime { tenure: { position: { name: string } } }
export interface AccountabilityEntry {
  entity: { id: string; name: string; __typename: string }; basis: string; role?: string | null; confidence: Confidence;
  path: Path; citations: Citation[]; heldThen?: HeldAtTime | null; postsThen: PostAtTime[]; postsNow: PostAtTime[];
}
export interface AccountabilityReport {
  subject: { id: string; name: string }; asOf?: string | null; entries: AccountabilityEntry[];
  verdicts: { id: string; name: string; date?: string | null }[];
}
export interface SavedVariable { name: string; type: string; required: boolean; default?: unknown }
export interface SavedQueryInfo { name: string; title: string; description?: string; variables: SavedVariable[] | null; url: string; csv: string }
/** A saved query's table: typed cells (null for nothing, a list for citations or several values). */
export interface SavedTable { columns: string[]; rows: unknown[][] }

const citationFields = `quote locator confidence stance checked accessed claimedBy { id name }
  source { id title publisher published url stake }`;
const edgeFields = `id type source target role from to validFrom validTo endedBy confidence mention inference citations { ${citationFields} }`;

/** A failed request, with the server's message. */
export class APIError extends Error {}

// Reads are free of keys but rate limited per client: a 429 waits as long as the server asks.
async function send(url: string, init?: RequestInit, attempt = 0): Promise<Response> {
  const res = await fetch(url, init);
  if (res.status === 429 && attempt < 5) {
    const wait = Number(res.headers.get('Retry-After') ?? '1') || 1;
    await new Promise((r) => setTimeout(r, wait * 1000));
    return send(url, init, attempt + 1);
  }
  return res;
}

interface GQLError { message: string; path?: (string | number)[]; extensions?: { code?: string } }

async function post<T>(query: string, variables: Record<string, unknown>): Promise<{ data?: T | null; errors?: GQLError[] }> {
  const res = await send('/graphql', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query, variables }),
  });
  try {
    return await res.json();
  } catch {
    throw new APIError(`the server answered ${res.status} ${res.statusText}`);
  }
}

async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const body = await post<T>(query, variables);
  if (body.errors?.length) throw new APIError(body.errors.map((e) => e.message).join('; '));
  if (!body.data) throw new APIError("the server answered without data");
  return body.data;
}

/** Words found in a statement's text or a citation's quote. */
export interface Mention {
  quote: string; statement?: { id: string; name: string } | null; relationship?: string | null;
  citation?: { locator?: string | null; source: { title: string } } | null;
  saidBy: { id: string; name: string }[]; about: { id: string; name: string }[];
}

/** The names matching text and, apart, where it is mentioned: one request, one statement. */
export async function search(text: string): Promise<{ hits: SearchHit[]; mentions: Mention[] }> {
  const d = await gql<{ search: SearchHit[]; mentions: Mention[] }>(
    `query Search($text: String!) {
  search(text: $text, first: 12) { kind matched score entity { id name } }
  mentions(text: $text, first: 5) { quote relationship statement { id name } citation { locator source { title } } saidBy { id name } about { id name } }
}`, { text });
  return { hits: d.search, mentions: d.mentions };
}

const subgraphFields = `truncated nodes { id kind label degree confidence properties } edges { ${edgeFields} }`;

const neighborhoodQuery = `query Neighborhood($id: ID!, $depth: Int, $limit: Int) {
  neighborhood(id: $id, depth: $depth, limit: $limit) { ${subgraphFields} } }`;

/** What lies within depth steps of id, at any time, and every relationship among it. */
export async function neighborhood(id: string, depth: number, limit = 200): Promise<Subgraph> {
  const d = await gql<{ neighborhood: Subgraph }>(
    neighborhoodQuery, { id, depth, limit });
  return d.neighborhood;
}

/** At most this many neighbourhood requests run at once. */
const parallel = 4;

/**
 * What lies one step around each of ids, at any time (the page filters by date itself, so
 * a change of date asks nothing and undated facts stay in view), one request each: an
 * aliased batch compiles to one large statement Neo4j plans anew for every batch size
 * (docs/design.md). An id the graph does not hold is in unknown.
 */
export async function neighborhoods(ids: string[]): Promise<{ found: Map<string, Subgraph>; unknown: string[] }> {
  const found = new Map<string, Subgraph>();
  const unknown: string[] = [];
  const queue = [...ids];
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      const body = await post<{ neighborhood: Subgraph }>(
        neighborhoodQuery, { id, depth: 1, limit: 200 });
      if (body.errors?.length) {
        if (body.errors.every((e) => e.extensions?.code === 'NOT_FOUND')) unknown.push(id);
        else throw new APIError(body.errors.map((e) => e.message).join('; '));
      } else if (body.data) found.set(id, body.data.neighborhood);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, ids.length) }, worker));
  return { found, unknown };
}

async function askStats(id: string, asOf: string | null): Promise<ExpandStat[]> {
  const d = await gql<{ expandStats: ExpandStat[] }>(
    `query Stats($id: ID!, $asOf: Date) { expandStats(id: $id, asOf: $asOf) { relType kind direction count } }`, { id, asOf });
  return d.expandStats;
}

// what an entity is, and what expanding it brings, do not change while the page is open
const entities = new Map<string, Promise<EntityDetails | null>>();
const stats = new Map<string, Promise<ExpandStat[]>>();
function cached<T>(cache: Map<string, Promise<T>>, key: string, ask: () => Promise<T>): Promise<T> {
  let p = cache.get(key);
  if (!p) {
    p = ask();
    cache.set(key, p);
    p.catch(() => cache.delete(key)); // a failure is asked again next time
  }
  return p;
}

export const entity = (id: string) => cached(entities, id, () => askEntity(id));
export const expandStats = (id: string, asOf: string | null) => cached(stats, `${id}@${asOf}`, () => askStats(id, asOf));

async function askEntity(id: string): Promise<EntityDetails | null> {
  const d = await gql<{ entity: EntityDetails | null }>(
    `query Entity($id: ID!) { entity(id: $id) { __typename id name aliases description confidence retraction
      citations { ${citationFields} }
      ... on Organization { orgKind: kind } ... on Event { eventKind: kind from to victims } ... on Verdict { date }
      ... on Statement { text date } ... on Place { country }
      ... on Source { sourceKind: kind title publisher url published stake } } }`, { id });
  return d.entity;
}

/** Paths walking relTypes only (mentions, STATED and ABOUT, only when named), each step at least minConfidence. */
export async function paths(from: string, to: string, asOf: string | null, relTypes: string[], minConfidence: Confidence | null): Promise<Path[]> {
  const d = await gql<{ paths: Path[] }>(
    `query Paths($from: ID!, $to: ID!, $asOf: Date, $relTypes: [RelType!], $minConfidence: Confidence) {
      paths(from: $from, to: $to, asOf: $asOf, relTypes: $relTypes, minConfidence: $minConfidence, limit: 10, longer: true) {
      length confidence truncated steps { direction from { id name } to { id name } edge { ${edgeFields} } } } }`,
    { from, to, asOf, relTypes, minConfidence });
  return d.paths;
}

export async function accountability(subject: string, asOf: string | null): Promise<AccountabilityReport> {
  const d = await gql<{ accountability: AccountabilityReport }>(
    `query Accountability($subject: ID!, $asOf: Date) { accountability(subject: $subject, asOf: $asOf) {
      asOf subject { id name } verdicts { id name date }
      entries { basis role confidence entity { __typename id name }
        heldThen { held dating attested note } postsThen { held dating attested note tenure { position { name } } } postsNow { held dating attested note tenure { position { name } } }
        citations { ${citationFields} }
        path { length confidence truncated steps { direction from { id name } to { id name } edge { ${edgeFields} } } } } } }`,
    { subject, asOf });
  return d.accountability;
}

async function getJSON<T>(url: string): Promise<T> {
  const res = await send(url, { headers: { Accept: 'application/json' } });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new APIError(body?.error ?? body?.errors?.[0]?.message ?? `${url}: ${res.status} ${res.statusText}`);
  return body as T;
}

export const savedQueries = () => getJSON<SavedQueryInfo[]>('/saved');

/** The URL of a saved query run with variables; suffix ".csv" for the CSV download. */
export function savedURL(name: string, vars: Record<string, string>, suffix = ''): string {
  const q = new URLSearchParams(Object.entries(vars).filter(([, v]) => v !== ''));
  const qs = q.toString();
  return `/saved/${encodeURIComponent(name)}${suffix}${qs ? '?' + qs : ''}`;
}

export const runSaved = (name: string, vars: Record<string, string>) => getJSON<SavedTable>(savedURL(name, vars));
