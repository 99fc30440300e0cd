import { normalizeId } from '../arm/arm-id.js';
import { ErscopeError } from '../errors.js';
import type { TopologyGraph } from '../topology/types.js';

/** Which part of the graph a report covers: everything, an explicit subset (the TUI's current view) or a focus neighbourhood. */
export interface ScopeOptions {
  /** Resource id at the centre of the neighbourhood (any case). */
  focus?: string;
  /** Hops from the focus, following edges in both directions; default 2. */
  depth?: number;
  /** Exactly these nodes (ids or keys, any case); unknown ids are ignored because a view can outlive a refresh. */
  nodeIds?: string[];
}

/** The chosen node keys, sorted, plus how they were chosen (stamped on the report). */
export interface ReportScope {
  keys: string[];
  subset: boolean;
  focus?: string;
  depth?: number;
  totalNodes: number;
}

/** Default neighbourhood radius when --focus is given without --depth. */
export const DEFAULT_FOCUS_DEPTH = 2;

/** Diagrams with at least this many nodes are drawn one node per subscription/hub/location cluster. */
export const COLLAPSE_AT = 1000;

function neighbourhood(graph: TopologyGraph, start: string, depth: number): Set<string> {
  const seen = new Set<string>([start]);
  let frontier = [start];
  for (let d = 0; d < depth && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const key of frontier) {
      graph.forEachNeighbor(key, (n) => {
        if (!seen.has(n)) {
          seen.add(n);
          next.push(n);
        }
      });
    }
    frontier = next;
  }
  return seen;
}

/** Resolves scope options to node keys; throws a one-line ErscopeError when the focus is not in the graph or the depth is not a whole number. */
export function selectScope(graph: TopologyGraph, opts: ScopeOptions = {}): ReportScope {
  const totalNodes = graph.order;
  let keys: Set<string> | undefined;
  if (opts.nodeIds) keys = new Set(opts.nodeIds.map(normalizeId).filter((k) => graph.hasNode(k)));
  if (opts.focus !== undefined) {
    const focus = normalizeId(opts.focus);
    if (!graph.hasNode(focus)) {
      throw new ErscopeError(`--focus ${opts.focus} is not in the graph; pick a resource id from \`erscope inventory\` output`);
    }
    const depth = opts.depth ?? DEFAULT_FOCUS_DEPTH;
    if (!Number.isInteger(depth) || depth < 0) {
      throw new ErscopeError(`--depth ${String(opts.depth)} is not a whole number of hops; use e.g. --depth 2`);
    }
    const hood = neighbourhood(graph, focus, depth);
    keys = keys ? new Set([...hood].filter((k) => keys!.has(k))) : hood;
    return { keys: [...keys].sort(), subset: true, focus: graph.getNodeAttribute(focus, 'id'), depth, totalNodes };
  }
  if (keys) return { keys: [...keys].sort(), subset: true, totalNodes };
  return { keys: graph.nodes().sort(), subset: false, totalNodes };
}

/** True when the diagram should show clusters instead of resources (tables stay complete either way). */
export function shouldCollapse(nodeCount: number, collapseAt: number = COLLAPSE_AT): boolean {
  return nodeCount >= collapseAt;
}
