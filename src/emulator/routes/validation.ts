import ipaddr from 'ipaddr.js';
import { normalizeId, parentId, parseArmId } from '../../arm/arm-id.js';
import { RT } from '../../arm/resource-types.js';
import { badRequest } from '../cloud-error.js';
import type { ArmBody, ResourceStore } from '../store.js';

type Props = Record<string, unknown>;

function refId(v: unknown): string | undefined {
  return v && typeof v === 'object' && typeof (v as Props).id === 'string' ? ((v as Props).id as string) : undefined;
}

/**
 * Rejects PUTs that Azure rejects (with a 400 CloudError) and returns the side effects to run once the write is accepted
 * (redeeming an authorization key marks that authorization InUse).
 */
export function validatePut(store: ResourceStore, id: string, type: string, body: ArmBody): Array<() => void> {
  const props = (body.properties ?? {}) as Props;
  const effects: Array<() => void> = [];
  if (type === RT.connection) {
    const gwId = refId(props.virtualNetworkGateway1);
    const gw = gwId ? store.getRaw(gwId) : undefined;
    const gatewayType = (gw?.properties as Props | undefined)?.gatewayType;
    if (props.connectionType === 'ExpressRoute' && typeof gatewayType === 'string' && gatewayType.toLowerCase() === 'vpn') {
      throw badRequest(
        'InvalidGatewayTypeForConnection',
        `Connection type ExpressRoute cannot be used with virtual network gateway ${gwId} because its gatewayType is Vpn. Use a gateway of type ExpressRoute.`,
        'properties.virtualNetworkGateway1',
      );
    }
    const peer = refId(props.peer);
    if (props.connectionType === 'ExpressRoute' && peer) effects.push(...redeemKey(store, peer, props.authorizationKey, id));
  } else if (type === RT.erConnection) {
    const peering = refId(props.expressRouteCircuitPeering);
    const circuit = peering ? parentId(peering) : undefined;
    if (circuit) effects.push(...redeemKey(store, circuit, props.authorizationKey, id));
  } else if (type === RT.circuitConnection) {
    checkGlobalReachPrefix(props.addressPrefix);
    // Like ARM, the peer circuit's key only matters when that circuit lives in another subscription.
    const peerPeering = refId(props.peerExpressRouteCircuitPeering);
    const circuit = peerPeering ? parentId(peerPeering) : undefined;
    const crossSubscription = circuit && parseArmId(circuit).subscriptionId?.toLowerCase() !== parseArmId(id).subscriptionId?.toLowerCase();
    if (circuit && crossSubscription) effects.push(...redeemKey(store, circuit, props.authorizationKey, id));
  }
  return effects;
}

function checkGlobalReachPrefix(prefix: unknown): void {
  if (prefix === undefined) return;
  let ok = false;
  if (typeof prefix === 'string' && ipaddr.isValidCIDR(prefix)) {
    const [addr, bits] = ipaddr.parseCIDR(prefix);
    ok = addr.kind() === 'ipv4' && bits === 29;
  }
  if (!ok) {
    throw badRequest(
      'InvalidGlobalReachAddressPrefix',
      `Global Reach address prefix '${String(prefix)}' is invalid: it must be an IPv4 /29 subnet.`,
      'properties.addressPrefix',
    );
  }
}

/** Checks an authorization key against the circuit's authorizations; returns the effect that marks it InUse. */
function redeemKey(store: ResourceStore, circuitId: string, key: unknown, connectionId: string): Array<() => void> {
  if (typeof key !== 'string' || key === '') return [];
  const circuitType = parseArmId(circuitId).type;
  const auths = store.childKeys(circuitId, `${circuitType}/authorizations`).map((k) => store.getRaw(k)!);
  const match = auths.find((a) => (a.properties as Props | undefined)?.authorizationKey === key);
  if (!match) {
    throw badRequest(
      'InvalidAuthorizationKey',
      `The authorization key does not match any authorization on ExpressRoute circuit ${circuitId}.`,
      'properties.authorizationKey',
    );
  }
  const p = (match.properties ?? {}) as Props;
  const usedBy = typeof p.connectionResourceUri === 'string' ? normalizeId(p.connectionResourceUri) : undefined;
  if (p.authorizationUseStatus === 'InUse' && usedBy !== normalizeId(connectionId)) {
    throw badRequest(
      'AuthorizationAlreadyInUse',
      `Authorization ${match.id} is already in use by another connection; create a new authorization on the circuit.`,
      'properties.authorizationKey',
    );
  }
  return [() => void store.patch(match.id, { authorizationUseStatus: 'InUse', connectionResourceUri: connectionId })];
}

/** After a connection is deleted, frees any authorization it had redeemed (as ARM does). */
export function releaseAuthorizations(store: ResourceStore, connectionId: string): void {
  const key = normalizeId(connectionId);
  for (const k of store.keys()) {
    if (store.typeOf(k) !== RT.authorization) continue;
    const p = (store.getRaw(k)!.properties ?? {}) as Props;
    if (typeof p.connectionResourceUri === 'string' && normalizeId(p.connectionResourceUri) === key) {
      store.patch(k, { authorizationUseStatus: 'Available', connectionResourceUri: undefined });
    }
  }
}
