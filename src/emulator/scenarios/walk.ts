import type { Scenario, ScenarioResource } from './scenario-types.js';

/** One resource found in a scenario, top-level or embedded, with the id of the body that embeds it. */
export interface WalkedResource {
  resource: ScenarioResource;
  parentId?: string;
  /** Property path inside the parent, e.g. "properties.peerings". */
  path?: string;
}

function isEmbeddedBody(v: unknown): v is ScenarioResource {
  if (!v || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return typeof o.id === 'string' && typeof o.name === 'string' && typeof o.properties === 'object';
}

/** Every resource body in `resources`, depth-first, including children ARM embeds in `properties` arrays (peerings, subnets...); plain `{id}` references are not descended. */
export function* walkResources(resources: ScenarioResource[]): Generator<WalkedResource> {
  const stack: WalkedResource[] = resources.map((resource) => ({ resource })).reverse();
  while (stack.length > 0) {
    const item = stack.pop()!;
    yield item;
    const props = item.resource.properties ?? {};
    const children: WalkedResource[] = [];
    for (const [key, value] of Object.entries(props)) {
      if (!Array.isArray(value)) continue;
      for (const el of value) {
        if (isEmbeddedBody(el)) children.push({ resource: el, parentId: item.resource.id, path: `properties.${key}` });
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

/** Embedded children that are not graph nodes of their own (gateway ip configurations); route filter rules do count (RT.routeFilterRule). */
const NON_NODE_PATHS = new Set(['properties.ipConfigurations']);

/** Number of resources a scenario holds as graph nodes: top-level bodies plus embedded children, without gateway ip configurations. */
export function countResources(scenario: Pick<Scenario, 'resources'>): number {
  let n = 0;
  for (const w of walkResources(scenario.resources)) if (!w.path || !NON_NODE_PATHS.has(w.path)) n++;
  return n;
}
