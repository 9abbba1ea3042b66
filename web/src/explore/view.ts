// The graph on screen: which entities are shown, the relationships among them (as true on
// the chosen date), and their drawing. Expanding fetches what lies around an entity; every
// entity shown brings the relationships that join it to the others.
import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { type GraphEdge, type GraphNode, neighborhood } from './api';
import { stylesheet } from './style';
import { type ViewState, strongEnough } from './state';

cytoscape.use(fcose);

/** At most this many neighbourhood requests run at once. */
const parallel = 4;

export class GraphView {
  readonly cy: Core;
  readonly nodes = new Map<string, GraphNode>();
  readonly edges = new Map<string, GraphEdge>();
  /** What each shown entity's neighbourhood held, so a new entity finds its edges to the others. */
  private around = new Map<string, GraphEdge[]>();
  truncated: string[] = [];
  asOf: string | null = null;
  private filters: ViewState | null = null;
  /** Changes run one after another, so a slow answer never lands on top of a later one. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(container: HTMLElement) {
    this.cy = cytoscape({ container, style: stylesheet(), minZoom: 0.1, maxZoom: 4 });
    // the side panel widens for tables and paths: the canvas follows its container
    new ResizeObserver(() => this.cy.resize()).observe(container);
  }

  ids(): string[] {
    return [...this.nodes.keys()];
  }

  /** Shows exactly ids (and the relationships among them) on date asOf; positions of entities kept stay. */
  load(ids: string[], asOf: string | null): Promise<void> {
    return this.serial(() => this.loadNow(ids, asOf));
  }

  /** Adds entities to the view. */
  add(ids: string[]): Promise<void> {
    return this.serial(() => this.addNow(ids));
  }

  /** Adds what lies one step around id; resolves to the number of entities it brought. */
  expand(id: string): Promise<number> {
    return this.serial(async () => {
      const nb = await neighborhood(id, this.asOf);
      const fresh = nb.nodes.map((n) => n.id).filter((n) => !this.nodes.has(n));
      await this.addNow([id, ...fresh]);
      return fresh.length;
    });
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async loadNow(ids: string[], asOf: string | null): Promise<void> {
    const dateChanged = asOf !== this.asOf;
    this.asOf = asOf;
    const keep = new Set(ids);
    for (const id of this.ids()) if (!keep.has(id)) { this.nodes.delete(id); this.around.delete(id); }
    if (dateChanged) this.around.clear();
    this.truncated = dateChanged ? [] : this.truncated.filter((id) => keep.has(id));
    this.settle(await this.fetch(ids.filter((id) => !this.around.has(id))));
  }

  private async addNow(ids: string[]): Promise<void> {
    this.settle(await this.fetch(ids.filter((id) => !this.nodes.has(id))));
  }

  /** Fetches the neighbourhoods of ids; what cannot be shown is left out and named in the error thrown after drawing. */
  private async fetch(ids: string[]): Promise<string[]> {
    const queue = [...ids];
    const problems: string[] = [];
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        try {
          const nb = await neighborhood(id, this.asOf);
          const self = nb.nodes.find((n) => n.id === id);
          if (!self) { problems.push(`no entity "${id}"`); continue; }
          this.nodes.set(id, self);
          this.around.set(id, nb.edges);
          if (nb.truncated) this.truncated.push(id);
        } catch (err) {
          problems.push(err instanceof Error ? err.message : String(err));
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(parallel, ids.length) }, worker));
    return problems;
  }

  /** Draws what arrived, then reports what did not. */
  private settle(problems: string[]): void {
    this.rebuildEdges();
    this.draw();
    if (problems.length) throw new Error(problems.join('; '));
  }

  private rebuildEdges(): void {
    this.edges.clear();
    for (const [id, edges] of this.around) {
      if (!this.nodes.has(id)) continue;
      for (const e of edges) if (this.nodes.has(e.source) && this.nodes.has(e.target)) this.edges.set(e.id, e);
    }
  }

  /** Brings the drawing in line with the model; new entities are laid out around the ones already placed. */
  private draw(): void {
    const cy = this.cy;
    cy.elements().filter((el) => (el.isNode() ? !this.nodes.has(el.id()) : !this.edges.has(el.id()))).remove();
    const placed = cy.nodes().length;
    const added: ElementDefinition[] = [];
    for (const n of this.nodes.values()) {
      const data = { id: n.id, label: n.label, kind: n.kind, confidence: n.confidence, degree: n.degree };
      const el = cy.getElementById(n.id);
      if (el.nonempty()) el.data(data);
      else added.push({ group: 'nodes', data, position: this.startPosition(n.id) });
    }
    cy.add(added);
    cy.add([...this.edges.values()].filter((e) => cy.getElementById(e.id).empty()).map((e) => ({
      group: 'edges' as const,
      data: { id: e.id, source: e.source, target: e.target, type: e.type, confidence: e.confidence },
    })));
    cy.nodes().forEach((n) => { n.data('expandable', n.data('degree') > n.connectedEdges().length); });
    if (this.filters) this.filter(this.filters);
    if (!added.length) return;
    if (placed === 0) {
      cy.layout({ name: 'fcose', animate: false, randomize: true, nodeRepulsion: () => 8000, idealEdgeLength: () => 120 } as never).run();
    } else {
      const fresh = new Set(added.map((a) => a.data.id));
      const fixed = cy.nodes().filter((n) => !fresh.has(n.id())).map((n) => ({ nodeId: n.id(), position: { ...(n as NodeSingular).position() } }));
      cy.layout({ name: 'fcose', animate: false, randomize: false, quality: 'proof', nodeRepulsion: () => 8000,
        idealEdgeLength: () => 120, fixedNodeConstraint: fixed,
      } as never).run();
    }
    cy.fit(undefined, 40);
    // a handful of entities would otherwise fill the screen
    if (cy.zoom() > 1.3) { cy.zoom(1.3); cy.center(); }
  }

  /** Near a shown neighbour, so the layout starts from a sensible place. */
  private startPosition(id: string): { x: number; y: number } {
    for (const e of this.edges.values()) {
      const other = e.source === id ? e.target : e.target === id ? e.source : null;
      const n = other ? this.cy.getElementById(other) : null;
      if (n?.nonempty() && n.isNode()) {
        const p = n.position();
        return { x: p.x + Math.random() * 60 - 30, y: p.y + Math.random() * 60 - 30 };
      }
    }
    return { x: Math.random() * 200, y: Math.random() * 200 };
  }

  /** Hides, without removing, what the filters leave out; what is drawn later is filtered too. */
  filter(s: ViewState): void {
    this.filters = s;
    this.cy.batch(() => {
      this.cy.nodes().forEach((n) => { n.style('display', s.hiddenKinds.includes(n.data('kind')) ? 'none' : 'element'); });
      this.cy.edges().forEach((e) => {
        const shown = !s.hiddenRels.includes(e.data('type')) && strongEnough(e.data('confidence'), s.minConfidence);
        e.style('display', shown ? 'element' : 'none');
      });
    });
  }

  /** Marks the elements of paths; nothing else is faded when none are given. */
  highlight(nodeIds: string[], edgeIds: string[]): void {
    const on = new Set([...nodeIds, ...edgeIds]);
    this.cy.batch(() => {
      this.cy.elements().removeClass('path faded');
      if (!on.size) return;
      this.cy.elements().forEach((el) => { el.addClass(on.has(el.id()) ? 'path' : 'faded'); });
    });
  }
}
