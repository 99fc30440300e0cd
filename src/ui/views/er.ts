import { RT } from '../../arm/resource-types.js';
import { parseArmId } from '../../arm/arm-id.js';
import { prop, propText } from '../model/model.js';
import { findingsCol, locCol, nameCol, statusCol, subCol } from './common.js';
import { nodeRows, type ViewDef } from './types.js';

/** "1 Gbps" / "200 Mbps" from a circuit body (provider or ExpressRoute Direct). */
function bandwidth(body: unknown): string {
  const mbps = prop(body, 'properties.serviceProviderProperties.bandwidthInMbps');
  if (typeof mbps === 'number') return mbps >= 1000 ? `${mbps / 1000} Gbps` : `${mbps} Mbps`;
  const gbps = prop(body, 'properties.bandwidthInGbps');
  return typeof gbps === 'number' ? `${gbps} Gbps` : '';
}

/** ExpressRoute circuits. */
export const circuitsView: ViewDef = {
  id: 'circuits',
  title: 'circuits',
  aliases: ['circuits', 'cir', 'er'],
  rows: (m) => nodeRows(m.nodesOfType([RT.circuit])),
  columns: [
    nameCol(),
    subCol(3),
    locCol(5),
    {
      title: 'PROVIDER',
      min: 10,
      flex: 1,
      priority: 4,
      get: (r) => propText(r.node?.body, 'properties.serviceProviderProperties.serviceProviderName') || (prop(r.node?.body, 'properties.expressRoutePort') ? 'ER Direct' : ''),
    },
    { title: 'BW', min: 8, priority: 6, get: (r) => bandwidth(r.node?.body) },
    { title: 'SKU', min: 9, priority: 5, get: (r) => [propText(r.node?.body, 'sku.tier'), propText(r.node?.body, 'sku.family')].filter(Boolean).join('/') },
    statusCol('PROVIDER ST', 1, (r) => propText(r.node?.body, 'properties.serviceProviderProvisioningState') || (r.node?.stub ?? '')),
    {
      title: 'PEERINGS',
      min: 8,
      priority: 6,
      get: (r, m) => String(Math.max(m.neighborsOfType(r.id, [RT.peering]).length, (prop(r.node?.body, 'properties.peerings') as unknown[] | undefined)?.length ?? 0)),
    },
    findingsCol(1),
  ],
};

const PEERING_SHORT: Record<string, string> = { AzurePrivatePeering: 'Private', MicrosoftPeering: 'Microsoft', AzurePublicPeering: 'Public' };

/** Circuit peerings (private / Microsoft). */
export const peeringsView: ViewDef = {
  id: 'peerings',
  title: 'peerings',
  aliases: ['peerings', 'pe'],
  rows: (m) => nodeRows(m.nodesOfType([RT.peering])),
  columns: [
    { title: 'CIRCUIT', min: 12, flex: 2, priority: 0, get: (r) => parseArmId(r.id).names[0] ?? '' },
    nameCol(10, 'NAME'),
    {
      title: 'TYPE',
      min: 9,
      priority: 2,
      get: (r) => {
        const t = propText(r.node?.body, 'properties.peeringType');
        return PEERING_SHORT[t] ?? t;
      },
    },
    statusCol('STATE', 1, (r) => propText(r.node?.body, 'properties.state') || (r.node?.stub ?? '')),
    { title: 'PEER ASN', min: 9, priority: 3, get: (r) => propText(r.node?.body, 'properties.peerASN') },
    { title: 'VLAN', min: 5, priority: 3, get: (r) => propText(r.node?.body, 'properties.vlanId') },
    { title: 'PRIMARY', min: 16, flex: 1, priority: 4, get: (r) => propText(r.node?.body, 'properties.primaryPeerAddressPrefix') },
    { title: 'SECONDARY', min: 16, flex: 1, priority: 5, get: (r) => propText(r.node?.body, 'properties.secondaryPeerAddressPrefix') },
    findingsCol(2),
  ],
};
