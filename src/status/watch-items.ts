import { normalizeId } from '../arm/arm-id.js';
import type { TopologyGraph } from '../topology/types.js';
import { KIND_BY_TYPE } from './poll-once.js';
import type { WatchItem } from './types.js';

/** Every pollable resource in the graph (connections, vWAN ER connections, circuits, peerings), stubs excluded. */
export function watchItemsFromGraph(g: TopologyGraph, filter?: (item: WatchItem) => boolean): WatchItem[] {
  const out: WatchItem[] = [];
  g.forEachNode((_k, a) => {
    if (a.stub || !KIND_BY_TYPE[a.type]) return;
    const item = { id: a.id, type: a.type, name: a.name };
    if (!filter || filter(item)) out.push(item);
  });
  return out.sort((x, y) => normalizeId(x.id).localeCompare(normalizeId(y.id)));
}
