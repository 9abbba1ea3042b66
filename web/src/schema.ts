export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A partial ISO date: a year ("1988"), a month ("1988-07") or a day ("1988-07-19"). It stands for the whole interval it names. */
  Date: { input: string; output: string; }
  /** Free-form properties for display. */
  JSON: { input: Record<string, unknown>; output: Record<string, unknown>; }
};

export type AccountabilityEntry = {
  basis: Basis;
  /** The citations of every step of the path. */
  citations: Array<Citation>;
  /** The weakest confidence on the path. */
  confidence: Confidence;
  /** For an event subject: the person or organization accountable; otherwise the event (or, for an organization's COMMAND and MEMBER entries, the person). */
  entity: Entity;
  /**
   * For MEMBER and COMMAND entries about an event: whether the membership or post on the path is
   * known to have held at the time of the event. UNKNOWN keeps the entry visible when the event is
   * undated or falls outside the dates the sources give (without being ruled out by them); an
   * entry whose membership or post is ruled out by its own dates is not listed. Null otherwise.
   */
  heldThen?: Maybe<HeldAtTime>;
  path: Path;
  /**
   * For a person: with asOf, the posts known to be held then (held YES, the rule of holders(asOf));
   * without, the latest post the sources date (held LATEST: not a claim that it is held today).
   */
  postsNow: Array<PostAtTime>;
  /**
   * For a person entry about an event: the person's posts and whether each was held at the time of
   * the event (YES, or UNKNOWN with what the sources do give, such as an attestation's date). A post
   * whose own dates rule the event out is not listed. Empty when the entry is not about an event.
   */
  postsThen: Array<PostAtTime>;
  /** The role in the event, the post held, or the membership role. */
  role?: Maybe<Scalars['String']['output']>;
};

export type AccountabilityReport = {
  /** The date postsNow refers to; null means the latest the sources know. */
  asOf?: Maybe<Scalars['String']['output']>;
  /** Sorted by basis, then confidence, then name. */
  entries: Array<AccountabilityEntry>;
  subject: Entity;
  /** Verdicts that concern the event, or that were given against the person or organization. */
  verdicts: Array<Verdict>;
};

/** A citation of an alias: the source that uses the name, its words, and who uses it. */
export type AliasCitation = {
  accessed?: Maybe<Scalars['Date']['output']>;
  claimedBy: Scalars['ID']['output'];
  confidence: Confidence;
  locator?: Maybe<Scalars['String']['output']>;
  quote: Scalars['String']['output'];
  source: Scalars['ID']['output'];
  stance: Stance;
};

/** Where an alias comes from: a citation of a source that uses it, or an editorial note saying what it is ("standard Persian spelling"). */
export type AliasInput = {
  citations?: InputMaybe<Array<CitationInput>>;
  name: Scalars['String']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};

/** Where an alias comes from: the citations of sources that use it, or an editorial note ("standard Persian spelling"; whose usage a loaded name is). */
export type AliasSource = {
  citations: Array<AliasCitation>;
  name: Scalars['String']['output'];
  /** Empty when the alias is cited. */
  note: Scalars['String']['output'];
};

/** Why an entry belongs in an accountability report. */
export type Basis =
  /** Held, at the time, a post in a responsible organization or in one above it. */
  | 'COMMAND'
  /** Responsible for the event itself (RESPONSIBLE_FOR). */
  | 'DIRECT'
  /** An organization above a responsible one (PART_OF). */
  | 'INSTITUTIONAL'
  /** A member, at the time, of an organization responsible for it. */
  | 'MEMBER';

/** One audited write. */
export type Change = {
  after: Scalars['String']['output'];
  /** RFC 3339. */
  at: Scalars['String']['output'];
  /** JSON, by id: the touched nodes' and relationships' properties before, each with its citations (citations: their properties, source and claimedBy) and, for a relationship, its type, start and end. */
  before: Scalars['String']['output'];
  /** The API key's name. */
  by: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  ids: Array<Scalars['ID']['output']>;
  mutation: Scalars['String']['output'];
  /** JSON: what undoes the change, for a merge (what unmergeEntities restores); null for other changes. */
  undo?: Maybe<Scalars['String']['output']>;
};

/** Who supports a fact, where: the source, its verbatim words, the place in it, who makes the claim and how strongly the source establishes it. */
export type Citation = {
  /** When the source was read. */
  accessed?: Maybe<Scalars['Date']['output']>;
  /** True when the quote was found verbatim in the source's stored text; false: not checked against the document (accgraph holds no text of it). */
  checked: Scalars['Boolean']['output'];
  /** The entity that asserts the fact: a court, a UN body, a government, an opposition group, a quoted speaker. */
  claimedBy?: Maybe<Entity>;
  /** What this citation establishes, never above what its source and claimant can (docs/design.md). */
  confidence: Confidence;
  locator?: Maybe<Scalars['String']['output']>;
  quote?: Maybe<Scalars['String']['output']>;
  source: Source;
  /** SUPPORTS the fact, or DISPUTES it. */
  stance: Stance;
};

/** A citation given with a change: every create and link needs at least one. */
export type CitationInput = {
  accessed?: InputMaybe<Scalars['Date']['input']>;
  /** The id of the entity that asserts it. */
  claimedBy: Scalars['ID']['input'];
  confidence: Confidence;
  locator?: InputMaybe<Scalars['String']['input']>;
  /** The source's own words. */
  quote: Scalars['String']['input'];
  /** The id of a Source in the graph. */
  source: Scalars['ID']['input'];
  /** SUPPORTS the fact (the default) or DISPUTES it: a fact with both is DISPUTED. */
  stance?: InputMaybe<Stance>;
};

/** How well a fact is established: a court decided it, independent sources agree, one credible source reports it, a party claims it, sources conflict, or it was withdrawn. */
export type Confidence =
  | 'ADJUDICATED'
  | 'ALLEGED'
  | 'CONFIRMED'
  | 'DISPUTED'
  | 'REPORTED'
  | 'RETRACTED';

export type ConfidenceFilter = {
  /** At least this strong. */
  atLeast?: InputMaybe<Confidence>;
  eq?: InputMaybe<Confidence>;
  in?: InputMaybe<Array<Confidence>>;
};

/** An interval of partial dates; matches what overlaps it. An open end reaches forever. */
export type DateRange = {
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
  /** Also keep what has no date at all (its dates are unknown, so it may overlap). */
  undated?: InputMaybe<Scalars['Boolean']['input']>;
};

/** How the sources date a post or membership. */
export type Dating =
  /** They only say it held on a date (attested): known to hold then, not before or after. */
  | 'ATTESTED'
  /** They give a start or an end (from, to). */
  | 'INTERVAL'
  /** They give no date at which it held (at most one by which it had ended). */
  | 'UNDATED';

export type Direction =
  | 'ASC'
  | 'DESC';

export type EdgeDirection =
  | 'IN'
  | 'OUT';

/** A node of the graph. Every entity carries the citations that establish it. */
export type Entity = {
  /** Where each alias comes from: a citation, or an editorial note saying what it is. */
  aliasSources: Array<AliasSource>;
  /** Transliterations and native-script names. */
  aliases: Array<Scalars['String']['output']>;
  /** Who says so, where. */
  citations: Array<Citation>;
  confidence: Confidence;
  description?: Maybe<Scalars['String']['output']>;
  /** Stable, readable id: person:ebrahim-raisi, org:embassy-iran-vienna. */
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** Why a RETRACTED entity was withdrawn. */
  retraction?: Maybe<Scalars['String']['output']>;
};

/** A new entity. kind is the organization's, event's or source's kind; the other fields apply to the kinds their descriptions name. */
export type EntityInput = {
  /** Where each alias comes from: every alias needs a citation or a note; with aliases, they replace the old ones. */
  aliasSources?: InputMaybe<Array<AliasInput>>;
  aliases?: InputMaybe<Array<Scalars['String']['input']>>;
  author?: InputMaybe<Scalars['String']['input']>;
  citations: Array<CitationInput>;
  confidence?: InputMaybe<Confidence>;
  /** Places: ISO 3166-1 alpha-2. */
  country?: InputMaybe<Scalars['String']['input']>;
  /** Verdicts and statements. */
  date?: InputMaybe<Scalars['Date']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  /** Events. */
  from?: InputMaybe<Scalars['Date']['input']>;
  /** Sources: the document as HTML, kept as its text (tags dropped, entities decoded); instead of text. */
  html?: InputMaybe<Scalars['String']['input']>;
  /** person:…, org:…, position:…, event:…, verdict:…, statement:…, source:…, place:… — the prefix says the kind. */
  id: Scalars['ID']['input'];
  kind?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  published?: InputMaybe<Scalars['Date']['input']>;
  publisher?: InputMaybe<Scalars['String']['input']>;
  stake?: InputMaybe<Scalars['String']['input']>;
  /** Statements: the verbatim words. Sources: the document's full text, which every quote citing it must stand in verbatim. */
  text?: InputMaybe<Scalars['String']['input']>;
  /** Sources. */
  title?: InputMaybe<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
  url?: InputMaybe<Scalars['String']['input']>;
  victims?: InputMaybe<Scalars['Int']['input']>;
};

export type EntityKind =
  | 'EVENT'
  | 'ORGANIZATION'
  | 'PERSON'
  | 'PLACE'
  | 'POSITION'
  | 'SOURCE'
  | 'STATEMENT'
  | 'THING'
  | 'VERDICT';

/** Changes to an entity's own fields; what is absent stays. Citations are added with addCitation. */
export type EntityPatch = {
  /** Where each alias comes from: every alias needs a citation or a note; with aliases, they replace the old ones. */
  aliasSources?: InputMaybe<Array<AliasInput>>;
  aliases?: InputMaybe<Array<Scalars['String']['input']>>;
  description?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};

/** Any entity: for the far end of a relationship filter. */
export type EntityWhere = {
  AND?: InputMaybe<Array<EntityWhere>>;
  NOT?: InputMaybe<EntityWhere>;
  OR?: InputMaybe<Array<EntityWhere>>;
  /** Matches when any alias does. */
  alias?: InputMaybe<StringFilter>;
  confidence?: InputMaybe<ConfidenceFilter>;
  id?: InputMaybe<IdFilter>;
  kind?: InputMaybe<Array<EntityKind>>;
  name?: InputMaybe<StringFilter>;
};

export type Event = Entity & {
  /** Where each alias comes from: a citation, or an editorial note saying what it is. */
  aliasSources: Array<AliasSource>;
  aliases: Array<Scalars['String']['output']>;
  citations: Array<Citation>;
  confidence: Confidence;
  description?: Maybe<Scalars['String']['output']>;
  from?: Maybe<Scalars['Date']['output']>;
  id: Scalars['ID']['output'];
  kind: EventKind;
  mentionedIn: Array<Relation>;
  name: Scalars['String']['output'];
  partOf: Array<PartOf>;
  participants: Array<Participation>;
  parts: Array<PartOf>;
  /** Where it happened (OCCURRED_IN). */
  places: Array<Relation>;
  /** Who is said to be responsible (RESPONSIBLE_FOR, incoming), with their role. */
  responsible: Array<Responsibility>;
  retraction?: Maybe<Scalars['String']['output']>;
  to?: Maybe<Scalars['Date']['output']>;
  /** Verdicts that concern this event (CONCERNS, incoming). */
  verdicts: Array<Relation>;
  /** The number of people killed or executed that the sources give. */
  victims?: Maybe<Scalars['Int']['output']>;
};


export type EventMentionedInArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  minConfidence?: InputMaybe<Confidence>;
};


export type EventPartOfArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  minConfidence?: InputMaybe<Confidence>;
};


export type EventParticipantsArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  minConfidence?: InputMaybe<Confidence>;
};


export type EventPartsArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  minConfidence?: InputMaybe<Confidence>;
};


export type EventPlacesArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  minConfidence?: InputMaybe<Confidence>;
};


export type EventResponsibleArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  minConfidence?: InputMaybe<Confidence>;
};


export type EventVerdictsArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  minConfidence?: InputMaybe<Confidence>;
};

export type EventConnection = {
  edges: Array<EventEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type EventEdge = {
  cursor: Scalars['String']['output'];
  node: Event;
};

export type EventKind =
  | 'ARREST'
  | 'ATTACK_PLOT'
  | 'CRACKDOWN'
  | 'EXECUTIONS'
  | 'MASSACRE'
  | 'OTHER'
  | 'REPORT'
  | 'RESOLUTION'
  | 'SANCTION'
  | 'TRIAL';

export type EventKindFilter = {
  eq?: InputMaybe<EventKind>;
  in?: InputMaybe<Array<EventKind>>;
};

export type EventWhere = {
  AND?: InputMaybe<Array<EventWhere>>;
  NOT?: InputMaybe<EventWhere>;
  OR?: InputMaybe<Array<EventWhere>>;
  alias?: InputMaybe<StringFilter>;
  confidence?: InputMaybe<ConfidenceFilter>;
  description?: InputMaybe<StringFilter>;
  id?: InputMaybe<IdFilter>;
  kind?: InputMaybe<EventKindFilter>;
  name?: InputMaybe<StringFilter>;
  participants?: InputMaybe<RelationFilter>;
  places?: InputMaybe<RelationFilter>;
  responsible?: InputMaybe<RelationFilter>;
  verdicts?: InputMaybe<RelationFilter>;
  victims?: InputMaybe<IntFilter>;
  /** Events whose dates overlap this range. */
  when?: InputMaybe<DateRange>;
};

export type ExpandStat = {
  count: Scalars['Int']['output'];
  direction: EdgeDirection;
  kind: EntityKind;
  relType: RelType;
};

export type GraphEdge = {
  citationCount: Scalars['Int']['output'];
  citations: Array<Citation>;
  confidence: Confidence;
  /** A date by which the relationship had ended, when the sources say so: a later asOf rules it out. */
  endedBy?: Maybe<Scalars['Date']['output']>;
  from?: Maybe<Scalars['Date']['output']>;
  id: Scalars['ID']['output'];
  /** Set when the source implies the link but does not state it: how it is read. Null when stated. */
  inference?: Maybe<Scalars['String']['output']>;
  /** A mention (STATED, ABOUT): someone spoke, or a statement names an entity. Talk, not a relation in a chain of command. */
  mention: Scalars['Boolean']['output'];
  role?: Maybe<Scalars['String']['output']>;
  /** The id of the relationship's start node. */
  source: Scalars['ID']['output'];
  /** The id of its end node. */
  target: Scalars['ID']['output'];
  to?: Maybe<Scalars['Date']['output']>;
  type: RelType;
  /** The first day the relationship is known to hold, as asOf reads its dates (from, an attestation): null with validTo null when the sources give no date at all. */
  validFrom?: Maybe<Scalars['Date']['output']>;
  /** The last such day (to, an attestation). */
  validTo?: Maybe<Scalars['Date']['output']>;
};

export type GraphNode = {
  confidence: Confidence;
  /** All relationships the node has, shown or not: a client can tell whether it expands. */
  degree: Scalars['Int']['output'];
  /** accgraph's id, never Neo4j's element id. */
  id: Scalars['ID']['output'];
  kind: EntityKind;
  label: Scalars['String']['output'];
  /** A few display properties: kind-specific (organization kind, event dates, ...). */
  properties?: Maybe<Scalars['JSON']['output']>;
};

/** Whether a post or membership is known to have held at a time. */
export type Held =
  /** No time was asked: this is the latest the sources date, not a claim about today. */
  | 'LATEST'
  /** The sources cannot say: the time is undated, or it lies outside the dates they give without being ruled out by them (before an attestation, an undated post). */
  | 'UNKNOWN'
  /** Its dates, as the sources give them, reach that time. */
  | 'YES';

/** What the sources say about a post or membership at a time. */
export type HeldAtTime = {
  /** The date a source says it held, when that is all the sources give. */
  attested?: Maybe<Scalars['Date']['output']>;
  dating: Dating;
  held: Held;
  /** The same in words, e.g. "unknown whether held then: the event has no date; the sources give attested 2021-02 only". */
  note: Scalars['String']['output'];
};

export type IdFilter = {
  eq?: InputMaybe<Scalars['ID']['input']>;
  in?: InputMaybe<Array<Scalars['ID']['input']>>;
  startsWith?: InputMaybe<Scalars['String']['input']>;
};

export type IntFilter = {
  eq?: InputMaybe<Scalars['Int']['input']>;
  gt?: InputMaybe<Scalars['Int']['input']>;
  gte?: InputMaybe<Scalars['Int']['input']>;
  in?: InputMaybe<Array<Scalars['Int']['input']>>;
  lt?: InputMaybe<Scalars['Int']['input']>;
  lte?: InputMaybe<Scalars['Int']['input']>;
};

/** A relationship's properties. */
export type LinkInput = {
  attested?: InputMaybe<Scalars['Date']['input']>;
  confidence?: InputMaybe<Confidence>;
  endedBy?: InputMaybe<Scalars['Date']['input']>;
  from?: InputMaybe<Scalars['Date']['input']>;
  /** Default: type:from--to. A second link of one type between the same two needs its own. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** Set when the source implies the link but does not state it: how it is read from the source. */
  inference?: InputMaybe<Scalars['String']['input']>;
  outcome?: InputMaybe<Scalars['String']['input']>;
  role?: InputMaybe<Scalars['String']['input']>;
  sentence?: InputMaybe<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
};

/** Person -MEMBER_OF-> Organization. */
export type Membership = {
  attested?: Maybe<Scalars['Date']['output']>;
  citations: Array<Citation>;
  confidence: Confidence;
  endedBy?: Maybe<Scalars['Date']['output']>;
  from?: Maybe<Scalars['Date']['output']>;
  id: Scalars['ID']['output'];
  /** Set when the source implies the link but does not state it: how it is read. Null when stated. */
  inference?: Maybe<Scalars['String']['output']>;
  organization: Organization;
  person: Person;
  retraction?: Maybe<Scalars['String']['output']>;
  role?: Maybe<Scalars['String']['output']>;
  to?: Maybe<Scalars['Date']['output']>;
  /** False when the sources give no end: it holds still, as far as they say. */
  toKnown: Scalars['Boolean']['output'];
};

/** A statement's text or a citation's quote holding the words searched for. */
export type Mention = {
  /** What it is about: the statement's subjects, the entity the citation supports, or the two ends of the relationship it supports. */
  about: Array<Entity>;
  /** The citation whose quote holds the words (its source, locator, claimant and confidence); null for a statement. */
  citation?: Maybe<Citation>;
  /** The text holding the words: the statement's text or the citation's quote. */
  quote: Scalars['String']['output'];
  /** The type of the relationship the citation supports; null for a statement or a citation of an entity. */
  relationship?: Maybe<RelType>;
  /** Who says it: the statement's speakers, or the citation's claimant. */
  saidBy: Array<Entity>;
  /** Lucene's score of the text; mentions come best first. */
  score: Scalars['Float']['output'];
  /** The statement whose text holds the words; null for a citation's quote. */
  statement?: Maybe<Statement>;
};

export type Mutation = {
  /** Adds a citation to an entity or a relationship; returns how many it has. Editors. */
  addCitation: Scalars['Int']['output'];
  /** Adds a source document (an entity of kind SOURCE), with its text when given: quotes citing a source with text are checked against it. Editors. */
  addSource: Source;
  /** Adds an entity of the kind its id names, cited. Editors. */
  createEntity: Entity;
  /** Hides a saved query from lists and runs; its history stays. Editors and admins. */
  deleteSavedQuery: Scalars['Boolean']['output'];
  /** Adds a cited relationship between two entities; returns its id. Editors. */
  link: Scalars['ID']['output'];
  /** Folds drop into keep (two entities of one kind): relationships and citations move, drop's names become aliases, and drop's id resolves to keep from now on. Editors. */
  mergeEntities: Entity;
  /** Marks an entity or relationship RETRACTED with the reason; nothing is deleted. Editors. */
  retract: Scalars['Boolean']['output'];
  /** Validates a saved query against the live schema and stores it as its next version. Editors and admins. */
  saveQuery: SavedQuery;
  /** Sets how well an entity or relationship is established; never above its strongest citation. Editors. */
  setConfidence: Confidence;
  /** Deletes a relationship; the audit keeps what it was. Editors. */
  unlink: Scalars['Boolean']['output'];
  /** Undoes mergeEntities(keep, drop) from its audit record: drop comes back with its properties, relationships and citations, keep loses the aliases it gained, and drop's id no longer resolves to keep. Returns keep and drop. Editors. */
  unmergeEntities: Array<Entity>;
  /** Changes an entity's name, aliases or description. Editors. */
  updateEntity: Entity;
};


export type MutationAddCitationArgs = {
  citation: CitationInput;
  id: Scalars['ID']['input'];
};


export type MutationAddSourceArgs = {
  input: EntityInput;
};


export type MutationCreateEntityArgs = {
  input: EntityInput;
};


export type MutationDeleteSavedQueryArgs = {
  name: Scalars['String']['input'];
};


export type MutationLinkArgs = {
  citations: Array<CitationInput>;
  from: Scalars['ID']['input'];
  properties?: InputMaybe<LinkInput>;
  to: Scalars['ID']['input'];
  type: RelType;
};


export type MutationMergeEntitiesArgs = {
  drop: Scalars['ID']['input'];
  keep: Scalars['ID']['input'];
};


export type MutationRetractArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationSaveQueryArgs = {
  input: SavedQueryInput;
};


export type MutationSetConfidenceArgs = {
  confidence: Confidence;
  id: Scalars['ID']['input'];
};


export type MutationUnlinkArgs = {
  id: Scalars['ID']['input'];
};


export type MutationUnmergeEntitiesArgs = {
  drop: Scalars['ID']['input'];
  keep: Scalars['ID']['input'];
};


export type MutationUpdateEntityArgs = {
  id: Scalars['ID']['input'];
  input: EntityPatch;
};

export type Order = {
  direction?: InputMaybe<Direction>;
  field: OrderField;
};

/** Sort keys; a key that a kind does not have is refused. Ties break on id. */
export type OrderField =
  | 'DATE'
  | 'ID'
  | 'KIND'
  | 'NAME'
  | 'PUBLISHED'
  | 'TITLE'
  | 'VICTIMS';

export type OrgKind =
  | 'COMMISSION'
  | 'COURT'
  | 'EMBASSY'
  | 'GOVERNMENT'
  | 'INTELLIGENCE_AGENCY'
  | 'INTERGOVERNMENTAL'
  | 'JUDICIARY'
  | 'LEGISLATURE'
  | 'MEDIA'
  | 'MINISTRY'
  | 'NGO'
  | 'OPPOSITION_GROUP'
  | 'OTHER'
  | 'POLICE'
  | 'SECURITY_FORCE';

export type OrgKindFilter = {
  eq?: InputMaybe<OrgKind>;
  in?: InputMaybe<Array<OrgKind>>;
};

export type Organization = Entity & {
  /** Where each alias comes from: a citation, or an editorial note saying what it is. */
  aliasSources: Array<AliasSource>;
  aliases: Array<Scalars['String']['output']>;
  citations: Array<Citation>;
  confidence: Confidence;
  /** FollowTheMoney facts, as the source wrote them (countries ISO codes). */
  country: Array<Scalars['String']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  idNumber: Array<Scalars['String']['output']>;
  innCode: Array<Scalars['String']['output']>;
  kind: OrgKind;
  /** Where it is (LOCATED_IN). */
  locatedIn: Array<Relation>;
  /** People who belong to it (MEMBER_OF). */
  members: Array<Membership>;
  mentionedIn: Array<Relation>;
  name: Scalars['String']['output'];
  notes: Array<Scalars['String']['output']>;
  /** Organizations it is part of (PART_OF, outgoing). */
  partOf: Array<PartOf>;
  participations: Array<Participation>;
  /** Organizations within it (PART_OF, incoming). */
  parts: Array<PartOf>;
  /** Posts in this organization (POSITION_IN). */
  positions: Array<Relation>;
  registrationNumber: Array<Scalars['String']['output']>;
  responsibilities: Array<Responsibility>;
  retraction?: Maybe<Scalars['String']['output']>;
  statements: Array<Relation>;
  taxNumber: Array<Scalars['String']['output']>;
  /** FtM topics: sanction, gov.security... */
  topics: Array<Scalars['String']['output']>;
  /** Verdicts against this organization (AGAINST). */
  verdicts: Array<VerdictParty>;
  /** Verdicts this court issued (ISSUED_BY, incoming). */
  verdictsIssued: Array<Relation>;
  wikidataId: Array<Scalars['String']['output']>;
};


export type OrganizationLocatedInArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  minConfidence?: InputMaybe<Confidence>;
};


export type OrganizationMembersArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  minConfidence?: InputMaybe<Confidence>;
};


export type OrganizationMentionedInArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  minConfidence?: InputMaybe<Confidence>;
};


export type OrganizationPartOfArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  minConfidence?: InputMaybe<Confidence>;
};


export type OrganizationParticipationsArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  minConfidence?: InputMaybe<Confidence>;
};


export type OrganizationPartsArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  minConfidence?: InputMaybe<Confidence>;
};


export type OrganizationPositionsArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  minConfidence?: InputMaybe<Confidence>;
};


export type OrganizationResponsibilitiesArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  minConfidence?: InputMaybe<Confidence>;
};


export type OrganizationStatementsArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  minConfidence?: InputMaybe<Confidence>;
};


export type OrganizationVerdictsArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  minConfidence?: InputMaybe<Confidence>;
};


export type OrganizationVerdictsIssuedArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  minConfidence?: InputMaybe<Confidence>;
};

export type OrganizationConnection = {
  edges: Array<OrganizationEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type OrganizationEdge = {
  cursor: Scalars['String']['output'];
  node: Organization;
};

export type OrganizationWhere = {
  AND?: InputMaybe<Array<OrganizationWhere>>;
  NOT?: InputMaybe<OrganizationWhere>;
  OR?: InputMaybe<Array<OrganizationWhere>>;
  alias?: InputMaybe<StringFilter>;
  confidence?: InputMaybe<ConfidenceFilter>;
  /** Any of its values matches. */
  country?: InputMaybe<StringFilter>;
  description?: InputMaybe<StringFilter>;
  id?: InputMaybe<IdFilter>;
  idNumber?: InputMaybe<StringFilter>;
  innCode?: InputMaybe<StringFilter>;
  kind?: InputMaybe<OrgKindFilter>;
  locatedIn?: InputMaybe<RelationFilter>;
  members?: InputMaybe<RelationFilter>;
  name?: InputMaybe<StringFilter>;
  notes?: InputMaybe<StringFilter>;
  partOf?: InputMaybe<RelationFilter>;
  parts?: InputMaybe<RelationFilter>;
  positions?: InputMaybe<RelationFilter>;
  registrationNumber?: InputMaybe<StringFilter>;
  responsibilities?: InputMaybe<RelationFilter>;
  taxNumber?: InputMaybe<StringFilter>;
  topics?: InputMaybe<StringFilter>;
  verdicts?: InputMaybe<RelationFilter>;
  wikidataId?: InputMaybe<StringFilter>;
};

/** Relay connection page info. Cursors are opaque. */
export type PageInfo = {
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** Organization -PART_OF-> Organization, or Event -PART_OF-> Event. */
export type PartOf = {
  attested?: Maybe<Scalars['Date']['output']>;
  citations: Array<Citation>;
  confidence: Confidence;
  endedBy?: Maybe<Scalars['Date']['output']>;
  from?: Maybe<Scalars['Date']['output']>;
  id: Scalars['ID']['output'];
  /** Set when the source implies the link but does not state it: how it is read. Null when stated. */
  inference?: Maybe<Scalars['String']['output']>;
  part: Entity;
  retraction?: Maybe<Scalars['String']['output']>;
  to?: Maybe<Scalars['Date']['output']>;
  /** False when the sources give no end: it holds still, as far as they say. */
  toKnown: Scalars['Boolean']['output'];
  whole: Entity;
};

/** Person or Organization -PARTICIPATED_IN-> Event in a neutral role: judge, witness, victim, defendant, commenter. */
export type Participation = {
  citations: Array<Citation>;
  confidence: Confidence;
  event: Event;
  id: Scalars['ID']['output'];
  /** Set when the source implies the link but does not state it: how it is read. Null when stated. */
  inference?: Maybe<Scalars['String']['output']>;
  participant: Entity;
  retraction?: Maybe<Scalars['String']['output']>;
  role?: Maybe<Scalars['String']['output']>;
};

export type Path = {
  /** The weakest confidence of its steps. */
  confidence: Confidence;
  length: Scalars['Int']['output'];
  steps: Array<PathStep>;
  /** The search stopped at limit: more paths of the lengths asked for exist (without longer, more shortest ones). */
  truncated: Scalars['Boolean']['output'];
};

export type PathStep = {
  direction: StepDirection;
  edge: GraphEdge;
  from: Entity;
  to: Entity;
};

export type Person = Entity & {
  /** Where each alias comes from: a citation, or an editorial note saying what it is. */
  aliasSources: Array<AliasSource>;
  aliases: Array<Scalars['String']['output']>;
  /** FollowTheMoney facts, as the source wrote them (dates partial, countries ISO codes). */
  birthDate: Array<Scalars['String']['output']>;
  citations: Array<Citation>;
  confidence: Confidence;
  deathDate: Array<Scalars['String']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  gender: Array<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  idNumber: Array<Scalars['String']['output']>;
  /** Organizations belonged to (MEMBER_OF). */
  memberships: Array<Membership>;
  /** Statements about this person (ABOUT). */
  mentionedIn: Array<Relation>;
  name: Scalars['String']['output'];
  nationality: Array<Scalars['String']['output']>;
  notes: Array<Scalars['String']['output']>;
  /** Events taken part in without responsibility: witness, victim, defendant, commenter (PARTICIPATED_IN). */
  participations: Array<Participation>;
  passportNumber: Array<Scalars['String']['output']>;
  /** Positions as the source words them (FtM position). */
  positionTitles: Array<Scalars['String']['output']>;
  /** Events this person is said to be responsible for (RESPONSIBLE_FOR). */
  responsibilities: Array<Responsibility>;
  retraction?: Maybe<Scalars['String']['output']>;
  /** Statements made (STATED). */
  statements: Array<Relation>;
  taxNumber: Array<Scalars['String']['output']>;
  /** Posts held (HOLDS). */
  tenures: Array<Tenure>;
  /** FtM topics: sanction, role.pep, crime.terror... */
  topics: Array<Scalars['String']['output']>;
  /** Verdicts against this person (AGAINST), as the court decided. */
  verdicts: Array<VerdictParty>;
  wikidataId: Array<Scalars['String']['output']>;
};


export type PersonMembershipsArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  minConfidence?: InputMaybe<Confidence>;
};


export type PersonMentionedInArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  minConfidence?: InputMaybe<Confidence>;
};


export type PersonParticipationsArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  minConfidence?: InputMaybe<Confidence>;
};


export type PersonResponsibilitiesArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  minConfidence?: InputMaybe<Confidence>;
};


export type PersonStatementsArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  minConfidence?: InputMaybe<Confidence>;
};


export type PersonTenuresArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  minConfidence?: InputMaybe<Confidence>;
};


export type PersonVerdictsArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  minConfidence?: InputMaybe<Confidence>;
};

export type PersonConnection = {
  edges: Array<PersonEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type PersonEdge = {
  cursor: Scalars['String']['output'];
  node: Person;
};

export type PersonWhere = {
  AND?: InputMaybe<Array<PersonWhere>>;
  NOT?: InputMaybe<PersonWhere>;
  OR?: InputMaybe<Array<PersonWhere>>;
  alias?: InputMaybe<StringFilter>;
  /** Any of its values matches. */
  birthDate?: InputMaybe<StringFilter>;
  confidence?: InputMaybe<ConfidenceFilter>;
  deathDate?: InputMaybe<StringFilter>;
  description?: InputMaybe<StringFilter>;
  gender?: InputMaybe<StringFilter>;
  id?: InputMaybe<IdFilter>;
  idNumber?: InputMaybe<StringFilter>;
  memberships?: InputMaybe<RelationFilter>;
  name?: InputMaybe<StringFilter>;
  nationality?: InputMaybe<StringFilter>;
  notes?: InputMaybe<StringFilter>;
  participations?: InputMaybe<RelationFilter>;
  passportNumber?: InputMaybe<StringFilter>;
  positionTitles?: InputMaybe<StringFilter>;
  responsibilities?: InputMaybe<RelationFilter>;
  statements?: InputMaybe<RelationFilter>;
  taxNumber?: InputMaybe<StringFilter>;
  tenures?: InputMaybe<RelationFilter>;
  topics?: InputMaybe<StringFilter>;
  verdicts?: InputMaybe<RelationFilter>;
  wikidataId?: InputMaybe<StringFilter>;
};

export type Place = Entity & {
  /** Where each alias comes from: a citation, or an editorial note saying what it is. */
  aliasSources: Array<AliasSource>;
  aliases: Array<Scalars['String']['output']>;
  citations: Array<Citation>;
  confidence: Confidence;
  /** Organizations and places within it (LOCATED_IN, incoming). */
  contains: Array<Relation>;
  /** ISO 3166-1 alpha-2 code. */
  country?: Maybe<Scalars['String']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  /** Events that happened here (OCCURRED_IN, incoming). */
  events: Array<Relation>;
  id: Scalars['ID']['output'];
  locatedIn: Array<Relation>;
  name: Scalars['String']['output'];
  retraction?: Maybe<Scalars['String']['output']>;
};


export type PlaceContainsArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  minConfidence?: InputMaybe<Confidence>;
};


export type PlaceEventsArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  minConfidence?: InputMaybe<Confidence>;
};


export type PlaceLocatedInArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  minConfidence?: InputMaybe<Confidence>;
};

export type PlaceConnection = {
  edges: Array<PlaceEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type PlaceEdge = {
  cursor: Scalars['String']['output'];
  node: Place;
};

export type PlaceWhere = {
  AND?: InputMaybe<Array<PlaceWhere>>;
  NOT?: InputMaybe<PlaceWhere>;
  OR?: InputMaybe<Array<PlaceWhere>>;
  alias?: InputMaybe<StringFilter>;
  confidence?: InputMaybe<ConfidenceFilter>;
  contains?: InputMaybe<RelationFilter>;
  events?: InputMaybe<RelationFilter>;
  id?: InputMaybe<IdFilter>;
  locatedIn?: InputMaybe<RelationFilter>;
  name?: InputMaybe<StringFilter>;
};

export type Position = Entity & {
  /** Where each alias comes from: a citation, or an editorial note saying what it is. */
  aliasSources: Array<AliasSource>;
  aliases: Array<Scalars['String']['output']>;
  citations: Array<Citation>;
  confidence: Confidence;
  description?: Maybe<Scalars['String']['output']>;
  /** Who held it (HOLDS, incoming); asOf keeps the tenures known to overlap that date. */
  holders: Array<Tenure>;
  id: Scalars['ID']['output'];
  mentionedIn: Array<Relation>;
  name: Scalars['String']['output'];
  /** The organizations whose post this is (POSITION_IN). */
  organizations: Array<Relation>;
  retraction?: Maybe<Scalars['String']['output']>;
};


export type PositionHoldersArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  minConfidence?: InputMaybe<Confidence>;
};


export type PositionMentionedInArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  minConfidence?: InputMaybe<Confidence>;
};


export type PositionOrganizationsArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  minConfidence?: InputMaybe<Confidence>;
};

export type PositionConnection = {
  edges: Array<PositionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type PositionEdge = {
  cursor: Scalars['String']['output'];
  node: Position;
};

export type PositionWhere = {
  AND?: InputMaybe<Array<PositionWhere>>;
  NOT?: InputMaybe<PositionWhere>;
  OR?: InputMaybe<Array<PositionWhere>>;
  alias?: InputMaybe<StringFilter>;
  confidence?: InputMaybe<ConfidenceFilter>;
  holders?: InputMaybe<RelationFilter>;
  id?: InputMaybe<IdFilter>;
  name?: InputMaybe<StringFilter>;
  organizations?: InputMaybe<RelationFilter>;
};

/** A post a person held, and what the sources say about when. */
export type PostAtTime = {
  /** The date a source says it held, when that is all the sources give. */
  attested?: Maybe<Scalars['Date']['output']>;
  dating: Dating;
  held: Held;
  /** The same in words, e.g. "held then (from 1986 to 1990)". */
  note: Scalars['String']['output'];
  tenure: Tenure;
};

export type Query = {
  /**
   * The chain of accountability around an event, a person or an organization. For an event:
   * who is responsible (DIRECT), the members of responsible organizations then (MEMBER), the
   * holders then of the posts of those organizations and of the ones above them (COMMAND), those
   * organizations above (INSTITUTIONAL), and the verdicts that concern it. For a person or an
   * organization: the events it is linked to, on the same bases (an organization's report also
   * lists its members, its post holders over time and the organizations above and below it).
   * Every entry carries the path that
   * justifies it, the weakest confidence on that path and the citations of each step. A path
   * never runs through a statement (STATED, ABOUT): talk is not a chain of command. MEMBER and
   * COMMAND entries hold "at the time" only as far as the sources' dates say (heldThen).
   */
  accountability?: Maybe<AccountabilityReport>;
  /** Every change since a time (RFC 3339), by one key's name when given. Admins. */
  changes: Array<Change>;
  /** The entity with this id, of any kind; null when there is none. An entity imported from FollowTheMoney is also found by "ftm:" and its FtM id, exactly as in the file. */
  entity?: Maybe<Entity>;
  events?: Maybe<EventConnection>;
  /** How many relationships of each type, to neighbours of each kind, an entity has: what expanding it would bring. */
  expandStats?: Maybe<Array<ExpandStat>>;
  /** The changes that touched an entity or relationship, newest first. */
  history: Array<Change>;
  /** Who held a post; with asOf, only the tenures known to overlap that date. */
  holders?: Maybe<Array<Tenure>>;
  /** Where the words appear in what was said or quoted: statement texts and citation quotes (words stemmed: commission finds commissions), best first; RETRACTED ones are left out. */
  mentions?: Maybe<Array<Mention>>;
  /** The entity and what lies within depth relationships of it, in the shape an explorer draws. At most limit neighbours (nearest first); truncated says more were left out. */
  neighborhood?: Maybe<Subgraph>;
  organizations?: Maybe<OrganizationConnection>;
  /** Paths between two entities, up to limit: the shortest ones (every path of the least length), or with longer also longer ones, shortest first. Direction is ignored unless directed. Every step is cited; a path is as strong as its weakest step. Mentions (STATED, ABOUT: talk about an entity, not a relation with it) are walked only when relTypes names them, and are marked as such on every step (edge.mention). longer enumerates the paths through busy nodes (a court behind every verdict, a large ministry) and costs accordingly on a large graph. */
  paths?: Maybe<Array<Path>>;
  people?: Maybe<PersonConnection>;
  places?: Maybe<PlaceConnection>;
  positions?: Maybe<PositionConnection>;
  /** Runs a saved query with variables (its defaults fill the rest): {name, version, columns, rows}. */
  runSavedQuery?: Maybe<Scalars['JSON']['output']>;
  /** The latest version of every saved query, with a tag only those carrying it. */
  savedQueries: Array<SavedQuery>;
  /** One version of a saved query (the latest when version is absent); null when there is none. */
  savedQuery?: Maybe<SavedQuery>;
  /** Every version of a saved query, newest first. */
  savedQueryHistory: Array<SavedQuery>;
  /**
   * Search over names and aliases in any spelling or script, best first; RETRACTED entities are left out.
   * Every word counts but stop words (of, the, in, and...); case, accents, punctuation and apostrophes do not.
   * An exact name or alias comes first, then names holding every word, then those matching with typos or as
   * prefixes; the entity that is the name comes before a statement, event or post named after it.
   */
  search?: Maybe<Array<SearchHit>>;
  sources?: Maybe<SourceConnection>;
  /** Every statement: what people and organizations said, verbatim. */
  statements?: Maybe<StatementConnection>;
  /** The service's health as a client sees it: the Neo4j behind it and the schema version it runs. */
  status: Status;
  /** What touches an entity over time — tenures, memberships, events, verdicts, statements — as entries sorted by date (a year sorts before the months in it). Undated facts are left out unless undated is true, when they come last with a null date (and are kept by from/to: they may overlap); from/to keep the entries that overlap that range. */
  timeline?: Maybe<Array<TimelineEntry>>;
  verdicts?: Maybe<VerdictConnection>;
};


export type QueryAccountabilityArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  maxHops?: InputMaybe<Scalars['Int']['input']>;
  minConfidence?: InputMaybe<Confidence>;
  subject: Scalars['ID']['input'];
};


export type QueryChangesArgs = {
  by?: InputMaybe<Scalars['String']['input']>;
  since: Scalars['String']['input'];
};


export type QueryEntityArgs = {
  id: Scalars['ID']['input'];
};


export type QueryEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<Order>>;
  where?: InputMaybe<EventWhere>;
};


export type QueryExpandStatsArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  id: Scalars['ID']['input'];
  minConfidence?: InputMaybe<Confidence>;
};


export type QueryHistoryArgs = {
  id: Scalars['ID']['input'];
};


export type QueryHoldersArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  minConfidence?: InputMaybe<Confidence>;
  position: Scalars['ID']['input'];
};


export type QueryMentionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  text: Scalars['String']['input'];
};


export type QueryNeighborhoodArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  depth?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  kinds?: InputMaybe<Array<EntityKind>>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  minConfidence?: InputMaybe<Confidence>;
  relTypes?: InputMaybe<Array<RelType>>;
};


export type QueryOrganizationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<Order>>;
  where?: InputMaybe<OrganizationWhere>;
};


export type QueryPathsArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  directed?: InputMaybe<Scalars['Boolean']['input']>;
  from: Scalars['ID']['input'];
  limit?: InputMaybe<Scalars['Int']['input']>;
  longer?: InputMaybe<Scalars['Boolean']['input']>;
  maxLength?: InputMaybe<Scalars['Int']['input']>;
  minConfidence?: InputMaybe<Confidence>;
  relTypes?: InputMaybe<Array<RelType>>;
  to: Scalars['ID']['input'];
};


export type QueryPeopleArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<Order>>;
  where?: InputMaybe<PersonWhere>;
};


export type QueryPlacesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<Order>>;
  where?: InputMaybe<PlaceWhere>;
};


export type QueryPositionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<Order>>;
  where?: InputMaybe<PositionWhere>;
};


export type QueryRunSavedQueryArgs = {
  name: Scalars['String']['input'];
  variables?: InputMaybe<Scalars['JSON']['input']>;
  version?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySavedQueriesArgs = {
  tag?: InputMaybe<Scalars['String']['input']>;
};


export type QuerySavedQueryArgs = {
  name: Scalars['String']['input'];
  version?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySavedQueryHistoryArgs = {
  name: Scalars['String']['input'];
};


export type QuerySearchArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  kinds?: InputMaybe<Array<EntityKind>>;
  text: Scalars['String']['input'];
};


export type QuerySourcesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<Order>>;
  where?: InputMaybe<SourceWhere>;
};


export type QueryStatementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<Order>>;
  where?: InputMaybe<StatementWhere>;
};


export type QueryTimelineArgs = {
  from?: InputMaybe<Scalars['Date']['input']>;
  id: Scalars['ID']['input'];
  to?: InputMaybe<Scalars['Date']['input']>;
  undated?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryVerdictsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<Order>>;
  where?: InputMaybe<VerdictWhere>;
};

export type RelType =
  | 'ABOUT'
  | 'AGAINST'
  | 'ASSOCIATE_OF'
  | 'CONCERNS'
  | 'FAMILY_OF'
  | 'HOLDS'
  | 'ISSUED_BY'
  | 'LOCATED_IN'
  | 'MEMBER_OF'
  | 'OCCURRED_IN'
  /** FollowTheMoney's: Ownership, Family, Associate, Representation, Succession, Payment; RELATED_TO for any other link (its role says which). */
  | 'OWNS'
  | 'PAID'
  | 'PARTICIPATED_IN'
  | 'PART_OF'
  | 'POSITION_IN'
  | 'RELATED_TO'
  | 'REPRESENTS'
  | 'RESPONSIBLE_FOR'
  | 'STATED'
  | 'SUCCEEDED_BY';

/** Any other relationship: POSITION_IN, ISSUED_BY, CONCERNS, STATED, ABOUT, LOCATED_IN, OCCURRED_IN. source and target are its two ends, in its direction. */
export type Relation = {
  citations: Array<Citation>;
  confidence: Confidence;
  from?: Maybe<Scalars['Date']['output']>;
  id: Scalars['ID']['output'];
  /** Set when the source implies the link but does not state it: how it is read. Null when stated. */
  inference?: Maybe<Scalars['String']['output']>;
  retraction?: Maybe<Scalars['String']['output']>;
  role?: Maybe<Scalars['String']['output']>;
  source: Entity;
  target: Entity;
  to?: Maybe<Scalars['Date']['output']>;
  type: RelType;
};

export type RelationFilter = {
  none?: InputMaybe<RelationWhere>;
  some?: InputMaybe<RelationWhere>;
};

export type RelationWhere = {
  /** Keep relationships known to hold then. */
  asOf?: InputMaybe<Scalars['Date']['input']>;
  confidence?: InputMaybe<ConfidenceFilter>;
  /** The entity at the other end. */
  node?: InputMaybe<EntityWhere>;
  role?: InputMaybe<StringFilter>;
};

/** Person or Organization -RESPONSIBLE_FOR-> Event, with what they are said to have done. */
export type Responsibility = {
  /** A Person or an Organization. */
  actor: Entity;
  citations: Array<Citation>;
  confidence: Confidence;
  event: Event;
  id: Scalars['ID']['output'];
  /** Set when the source implies the link but does not state it: how it is read. Null when stated. */
  inference?: Maybe<Scalars['String']['output']>;
  retraction?: Maybe<Scalars['String']['output']>;
  /** ORDERED, PLANNED, CARRIED_OUT, APPROVED, FACILITATED, COVERED_UP or IMPLICATED. */
  role: Scalars['String']['output'];
};

export type SavedColumn = {
  /** The column gathers the citations at its path. */
  citations: Scalars['Boolean']['output'];
  /** What the cell says when the path holds nothing, e.g. "undated". */
  empty?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  path: Scalars['String']['output'];
};

export type SavedColumnInput = {
  /** The column gathers the citations at its path. */
  citations?: InputMaybe<Scalars['Boolean']['input']>;
  /** What the cell says when the path holds nothing, e.g. "undated". */
  empty?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  path: Scalars['String']['input'];
};

/** A named, parameterised, versioned query that journalists run by name, as a table. */
export type SavedQuery = {
  columns: Array<SavedColumn>;
  /** RFC 3339. */
  createdAt?: Maybe<Scalars['String']['output']>;
  createdBy?: Maybe<Scalars['String']['output']>;
  csvUrl: Scalars['String']['output'];
  deleted: Scalars['Boolean']['output'];
  description?: Maybe<Scalars['String']['output']>;
  /** The GraphQL document: one query operation. */
  document: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /** Dot path to the list whose items are the table's rows, one per fact; several, comma-separated, give their rows in turn. */
  rows: Scalars['String']['output'];
  tags: Array<Scalars['String']['output']>;
  title: Scalars['String']['output'];
  /** Where to run it over HTTP: JSON, and CSV. */
  url: Scalars['String']['output'];
  /** The operation's variables; required ones have no default. */
  variables: Array<SavedVariable>;
  version: Scalars['Int']['output'];
};

export type SavedQueryInput = {
  columns: Array<SavedColumnInput>;
  description?: InputMaybe<Scalars['String']['input']>;
  /** One GraphQL query operation; its variables' defaults become the saved query's. */
  document: Scalars['String']['input'];
  /** A slug: who-held-post. */
  name: Scalars['String']['input'];
  /** Dot path to the list whose items are the table's rows. */
  rows: Scalars['String']['input'];
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  title: Scalars['String']['input'];
};

export type SavedVariable = {
  /** JSON of the default value */
  default?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  required: Scalars['Boolean']['output'];
  type: Scalars['String']['output'];
};

export type SearchHit = {
  entity: Entity;
  kind: EntityKind;
  /** The name or alias that matched best. */
  matched: Scalars['String']['output'];
  /** How well it matched: 3 and over an exact name or alias, 2 every word, 1 with typos or prefixes; higher within those for a name with fewer other words. */
  score: Scalars['Float']['output'];
};

/** A document citations point into, with what a reader needs to weigh it. */
export type Source = Entity & {
  /** Where each alias comes from: a citation, or an editorial note saying what it is. */
  aliasSources: Array<AliasSource>;
  aliases: Array<Scalars['String']['output']>;
  author?: Maybe<Scalars['String']['output']>;
  citations: Array<Citation>;
  confidence: Confidence;
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: SourceKind;
  name: Scalars['String']['output'];
  published?: Maybe<Scalars['Date']['output']>;
  publisher: Scalars['String']['output'];
  retraction?: Maybe<Scalars['String']['output']>;
  /** The publisher's stake, e.g. "published by an opposition group". */
  stake?: Maybe<Scalars['String']['output']>;
  /** The document's text when accgraph holds it; every quote citing the source is checked against it. */
  text?: Maybe<Scalars['String']['output']>;
  title: Scalars['String']['output'];
  url?: Maybe<Scalars['String']['output']>;
};

export type SourceConnection = {
  edges: Array<SourceEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type SourceEdge = {
  cursor: Scalars['String']['output'];
  node: Source;
};

export type SourceKind =
  | 'ARTICLE'
  | 'COURT_RECORD'
  | 'DATASET'
  | 'REPORT'
  | 'SANCTIONS_LIST'
  | 'STATEMENT'
  | 'UN_DOCUMENT';

export type SourceKindFilter = {
  eq?: InputMaybe<SourceKind>;
  in?: InputMaybe<Array<SourceKind>>;
};

export type SourceWhere = {
  AND?: InputMaybe<Array<SourceWhere>>;
  NOT?: InputMaybe<SourceWhere>;
  OR?: InputMaybe<Array<SourceWhere>>;
  confidence?: InputMaybe<ConfidenceFilter>;
  id?: InputMaybe<IdFilter>;
  kind?: InputMaybe<SourceKindFilter>;
  name?: InputMaybe<StringFilter>;
  published?: InputMaybe<DateRange>;
  publisher?: InputMaybe<StringFilter>;
  title?: InputMaybe<StringFilter>;
};

/** Whether a citation supports the fact it is attached to or disputes it. A fact with both is DISPUTED, and both stay. */
export type Stance =
  | 'DISPUTES'
  | 'SUPPORTS';

/** Something someone said, verbatim. It records that it was said, not that it is true. */
export type Statement = Entity & {
  /** What it is about (ABOUT). */
  about: Array<Relation>;
  /** Where each alias comes from: a citation, or an editorial note saying what it is. */
  aliasSources: Array<AliasSource>;
  aliases: Array<Scalars['String']['output']>;
  citations: Array<Citation>;
  confidence: Confidence;
  date?: Maybe<Scalars['Date']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  retraction?: Maybe<Scalars['String']['output']>;
  /** Who said it (STATED, incoming). */
  speakers: Array<Relation>;
  text: Scalars['String']['output'];
};


/** Something someone said, verbatim. It records that it was said, not that it is true. */
export type StatementAboutArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  minConfidence?: InputMaybe<Confidence>;
};


/** Something someone said, verbatim. It records that it was said, not that it is true. */
export type StatementSpeakersArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  minConfidence?: InputMaybe<Confidence>;
};

export type StatementConnection = {
  edges: Array<StatementEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type StatementEdge = {
  cursor: Scalars['String']['output'];
  node: Statement;
};

export type StatementWhere = {
  AND?: InputMaybe<Array<StatementWhere>>;
  NOT?: InputMaybe<StatementWhere>;
  OR?: InputMaybe<Array<StatementWhere>>;
  about?: InputMaybe<RelationFilter>;
  alias?: InputMaybe<StringFilter>;
  confidence?: InputMaybe<ConfidenceFilter>;
  date?: InputMaybe<DateRange>;
  id?: InputMaybe<IdFilter>;
  name?: InputMaybe<StringFilter>;
  speakers?: InputMaybe<RelationFilter>;
  /** The verbatim words. */
  text?: InputMaybe<StringFilter>;
};

/** What serves this API. */
export type Status = {
  /** The Neo4j server's version and edition, e.g. "5.26.30 community". */
  neo4jVersion: Scalars['String']['output'];
  /** The highest schema migration applied to the database. */
  schemaVersion: Scalars['Int']['output'];
};

export type StepDirection =
  /** The relationship points the other way. */
  | 'BACKWARD'
  /** The relationship points from the step's `from` to its `to`. */
  | 'FORWARD';

export type StringFilter = {
  /** Case-insensitive. */
  contains?: InputMaybe<Scalars['String']['input']>;
  eq?: InputMaybe<Scalars['String']['input']>;
  gt?: InputMaybe<Scalars['String']['input']>;
  gte?: InputMaybe<Scalars['String']['input']>;
  in?: InputMaybe<Array<Scalars['String']['input']>>;
  lt?: InputMaybe<Scalars['String']['input']>;
  lte?: InputMaybe<Scalars['String']['input']>;
  startsWith?: InputMaybe<Scalars['String']['input']>;
};

export type Subgraph = {
  edges: Array<GraphEdge>;
  nodes: Array<GraphNode>;
  /** More neighbours existed than the limit allowed. */
  truncated: Scalars['Boolean']['output'];
};

/** A post held: Person -HOLDS-> Position. from/to as the sources give them; attested is a date a source says it held; endedBy a date by which it had ended. */
export type Tenure = {
  attested?: Maybe<Scalars['Date']['output']>;
  citations: Array<Citation>;
  confidence: Confidence;
  endedBy?: Maybe<Scalars['Date']['output']>;
  from?: Maybe<Scalars['Date']['output']>;
  id: Scalars['ID']['output'];
  /** Set when the source implies the link but does not state it: how it is read. Null when stated. */
  inference?: Maybe<Scalars['String']['output']>;
  person: Person;
  position: Position;
  retraction?: Maybe<Scalars['String']['output']>;
  to?: Maybe<Scalars['Date']['output']>;
  /** False when the sources give no end: it holds still, as far as they say. */
  toKnown: Scalars['Boolean']['output'];
};

/** An entity imported from FollowTheMoney that has no kind of its own here: a vessel, an aircraft, a bank account, a passport, a document. */
export type Thing = Entity & {
  /** Where each alias comes from: a citation, or an editorial note saying what it is. */
  aliasSources: Array<AliasSource>;
  aliases: Array<Scalars['String']['output']>;
  citations: Array<Citation>;
  confidence: Confidence;
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  retraction?: Maybe<Scalars['String']['output']>;
  /** Its FollowTheMoney schema: Vessel, BankAccount, Passport... */
  schema: Scalars['String']['output'];
};

export type TimelineEntry = {
  citations: Array<Citation>;
  confidence: Confidence;
  /** Null for an undated fact (asked for with undated: true). */
  date?: Maybe<Scalars['Date']['output']>;
  edge: GraphEdge;
  endDate?: Maybe<Scalars['Date']['output']>;
  /** The other end: the post, the organization, the event, the verdict, the statement. */
  entity: Entity;
  /** TENURE, MEMBERSHIP, EVENT, VERDICT, STATEMENT, or the relationship type. */
  kind: Scalars['String']['output'];
  title: Scalars['String']['output'];
  /** False when the entry has no end date: it held still, as far as the sources say. */
  toKnown: Scalars['Boolean']['output'];
};

/** What a court decided. */
export type Verdict = Entity & {
  /** Where each alias comes from: a citation, or an editorial note saying what it is. */
  aliasSources: Array<AliasSource>;
  aliases: Array<Scalars['String']['output']>;
  citations: Array<Citation>;
  /** The events it judged (CONCERNS). */
  concerns: Array<Relation>;
  confidence: Confidence;
  date?: Maybe<Scalars['Date']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** The court (ISSUED_BY). */
  issuedBy: Array<Relation>;
  mentionedIn: Array<Relation>;
  name: Scalars['String']['output'];
  /** Whom it was against, with the outcome and sentence (AGAINST). */
  parties: Array<VerdictParty>;
  retraction?: Maybe<Scalars['String']['output']>;
};


/** What a court decided. */
export type VerdictConcernsArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  minConfidence?: InputMaybe<Confidence>;
};


/** What a court decided. */
export type VerdictIssuedByArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  minConfidence?: InputMaybe<Confidence>;
};


/** What a court decided. */
export type VerdictMentionedInArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  minConfidence?: InputMaybe<Confidence>;
};


/** What a court decided. */
export type VerdictPartiesArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  minConfidence?: InputMaybe<Confidence>;
};

export type VerdictConnection = {
  edges: Array<VerdictEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type VerdictEdge = {
  cursor: Scalars['String']['output'];
  node: Verdict;
};

/** Verdict -AGAINST-> Person or Organization: what the court decided about this party. */
export type VerdictParty = {
  citations: Array<Citation>;
  confidence: Confidence;
  id: Scalars['ID']['output'];
  /** Set when the source implies the link but does not state it: how it is read. Null when stated. */
  inference?: Maybe<Scalars['String']['output']>;
  outcome?: Maybe<Scalars['String']['output']>;
  party: Entity;
  retraction?: Maybe<Scalars['String']['output']>;
  sentence?: Maybe<Scalars['String']['output']>;
  verdict: Verdict;
};

export type VerdictWhere = {
  AND?: InputMaybe<Array<VerdictWhere>>;
  NOT?: InputMaybe<VerdictWhere>;
  OR?: InputMaybe<Array<VerdictWhere>>;
  concerns?: InputMaybe<RelationFilter>;
  confidence?: InputMaybe<ConfidenceFilter>;
  date?: InputMaybe<DateRange>;
  id?: InputMaybe<IdFilter>;
  issuedBy?: InputMaybe<RelationFilter>;
  name?: InputMaybe<StringFilter>;
  parties?: InputMaybe<RelationFilter>;
};
