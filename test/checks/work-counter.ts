// Helpers of linear-growth.test.ts: count the work rules do without timing it. Type imports only: the module mocks load
// this file while the modules they mock are still being loaded, so a value import of product code would deadlock.
import type { Model } from '../../src/checks/model.js';
import type { TopologyGraph } from '../../src/topology/types.js';

/** Mutable counter shared with the module mocks. */
export interface WorkCounter {
  n: number;
}

/** The module with every plain function wrapped so each call adds one unit of work (classes are left alone). */
export function countingModule<T extends Record<string, unknown>>(mod: T, work: WorkCounter): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(mod)) {
    const plain = typeof v === 'function' && !/^class\b/.test(Function.prototype.toString.call(v));
    out[k] = plain
      ? (...args: unknown[]) => {
          work.n++;
          return (v as (...a: unknown[]) => unknown)(...args);
        }
      : v;
  }
  return out as T;
}

/** A list whose element reads count as work: a rule filtering a whole list per resource shows up as quadratic. */
export function countingList<T>(list: T[], work: WorkCounter): T[] {
  return new Proxy(list, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && /^\d+$/.test(prop)) work.n++;
      return Reflect.get(target, prop, receiver);
    },
  });
}

/** The graph with node and edge visits counted. */
function countingGraph(graph: TopologyGraph, work: WorkCounter): TopologyGraph {
  return new Proxy(graph, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver) as unknown;
      if (prop === 'forEachNode' || prop === 'forEachEdge') {
        return (cb: (...a: unknown[]) => unknown) => (v as (cb: unknown) => void).call(target, (...a: unknown[]) => (work.n++, cb(...a)));
      }
      if (prop === 'nodes' || prop === 'edges' || prop === 'filterNodes' || prop === 'mapNodes') {
        return (...a: unknown[]) => {
          work.n += target.order + target.size;
          return (v as (...x: unknown[]) => unknown).apply(target, a);
        };
      }
      return typeof v === 'function' ? (v as (...x: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/** A model whose lookups and list reads count as work. */
export function countingModel(m: Model, work: WorkCounter): Model {
  const list = <A extends unknown[]>(f: (...a: A) => ReturnType<Model['all']>) => (...a: A) => {
    work.n++;
    return countingList(f(...a), work);
  };
  return {
    graph: countingGraph(m.graph, work),
    ofType: list(m.ofType),
    children: list(m.children),
    bySubscription: list(m.bySubscription),
    inResourceGroup: list(m.inResourceGroup),
    all: list(m.all),
    get: (id) => (work.n++, m.get(id)),
  };
}
