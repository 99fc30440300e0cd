import { RT } from '../../arm/resource-types.js';
import { prop, propText } from '../model/model.js';
import type { Model } from '../model/model.js';
import type { Row } from './types.js';
import { findingsCol, locCol, nameCol, refText, refTone, subCol } from './common.js';
import { nodeRows, type ViewDef } from './types.js';

/** The hub's gateway of one type: from the hub body, or any gateway node that points at the hub. */
export function hubGatewayId(m: Model, r: Row, type: string, prop_: string): string | undefined {
  const fromBody = propText(r.node?.body, `properties.${prop_}.id`);
  if (fromBody) return fromBody;
  return m.neighborsOfType(r.id, [type])[0]?.id;
}

function hubConnectionCount(m: Model, r: Row): number {
  let count = 0;
  for (const [t, p] of [[RT.erGateway, 'expressRouteGateway'], [RT.vpnGateway, 'vpnGateway']] as const) {
    const gw = hubGatewayId(m, r, t, p);
    if (gw) count += m.neighborsOfType(gw, [RT.erConnection, RT.vpnConnection]).length;
  }
  return count;
}

/** Virtual WAN hubs. */
export const hubsView: ViewDef = {
  id: 'hubs',
  title: 'hubs',
  aliases: ['hubs', 'hub', 'vwan'],
  rows: (m) => nodeRows(m.nodesOfType([RT.hub])),
  columns: [
    nameCol(),
    subCol(3),
    locCol(4),
    { title: 'PREFIX', min: 14, priority: 2, get: (r) => propText(r.node?.body, 'properties.addressPrefix') },
    {
      title: 'ER GW',
      min: 10,
      flex: 1,
      priority: 1,
      get: (r, m) => refText(m, hubGatewayId(m, r, RT.erGateway, 'expressRouteGateway')) || '-',
      tone: (r, m) => refTone(m, hubGatewayId(m, r, RT.erGateway, 'expressRouteGateway')),
    },
    {
      title: 'VPN GW',
      min: 10,
      flex: 1,
      priority: 2,
      get: (r, m) => refText(m, hubGatewayId(m, r, RT.vpnGateway, 'vpnGateway')) || '-',
      tone: (r, m) => refTone(m, hubGatewayId(m, r, RT.vpnGateway, 'vpnGateway')),
    },
    { title: 'CONNS', min: 5, priority: 3, get: (r, m) => String(hubConnectionCount(m, r)) },
    findingsCol(1),
  ],
};

/** vWAN VPN sites. */
export const sitesView: ViewDef = {
  id: 'sites',
  title: 'VPN sites',
  aliases: ['sites', 'vpnsites'],
  rows: (m) => nodeRows(m.nodesOfType([RT.vpnSite])),
  columns: [
    nameCol(),
    subCol(3),
    locCol(4),
    { title: 'LINKS', min: 5, priority: 1, get: (r) => String((prop(r.node?.body, 'properties.vpnSiteLinks') as unknown[] | undefined)?.length ?? 0) },
    { title: 'CONNS', min: 5, priority: 2, get: (r, m) => String(m.neighborsOfType(r.id, [RT.vpnConnection]).length) },
    findingsCol(1),
  ],
};
