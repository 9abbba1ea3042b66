// The graph on screen: which entities are shown, the relationships among them, and their
// drawing. Each shown entity's neighbourhood is asked once (at any time: the date, like
// every filter, is applied here), so expanding costs one request and a change of date none.
import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { type GraphEdge, type GraphNode, type Subgraph, neighborhood, neighborhoods } from './api';
import { kinds, pathColor, shortLabel, stylesheet, words } from './style';
import { type ViewState, strongEnough, trueOn } from './state';

cytoscape.use(fcose);

/** A path drawn in the view: its entities and relationships. */
export interface DrawnPath { nodes: string[]; edges: string[] }

export class GraphView {
  readonly cy: Core;
  /** The entities shown. */
  readonly nodes = new Map<string, GraphNode>();
  /** The relationships among them. */
  readonly edges = new Map<string, GraphEdge>();
  /** Every neighbourhood asked so far, kept while the page is open. */
  private around = new Map<string, Subgraph>();
  truncated: string[] = [];
  private filters: ViewState | null = null;
  /** Entities shown whose every relationship is filtered out (by the date): faded, and counted in the status. */
  idle = 0;
  /** Changes run one after another, so a slow answer never lands on top of a later one. */
  private queue: Promise<unknown> = Promise.resolve();
  /** The entity being expanded: it keeps its place while the others make room for labels. */
  private pinned: string | null = null;
  /** What the last result (an accountability report) is about: the view fits these while no path is marked. */
  private focused: string[] = [];
  /** Called after each change of what is drawn or filtered. */
  onChange: () => void = () => {};

  constructor(container: HTMLElement) {
    this.cy = cytoscape({ container, style: stylesheet(), minZoom: 0.1, maxZoom: 4 });
    // the panels open and close (drawers on a phone): the drawing fits the room they leave
    new ResizeObserver(() => {
      if (!container.clientWidth || !container.clientHeight) return;
      this.cy.resize();
      this.fit();
    }).observe(container);
    this.cy.on('mouseover', 'node, edge', (ev) => { ev.target.addClass('hover'); });
    this.cy.on('mouseout', 'node, edge', (ev) => { ev.target.removeClass('hover'); });
    // a selected entity's relationships show their labels at any zoom
    this.cy.on('select unselect', 'node', (ev) => { ev.target.connectedEdges().toggleClass('near', ev.target.selected()); });
    container.addEventListener('mouseleave', () => { this.cy.$('.hover').removeClass('hover'); });
  }

  ids(): string[] {
    return [...this.nodes.keys()];
  }

  /** Shows exactly ids (and the relationships among them); positions of entities kept stay. */
  load(ids: string[]): Promise<void> {
    return this.serial(async () => {
      const keep = new Set(ids);
      for (const id of this.ids()) if (!keep.has(id)) this.nodes.delete(id);
      await this.addNow(ids);
    });
  }

  /** Adds entities to the view. */
  add(ids: string[]): Promise<void> {
    return this.serial(() => this.addNow(ids));
  }

  /**
   * Adds what lies one step around id; resolves to the number of entities it brought. One
   * request: what lies within two steps holds every relationship of each new neighbour
   * (to the entities shown and to any drawn later), so none of them is asked again.
   */
  expand(id: string): Promise<number> {
    return this.serial(async () => {
      const problems = await this.fetch([id]);
      const fresh = (this.around.get(id)?.nodes ?? []).map((n) => n.id).filter((n) => !this.nodes.has(n) && !this.around.has(n));
      if (fresh.length) {
        try {
          const two = await neighborhood(id, 2);
          // cut at the limit, the ring may lack some relationships of a neighbour: those are asked for themselves
          if (!two.truncated) for (const n of fresh) this.around.set(n, ringOf(two, n));
          problems.push(...await this.fetch(fresh));
        } catch (err) {
          problems.push(err instanceof Error ? err.message : String(err));
        }
      }
      const shown = (this.around.get(id)?.nodes ?? []).map((n) => n.id).filter((n) => !this.nodes.has(n));
      this.show([id, ...shown]);
      this.pinned = id;
      try {
        this.settle(problems);
      } finally {
        this.pinned = null;
      }
      return shown.length;
    });
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async addNow(ids: string[]): Promise<void> {
    const problems = await this.fetch(ids);
    this.show(ids);
    this.settle(problems);
  }

  /** Asks, in one request, the neighbourhoods not asked yet; names what could not be had. */
  private async fetch(ids: string[]): Promise<string[]> {
    const missing = [...new Set(ids)].filter((id) => !this.around.has(id));
    if (!missing.length) return [];
    try {
      const { found, unknown } = await neighborhoods(missing);
      for (const [id, nb] of found) this.around.set(id, nb);
      return unknown.map((id) => `no entity "${id}"`);
    } catch (err) {
      return [err instanceof Error ? err.message : String(err)];
    }
  }

  /** Puts ids among the entities shown (those whose neighbourhood arrived). */
  private show(ids: string[]): void {
    for (const id of ids) {
      const self = this.around.get(id)?.nodes.find((n) => n.id === id);
      if (self) this.nodes.set(id, self);
    }
  }

  /** Draws what arrived, then reports what did not. */
  private settle(problems: string[]): void {
    this.truncated = this.ids().filter((id) => this.around.get(id)?.truncated);
    this.edges.clear();
    for (const id of this.nodes.keys()) {
      for (const e of this.around.get(id)?.edges ?? []) if (this.nodes.has(e.source) && this.nodes.has(e.target)) this.edges.set(e.id, e);
    }
    this.draw();
    if (problems.length) throw new Error(problems.join('; '));
  }

  /** Brings the drawing in line with the model; new entities are laid out around the ones already placed, the same way each time. */
  private draw(): void {
    const cy = this.cy;
    cy.elements().filter((el) => (el.isNode() ? !this.nodes.has(el.id()) : !this.edges.has(el.id()))).remove();
    const placed = cy.nodes().length;
    const added: ElementDefinition[] = [];
    for (const n of this.nodes.values()) {
      const data = { id: n.id, label: n.label, short: shortLabel(n.label, n.kind === 'STATEMENT' ? 18 : 26), kind: n.kind,
        color: kinds[n.kind]?.color ?? '#888', confidence: n.confidence, degree: n.degree };
      const el = cy.getElementById(n.id);
      if (el.nonempty()) el.data(data);
      else added.push({ group: 'nodes', data, position: this.startPosition(n.id) });
    }
    cy.add(added);
    cy.add([...this.edges.values()].filter((e) => cy.getElementById(e.id).empty()).map((e) => ({
      group: 'edges' as const,
      data: { id: e.id, source: e.source, target: e.target, type: e.type, words: words(e.type), undatedWords: `${words(e.type)} (undated)`,
        confidence: e.confidence },
    })));
    cy.nodes().forEach((n) => { n.data('expandable', n.data('degree') > n.connectedEdges().length); });
    if (added.length) this.layout(placed === 0, new Set(added.map((a) => String(a.data.id))));
    if (this.filters) this.filter(this.filters);
    else this.onChange();
    if (added.length) {
      this.focused = [];
      this.fit();
    }
  }

  private layout(all: boolean, fresh: Set<string>): void {
    const cy = this.cy;
    const fixed = all ? [] : cy.nodes().filter((n) => !fresh.has(n.id())).map((n) => ({ nodeId: n.id(), position: { ...(n as NodeSingular).position() } }));
    const options = {
      name: 'fcose', animate: false, randomize: all, quality: 'proof', nodeDimensionsIncludeLabels: true,
      nodeRepulsion: () => 12000, idealEdgeLength: () => 110, nodeSeparation: 90, packComponents: true,
      ...(fixed.length ? { fixedNodeConstraint: fixed } : {}),
    };
    // the layout draws its random numbers from a seed made of what is shown: the same view lays out the same
    const anchor = fixed[0];
    seeded(hash(this.ids().sort().join(',')), () => cy.layout(options as never).run());
    // the layout may shift the whole drawing (labels count in its sizes): what was placed stays exactly where it was
    if (anchor) {
      const now = cy.getElementById(anchor.nodeId).position();
      const dx = anchor.position.x - now.x;
      const dy = anchor.position.y - now.y;
      if (dx || dy) cy.nodes().shift({ x: dx, y: dy });
    }
    // an expansion may nudge what was placed before, never the entity expanded; other additions move only the new
    const stay = all ? new Set<string>() : this.pinned ? new Set([this.pinned]) : new Set(fixed.map((f) => f.nodeId));
    this.separateLabels(stay);
  }

  /** Moves entities apart until no two labels overlap (or a few rounds have passed); those in stay do not move. */
  private separateLabels(stay: Set<string>): void {
    const nodes = this.cy.nodes();
    const gap = 4;
    for (let round = 0; round < 30; round++) {
      const boxes = nodes.map((n) => ({ n, b: n.boundingBox({ includeNodes: true, includeEdges: false, includeLabels: true }) }));
      let moved = false;
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const { n: a, b: p } = boxes[i];
          const { n: b, b: q } = boxes[j];
          const ox = Math.min(p.x2, q.x2) - Math.max(p.x1, q.x1) + gap;
          const oy = Math.min(p.y2, q.y2) - Math.max(p.y1, q.y1) + gap;
          if (ox <= 0 || oy <= 0) continue;
          const ma = !stay.has(a.id());
          const mb = !stay.has(b.id());
          if (!ma && !mb) continue;
          // along the axis of least overlap, away from each other
          const horizontal = ox < oy;
          const sign = horizontal ? Math.sign((q.x1 + q.x2) - (p.x1 + p.x2)) || 1 : Math.sign((q.y1 + q.y2) - (p.y1 + p.y2)) || 1;
          const d = (horizontal ? ox : oy) / (ma && mb ? 2 : 1);
          const shift = (n: NodeSingular, s: number) => {
            const at = n.position();
            n.position(horizontal ? { x: at.x + s * d, y: at.y } : { x: at.x, y: at.y + s * d });
          };
          if (ma) shift(a, -sign);
          if (mb) shift(b, sign);
          moved = true;
        }
      }
      if (!moved) return;
    }
  }

  /**
   * Fits the drawing (or the paths marked, or what the last result is about) to the room the
   * panels leave; a handful of entities does not fill the screen.
   */
  fit(): void {
    const cy = this.cy;
    const marked = cy.$('.path');
    const focused = new Set(this.focused);
    const about = cy.nodes(':visible').filter((n) => focused.has(n.id()));
    const what = marked.nonempty() ? marked : about.nonempty() ? about : cy.elements(':visible');
    if (what.empty()) return;
    cy.fit(what, 30);
    if (cy.zoom() > 1.4) { cy.zoom(1.4); cy.center(what); }
  }

  /** Near a shown neighbour, so the layout starts from a sensible place; the offset comes from the id, not chance. */
  private startPosition(id: string): { x: number; y: number } {
    const h = hash(id);
    const jitter = { x: (h % 61) - 30, y: ((h >>> 8) % 61) - 30 };
    for (const e of this.edges.values()) {
      const other = e.source === id ? e.target : e.target === id ? e.source : null;
      const n = other ? this.cy.getElementById(other) : null;
      if (n?.nonempty() && n.isNode()) {
        const p = n.position();
        return { x: p.x + jitter.x, y: p.y + jitter.y };
      }
    }
    return { x: jitter.x * 4, y: jitter.y * 4 };
  }

  /**
   * Hides, without removing, what the filters leave out; what is drawn later is filtered
   * too. Under a date, a relationship without dates stays, marked undated, unless the
   * filters hide undated ones; an entity left with no relationship shown is faded.
   */
  filter(s: ViewState): void {
    this.filters = s;
    let idle = 0;
    this.cy.batch(() => {
      this.cy.nodes().forEach((n) => { n.style('display', s.hiddenKinds.includes(n.data('kind')) ? 'none' : 'element'); });
      this.cy.edges().forEach((el) => {
        const e = this.edges.get(el.id());
        const on = s.asOf && e ? trueOn(e.validFrom, e.validTo, s.asOf, e.endedBy) : true;
        const shown = on !== false && !(on === null && s.hideUndated) &&
          !s.hiddenRels.includes(el.data('type')) && strongEnough(el.data('confidence'), s.minConfidence);
        el.style('display', shown ? 'element' : 'none');
        el.toggleClass('undated', on === null);
      });
      this.cy.nodes().forEach((n) => {
        const alone = !!s.asOf && n.connectedEdges().nonempty() && n.connectedEdges(':visible').empty();
        n.toggleClass('idle', alone);
        if (alone && n.visible()) idle++;
      });
    });
    this.idle = idle;
    this.onChange();
  }

  /** Marks paths, each in its colour (only the one focused, when given); nothing is faded when none are given. */
  highlight(paths: DrawnPath[], focus?: number): void {
    const cy = this.cy;
    this.focused = [];
    cy.batch(() => {
      cy.elements().removeClass('path faded');
      if (!paths.length) return;
      paths.forEach((p, i) => {
        if (focus !== undefined && i !== focus) return;
        for (const id of [...p.nodes, ...p.edges]) {
          const el = cy.getElementById(id);
          if (el.empty() || el.hasClass('path')) continue;
          el.data('pathColor', pathColor(i));
          el.addClass('path');
        }
      });
      cy.elements().not('.path').addClass('faded');
    });
    this.fit();
  }

  /** Unmarks any paths and fits the view to the entities ids (those of them drawn), until something else is drawn or marked. */
  focus(ids: string[]): void {
    this.highlight([]);
    this.focused = ids;
    this.fit();
  }
}

/** What lies one step around n, cut out of a larger neighbourhood holding all of it. */
function ringOf(big: Subgraph, n: string): Subgraph {
  const edges = big.edges.filter((e) => e.source === n || e.target === n);
  const ids = new Set([n, ...edges.flatMap((e) => [e.source, e.target])]);
  return { truncated: false, nodes: big.nodes.filter((x) => ids.has(x.id)), edges };
}

/** Runs f with Math.random drawing from seed (mulberry32), then puts Math.random back. */
function seeded<T>(seed: number, f: () => T): T {
  const random = Math.random;
  let a = seed;
  Math.random = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  try {
    return f();
  } finally {
    Math.random = random;
  }
}

/** FNV-1a: a number from a string. */
function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
