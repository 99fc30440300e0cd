import { normalizeId, parentId } from '../../arm/arm-id.js';
import { RT } from '../../arm/resource-types.js';
import { DOCS } from '../docs.js';
import { get, props, refAt, type Model, type Res } from '../model.js';
import { defineRule, shortName } from '../rule-kit.js';

// Interpretation (domain.md §5.1, §6.2, §9.4, [SPEC-ERC]): ARM shows Global Reach links twice — the circuit connection
// under the local peering's `properties.connections[]`, and a read-only peer connection under the remote peering's
// `peerConnections` (`properties.peeredConnections[]`). domain.md documents no back-reference from a circuit to VNet
// gateway connections, so those are not flagged here. For vWAN the spec's peering `expressRouteConnection.id` (the graph's
// "lists connection" edge) is checked one way: a peering naming a connection its readable gateway does not have.

const NOTE = '(ARM does not list VNet gateway connections on a circuit, so those links cannot be cross-checked this way.)';

/** ARM spells the peer list `peeredConnections` [SPEC-ERC]; some tools (and the inventory's flattener) also accept `peerConnections`. */
const PEER_LIST_KEYS = ['properties.peeredConnections', 'properties.peerConnections'];

function hasArray(r: Res, path: string): boolean {
  return Array.isArray(get(r.body, path));
}

function peerRefs(r: Res): string[] {
  return ['properties.peerExpressRouteCircuitPeering.id', 'properties.expressRouteCircuitPeering.id']
    .map((p) => refAt(r, p))
    .filter((x): x is string => Boolean(x))
    .map(normalizeId);
}

/** Whether peering `q` shows a peer connection coming from peering `p` (matched on either peering reference or name). */
function listsPeerFrom(m: Model, q: Res, p: string, connName: string): boolean {
  return m.children(q.id, RT.peerConnection).some((pc) => peerRefs(pc).includes(normalizeId(p)) || String(props(pc).connectionName ?? pc.name).toLowerCase() === connName.toLowerCase());
}

/** A Global Reach connection its peer peering does not list back (half-built or half-deleted link). */
export const connectionNotListedOnPeering = defineRule(
  { id: 'connection-not-listed-on-peering', title: 'Global Reach connection not listed back by a peering', category: 'verify', severity: 'medium', docs: DOCS.specErc, source: [{ url: DOCS.specErc, quote: 'A Global Reach link is an expressRouteCircuitConnection on one peering; the peer peering lists it back in peeredConnections.' }] },
  (m, emit) => {
    for (const c of m.ofType(RT.circuitConnection)) {
      const own = m.get(parentId(c.id));
      if (own && !own.stub && !c.embedded && hasArray(own, 'properties.connections')) {
        const listed = (get(own.body, 'properties.connections') as unknown[]).some((x) => typeof get(x, 'id') === 'string' && normalizeId(get(x, 'id') as string) === c.key);
        if (!listed) {
          emit(c.id, {
            reason: `Global Reach connection ${c.name} exists, but its own peering ${shortName(own.id)} does not list it in properties.connections: ARM is out of step, usually after a failed create or delete. ${NOTE}`,
            evidence: { peering: own.id, 'peering.properties.connections': (get(own.body, 'properties.connections') as unknown[]).map((x) => get(x, 'id')) },
          });
        }
      }
      const peerId = refAt(c, 'properties.peerExpressRouteCircuitPeering.id');
      const peer = m.get(peerId);
      if (!peerId || !peer || peer.stub) continue;
      const peerList = PEER_LIST_KEYS.find((k) => hasArray(peer, k));
      if (!peerList) continue;
      if (listsPeerFrom(m, peer, parentId(c.id) ?? '', c.name)) continue;
      emit(c.id, {
        reason: `Global Reach connection ${c.name} points at ${shortName(peerId)}, but that peering shows no matching peer connection (properties.peeredConnections). The link is half-built or half-deleted, so on-premises sites behind the two circuits cannot reach each other. ${NOTE}`,
        evidence: { 'properties.peerExpressRouteCircuitPeering.id': peerId, [`peer.${peerList}`]: (get(peer.body, peerList) as unknown[]).map((x) => get(x, 'name') ?? get(x, 'id')) },
      });
    }
  },
);

/** The reverse: a peering lists a peer connection that no Global Reach connection points back to. */
export const peeringListsUnknownConnection = defineRule(
  { id: 'peering-lists-unknown-connection', title: 'Peering lists a Global Reach peer connection nobody created', category: 'verify', severity: 'medium', docs: DOCS.specErc, source: [{ url: DOCS.specErc, quote: 'peeredConnections on a peering lists the Global Reach connections other circuits made to it.' }] },
  (m, emit) => {
    for (const pc of m.ofType(RT.peerConnection)) {
      const q = parentId(pc.id);
      if (!q) continue;
      const other = peerRefs(pc).find((ref) => ref !== normalizeId(q));
      const p = other ? m.get(other) : undefined;
      if (!other || !p || p.stub || p.type !== RT.peering) continue;
      const connections = m.children(p.id, RT.circuitConnection);
      if (connections.length === 0 && !hasArray(p, 'properties.connections')) continue; // the other side's links are unknown
      const back = connections.some((c) => normalizeId(refAt(c, 'properties.peerExpressRouteCircuitPeering.id') ?? '') === normalizeId(q));
      if (back) continue;
      emit(q, {
        reason: `Peering ${shortName(q)} lists peer connection ${pc.name} from ${shortName(p.id)}, but that peering has no Global Reach connection pointing back here. It is a leftover of a deleted link or a link created with the wrong peer. ${NOTE}`,
        evidence: { 'properties.peeredConnections[].name': pc.name, peerConnection: pc.id, peerPeering: p.id, 'peerPeering.properties.connections': connections.map((c) => c.id) },
      });
    }
    for (const { peering, ref } of vwanBackrefsMissing(m)) {
      emit(peering.id, {
        reason: `Peering ${shortName(peering.id)} names vWAN ExpressRoute connection ${shortName(ref)} in properties.expressRouteConnection, but its ExpressRoute gateway has no such connection: a leftover of a deleted hub link.`,
        evidence: { 'properties.expressRouteConnection.id': ref },
      });
    }
  },
);

/** vWAN: a peering's `expressRouteConnection.id` (spec field, edge "lists connection") naming a connection that is gone. */
export function vwanBackrefsMissing(m: Model): Array<{ peering: Res; ref: string }> {
  const out: Array<{ peering: Res; ref: string }> = [];
  for (const p of m.ofType(RT.peering)) {
    const ref = refAt(p, 'properties.expressRouteConnection.id');
    if (!ref) continue;
    const target = m.get(ref);
    const gw = m.get(parentId(ref));
    const gone = target ? target.stub === 'missing' : Boolean(gw && !gw.stub);
    if (gone) out.push({ peering: p, ref });
  }
  return out;
}

/** Two-sided consistency rules for Global Reach links. */
export const VERIFY_RULES = [connectionNotListedOnPeering, peeringListsUnknownConnection];
