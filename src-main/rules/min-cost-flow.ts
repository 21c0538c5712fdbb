/**
 * Minimum-cost maximum flow by successive shortest paths (Dijkstra on reduced costs, so every
 * edge cost must start non-negative). Small and exact: the panel proposal's graphs have a node per
 * applicant and per panel, a few thousand edges at most. Pure.
 */
export class FlowNetwork {
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly cost: number[] = [];
  private readonly next: number[] = [];
  private readonly head: number[];

  constructor(readonly nodes: number) {
    this.head = Array.from({ length: nodes }, (): number => -1);
  }

  /** An edge from → to; returns its id, whose flow `flowOn` reads after `run`. */
  addEdge(from: number, to: number, capacity: number, cost: number): number {
    if (cost < 0) throw new Error('min-cost flow: edge costs must be non-negative');
    const id = this.to.length;
    this.push(from, to, capacity, cost);
    this.push(to, from, 0, -cost);
    return id;
  }

  private push(from: number, to: number, capacity: number, cost: number): void {
    this.to.push(to);
    this.cap.push(capacity);
    this.cost.push(cost);
    this.next.push(this.head[from]!);
    this.head[from] = this.to.length - 1;
  }

  /** units sent along the edge `addEdge` returned */
  flowOn(edge: number): number {
    return this.cap[edge ^ 1]!;
  }

  /** Sends as much as possible from source to sink, at the least total cost for that amount. */
  run(source: number, sink: number): { flow: number; cost: number } {
    const n = this.nodes;
    const potential = Array.from({ length: n }, (): number => 0);
    let flow = 0;
    let total = 0;
    for (;;) {
      const dist = Array.from({ length: n }, (): number => Infinity);
      const via = Array.from({ length: n }, (): number => -1);
      const done = Array.from({ length: n }, (): boolean => false);
      dist[source] = 0;
      for (;;) {
        let u = -1;
        for (let v = 0; v < n; v++) if (!done[v] && dist[v]! < Infinity && (u === -1 || dist[v]! < dist[u]!)) u = v;
        if (u === -1) break;
        done[u] = true;
        for (let e = this.head[u]!; e !== -1; e = this.next[e]!) {
          if (this.cap[e]! <= 0) continue;
          const v = this.to[e]!;
          const d = dist[u]! + this.cost[e]! + potential[u]! - potential[v]!;
          if (d < dist[v]!) {
            dist[v] = d;
            via[v] = e;
          }
        }
      }
      if (dist[sink] === Infinity) return { flow, cost: total };
      for (let v = 0; v < n; v++) if (dist[v]! < Infinity) potential[v]! += dist[v]!;
      let push = Infinity;
      for (let v = sink; v !== source; v = this.to[via[v]! ^ 1]!) push = Math.min(push, this.cap[via[v]!]!);
      for (let v = sink; v !== source; v = this.to[via[v]! ^ 1]!) {
        this.cap[via[v]!]! -= push;
        this.cap[via[v]! ^ 1]! += push;
        total += push * this.cost[via[v]!]!;
      }
      flow += push;
    }
  }
}
