import { RT } from '../../arm/resource-types.js';
import { parentId } from '../../arm/arm-id.js';
import { prop, propText } from '../model/model.js';
import type { NodeAttrs } from '../../topology/types.js';
import { findingsCol, locCol, nameCol, refText, refTone, statusCol, subCol } from './common.js';
import { nodeRows, type ViewDef } from './types.js';

/** Gateway types shown in the gateways view (classic VNet gateways and vWAN gateways). */
export const GATEWAY_TYPES = [RT.vnetGateway, RT.erGateway, RT.vpnGateway] as const;
/** Connection types shown in the connections view. */
export const CONNECTION_TYPES = [RT.connection, RT.erConnection, RT.vpnConnection] as const;

/** "ER", "VPN", "ER vWAN", "VPN vWAN". */
export function gatewayKind(n: NodeAttrs | undefined): string {
  if (!n) return '';
  if (n.type === RT.erGateway) return 'ER vWAN';
  if (n.type === RT.vpnGateway) return 'VPN vWAN';
  const t = propText(n.body, 'properties.gatewayType');
  return t === 'ExpressRoute' ? 'ER' : t === 'Vpn' ? 'VPN' : t;
}

function gatewaySku(n: NodeAttrs | undefined): string {
  if (!n) return '';
  if (n.type === RT.erGateway) {
    const min = prop(n.body, 'properties.autoScaleConfiguration.bounds.min');
    return min === undefined ? '' : `${min} su`;
  }
  if (n.type === RT.vpnGateway) {
    const su = prop(n.body, 'properties.vpnGatewayScaleUnit');
    return su === undefined ? '' : `${su} su`;
  }
  // VNet gateways carry their SKU under properties (ARM's VirtualNetworkGateway shape); keep top-level for other bodies.
  return propText(n.body, 'properties.sku.name') || propText(n.body, 'sku.name');
}

/** The gateway end of a connection (VNet gateway 1, or the vWAN parent gateway). */
export function connectionGatewayId(n: NodeAttrs): string | undefined {
  if (n.type === RT.connection) return propText(n.body, 'properties.virtualNetworkGateway1.id') || undefined;
  return parentId(n.id);
}

/** The far end of a connection: circuit, local network gateway, VNet gateway 2, circuit peering or VPN site. */
export function connectionPeerId(n: NodeAttrs): string | undefined {
  const b = n.body;
  const id =
    propText(b, 'properties.peer.id') ||
    propText(b, 'properties.localNetworkGateway2.id') ||
    propText(b, 'properties.virtualNetworkGateway2.id') ||
    propText(b, 'properties.expressRouteCircuitPeering.id') ||
    propText(b, 'properties.remoteVpnSite.id');
  return id || undefined;
}

function connectionKind(n: NodeAttrs | undefined): string {
  if (!n) return '';
  if (n.type === RT.erConnection) return 'ER vWAN';
  if (n.type === RT.vpnConnection) return 'VPN vWAN';
  const t = propText(n.body, 'properties.connectionType');
  return t === 'ExpressRoute' ? 'ER' : t;
}

/** Connection status, falling back to provisioning state where ARM has no live status (vWAN). */
export function connectionStatus(n: NodeAttrs | undefined): string {
  if (!n) return '';
  if (n.stub) return n.stub;
  return propText(n.body, 'properties.connectionStatus') || n.status || propText(n.body, 'properties.provisioningState');
}

/** VNet and vWAN gateways. */
export const gatewaysView: ViewDef = {
  id: 'gateways',
  title: 'gateways',
  aliases: ['gateways', 'gw'],
  rows: (m) => nodeRows(m.nodesOfType(GATEWAY_TYPES)),
  columns: [
    nameCol(),
    subCol(3),
    locCol(4),
    { title: 'TYPE', min: 8, priority: 1, get: (r) => gatewayKind(r.node) },
    { title: 'SKU', min: 10, priority: 2, get: (r) => gatewaySku(r.node) },
    { title: 'CONNS', min: 5, priority: 3, get: (r, m) => String(m.neighborsOfType(r.id, CONNECTION_TYPES).length) },
    statusCol('STATUS', 5),
    findingsCol(1),
  ],
};

/** Gateway connections, vWAN ExpressRoute connections and vWAN VPN connections. */
export const connectionsView: ViewDef = {
  id: 'connections',
  title: 'connections',
  aliases: ['connections', 'conn', 'co'],
  rows: (m) => nodeRows(m.nodesOfType(CONNECTION_TYPES)),
  columns: [
    nameCol(),
    subCol(4),
    { title: 'TYPE', min: 8, priority: 3, get: (r) => connectionKind(r.node) },
    { title: 'GATEWAY', min: 10, flex: 1, priority: 2, get: (r, m) => refText(m, r.node && connectionGatewayId(r.node)), tone: (r, m) => refTone(m, r.node && connectionGatewayId(r.node)) },
    { title: 'PEER', min: 12, flex: 1, priority: 1, get: (r, m) => refText(m, r.node && connectionPeerId(r.node)), tone: (r, m) => refTone(m, r.node && connectionPeerId(r.node)) },
    { title: 'WEIGHT', min: 6, priority: 3, get: (r) => propText(r.node?.body, 'properties.routingWeight') },
    statusCol('STATUS', 1, (r) => connectionStatus(r.node)),
    findingsCol(1),
  ],
};
