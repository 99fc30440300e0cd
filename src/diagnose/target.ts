import { normalizeId, parentId } from '../arm/arm-id.js';
import { RT, TYPE_LABEL } from '../arm/resource-types.js';
import { ErscopeError } from '../errors.js';
import type { NodeAttrs, TopologyGraph } from '../topology/types.js';

/** Resource types the guided diagnosis starts from. */
export const DIAGNOSABLE_TYPES = [RT.circuit, RT.peering, RT.connection, RT.erConnection] as const;

/** A connection on the path (VNet gateway connection or vWAN ExpressRoute connection) and its gateway. */
export interface PathConnection {
  id: string;
  name: string;
  kind: 'connection' | 'erConnection';
  gatewayId?: string;
}

/** What one diagnosis runs against: the circuit and peering of the official flow, and the connections using them. */
export interface DiagnoseTarget {
  resourceId: string;
  type: string;
  circuitId?: string;
  peeringId?: string;
  connections: PathConnection[];
}

type Props = Record<string, unknown>;
const props = (n: { body: { properties?: Props } }): Props => n.body.properties ?? {};
const refId = (v: unknown): string | undefined => (v && typeof (v as { id?: unknown }).id === 'string' ? (v as { id: string }).id : undefined);

/** Finds the node for an id (any case) or a unique name among diagnosable types; a one-line ErscopeError otherwise. */
export function findDiagnosable(g: TopologyGraph, idOrName: string): NodeAttrs {
  const key = normalizeId(idOrName);
  const supported = (DIAGNOSABLE_TYPES as readonly string[]).map((t) => TYPE_LABEL[t]!.toLowerCase()).join(', ');
  let node = g.hasNode(key) ? g.getNodeAttributes(key) : undefined;
  if (!node && !idOrName.includes('/')) {
    const all: NodeAttrs[] = [];
    g.forEachNode((_k, a) => {
      if (!a.stub && a.name.toLowerCase() === idOrName.trim().toLowerCase()) all.push(a);
    });
    // A name shared with non-diagnosable resources (a gateway named like its connection) still resolves to the one that fits.
    const fits = all.filter((a) => (DIAGNOSABLE_TYPES as readonly string[]).includes(a.type));
    const matches = fits.length > 0 ? fits : all;
    if (matches.length > 1) throw new ErscopeError(`"${idOrName}" matches ${matches.length} resources (${matches.map((m) => TYPE_LABEL[m.type] ?? m.type).join(', ')}); pass the full resource id`);
    node = matches[0];
  }
  if (!node) throw new ErscopeError(`resource not found: ${idOrName}; pass a resource id or a unique name (erscope inventory lists them)`);
  if (!(DIAGNOSABLE_TYPES as readonly string[]).includes(node.type)) {
    throw new ErscopeError(`cannot diagnose a ${TYPE_LABEL[node.type] ?? node.type}; supported: ${supported}`);
  }
  const p = props(node);
  if (node.type === RT.connection && p.connectionType !== 'ExpressRoute' && !refId(p.peer)) {
    throw new ErscopeError(`${node.name} is not an ExpressRoute connection (connectionType ${String(p.connectionType ?? 'unknown')}); the guided diagnosis follows the ExpressRoute flow (supported: ${supported})`);
  }
  return node;
}

function nodeOf(g: TopologyGraph, id: string | undefined): NodeAttrs | undefined {
  return id && g.hasNode(normalizeId(id)) ? g.getNodeAttributes(normalizeId(id)) : undefined;
}

/** The peering the flow examines for a circuit: private peering first (what gateways use), then any other. */
function mainPeering(g: TopologyGraph, circuitId: string): string {
  const circuit = nodeOf(g, circuitId);
  const listed = Array.isArray(circuit && props(circuit).peerings) ? (props(circuit!).peerings as Array<{ id?: string; name?: string }>) : [];
  const fromGraph: string[] = [];
  g.forEachNode((_k, a) => {
    if (a.type === RT.peering && normalizeId(parentId(a.id) ?? '') === normalizeId(circuitId)) fromGraph.push(a.id);
  });
  const all = [...fromGraph, ...listed.map((p) => p.id).filter((x): x is string => typeof x === 'string')];
  return all.find((id) => /\/peerings\/azureprivatepeering$/i.test(id)) ?? all[0] ?? `${circuitId}/peerings/AzurePrivatePeering`;
}

/** Every connection that uses a circuit (optionally only through one peering), found from the bodies, not edge names. */
function connectionsOf(g: TopologyGraph, circuitId: string, peeringId: string | undefined): PathConnection[] {
  const out: PathConnection[] = [];
  const circuit = normalizeId(circuitId);
  const privatePeering = !peeringId || /\/peerings\/azureprivatepeering$/i.test(peeringId);
  g.forEachNode((_k, a) => {
    if (a.stub) return;
    if (a.type === RT.connection && privatePeering && normalizeId(refId(props(a).peer) ?? '') === circuit) {
      out.push({ id: a.id, name: a.name, kind: 'connection', gatewayId: refId(props(a).virtualNetworkGateway1) });
    } else if (a.type === RT.erConnection) {
      const p = refId(props(a).expressRouteCircuitPeering);
      if (p && normalizeId(parentId(p) ?? '') === circuit && (!peeringId || normalizeId(p) === normalizeId(peeringId))) {
        out.push({ id: a.id, name: a.name, kind: 'erConnection', gatewayId: parentId(a.id) });
      }
    }
  });
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

/** Resolves circuit, peering and connections for a circuit, peering, connection or vWAN ExpressRoute connection. */
export function resolveTarget(g: TopologyGraph, node: NodeAttrs): DiagnoseTarget {
  const base = { resourceId: node.id, type: node.type };
  switch (node.type) {
    case RT.circuit: {
      const peeringId = mainPeering(g, node.id);
      return { ...base, circuitId: node.id, peeringId, connections: connectionsOf(g, node.id, peeringId) };
    }
    case RT.peering: {
      const circuitId = parentId(node.id)!;
      return { ...base, circuitId, peeringId: node.id, connections: connectionsOf(g, circuitId, node.id) };
    }
    case RT.connection: {
      const circuitId = refId(props(node).peer);
      const self: PathConnection = { id: node.id, name: node.name, kind: 'connection', gatewayId: refId(props(node).virtualNetworkGateway1) };
      return { ...base, ...(circuitId ? { circuitId, peeringId: mainPeering(g, circuitId) } : {}), connections: [self] };
    }
    default: {
      const peeringId = refId(props(node).expressRouteCircuitPeering);
      const self: PathConnection = { id: node.id, name: node.name, kind: 'erConnection', gatewayId: parentId(node.id) };
      return { ...base, ...(peeringId ? { circuitId: parentId(peeringId), peeringId } : {}), connections: [self] };
    }
  }
}
