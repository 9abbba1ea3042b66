// The explorer's only ways out: POST /graphql and GET /saved. The GraphQL shapes are the
// schema's types (../schema.ts, generated from schema/*.graphqls) cut to the fields the
// explorer asks for, so a field renamed or dropped in the schema fails the type check.
import type * as S from '../schema';

export type Kind = S.EntityKind;
export type Confidence = S.Confidence;
export type RelType = S.RelType;

/** An entity as the explorer names it. */
type Ref = Pick<S.Entity, 'id' | 'name'>;
export type SourceInfo = Pick<S.Source, 'id' | 'title' | 'publisher' | 'published' | 'url' | 'stake'>;
export type Citation = Pick<S.Citation, 'quote' | 'locator' | 'confidence' | 'accessed' | 'stance' | 'checked'> &
  { claimedBy?: Ref | null; source: SourceInfo };
export type GraphNode = Pick<S.GraphNode, 'id' | 'kind' | 'label' | 'degree' | 'confidence' | 'properties'>;
export type GraphEdge = Pick<S.GraphEdge, 'id' | 'type' | 'source' | 'target' | 'role' | 'from' | 'to' | 'confidence' |
  'validFrom' | 'validTo' | 'endedBy' | 'mention' | 'inference'> & { citations: Citation[] };
export type Subgraph = Pick<S.Subgraph, 'truncated'> & { nodes: GraphNode[]; edges: GraphEdge[] };
export type SearchHit = Pick<S.SearchHit, 'kind' | 'matched' | 'score'> & { entity: Ref };
/** Any kind's details: the fields of every kind (a kind's own enum under an alias: orgKind, eventKind, sourceKind). */
export type EntityDetails = Pick<S.Entity, 'id' | 'name' | 'aliases' | 'description' | 'confidence' | 'retraction'> &
  { __typename: string; citations: Citation[]; orgKind?: S.OrgKind; eventKind?: S.EventKind; sourceKind?: S.SourceKind } &
  Partial<Pick<S.Event, 'from' | 'to' | 'victims'> & Pick<S.Verdict, 'date'> & Pick<S.Statement, 'text'> & Pick<S.Place, 'country'> &
    Pick<S.Source, 'title' | 'publisher' | 'url' | 'published' | 'stake'>>;
export type ExpandStat = Pick<S.ExpandStat, 'relType' | 'kind' | 'direction' | 'count'>;
export type PathStep = Pick<S.PathStep, 'direction'> & { from: Ref; to: Ref; edge: GraphEdge };
export type Path = Pick<S.Path, 'length' | 'confidence' | 'truncated'> & { steps: PathStep[] };
/** What the sources say of a post or membership at a time: held YES, UNKNOWN or LATEST, in words in note. */
export type HeldAtTime = Pick<S.HeldAtTime, 'held' | 'dating' | 'attested' | 'note'>;
export type PostAtTime = Pick<S.PostAtTime, 'held' | 'dating' | 'attested' | 'note'> & { tenure: { position: Pick<S.Position, 'name'> } };
export type AccountabilityEntry = Pick<S.AccountabilityEntry, 'basis' | 'role' | 'confidence'> & {
  entity: Ref & { __typename: string }; path: Path; citations: Citation[]; heldThen?: HeldAtTime | null;
  postsThen: PostAtTime[]; postsNow: PostAtTime[];
};
export type AccountabilityReport = Pick<S.AccountabilityReport, 'asOf'> & {
  subject: Ref; entries: AccountabilityEntry[]; verdicts: (Ref & Pick<S.Verdict, 'date'>)[];
};
// GET /saved answers JSON of its own (server/saved*.go), not a schema type.
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
export type Mention = Pick<S.Mention, 'quote' | 'relationship'> & {
  statement?: Ref | null; citation?: (Pick<S.Citation, 'locator'> & { source: Pick<S.Source, 'title'> }) | null;
  saidBy: Ref[]; about: Ref[];
};

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
export async function paths(from: string, to: string, asOf: string | null, relTypes: RelType[], minConfidence: Confidence | null): Promise<Path[]> {
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
