import { RT } from '../../arm/resource-types.js';
import { servicePaths, type ServicePath } from '../../topology/service-paths.js';
import type { Model } from './model.js';
import { line, type Line } from './lines.js';
import { GLYPH, statusLook } from '../theme.js';
import { typeLabel } from '../views/misc.js';
import { connectionGatewayId } from '../views/gateways.js';
import { STUB_STATUS } from '../../topology/node-attrs.js';

/** Types the path view starts from (a connection starts from its gateway). */
export const PATH_ROOT_TYPES: readonly string[] = [RT.vnet, RT.vnetGateway, RT.hub, RT.erGateway, RT.vpnGateway];

/** The node the path view should start from for this resource, or undefined when paths make no sense for it. */
export function pathRootFor(m: Model, id: string): string | undefined {
  const n = m.node(id);
  if (!n) return undefined;
  if (PATH_ROOT_TYPES.includes(n.type)) return n.id;
  if (n.type === RT.connection || n.type === RT.erConnection || n.type === RT.vpnConnection) {
    const gw = connectionGatewayId(n);
    return gw && m.node(gw) ? m.node(gw)!.id : undefined;
  }
  return undefined;
}

function nameOf(m: Model, id: string | undefined): string {
  if (!id) return '?';
  const n = m.node(id);
  if (!n) return id.split('/').pop() ?? id;
  return n.stub ? `${GLYPH.stub} ${n.name} (${STUB_STATUS[n.stub]})` : n.name;
}

/** The two lines of one path: connection with weight and status, then gateway → circuit / peering @ location (or site). */
export function pathLines(m: Model, p: ServicePath): Line[] {
  const look = statusLook(p.status, m.node(p.connectionId)?.stub);
  const head: Line = {
    id: p.connectionId,
    segs: [
      { text: p.preferred ? `${GLYPH.preferred} ` : '  ', tone: 'accent' },
      { text: p.kind === 'expressroute' ? 'ER  ' : 'VPN ', tone: 'info' },
      { text: nameOf(m, p.connectionId) },
      { text: `  weight ${p.routingWeight}  `, tone: p.preferred ? 'accent' : 'muted' },
      { text: `${look.glyph} ${p.status}`, tone: look.tone },
      { text: p.preferred ? '  preferred' : '', tone: 'accent' },
    ],
  };
  const far = p.kind === 'expressroute' ? p.circuitId : p.siteId;
  const farNode = far ? m.node(far) : undefined;
  const via: Line = {
    id: far,
    segs: [
      { text: '      via ', tone: 'muted' },
      { text: nameOf(m, p.gatewayId) },
      { text: ' → ', tone: 'muted' },
      { text: nameOf(m, far), tone: farNode?.stub ? 'stub' : 'plain' },
      { text: p.peeringId ? ` / ${nameOf(m, p.peeringId)}` : '' },
      { text: p.kind === 'expressroute' ? ` @ ${p.peeringLocation}` : '', tone: 'info' },
    ],
  };
  return [head, via];
}

/** Lines of the path view: every gateway → connection → circuit/peering/location (or site) path, preferred marked ★. */
export function pathViewLines(m: Model, id: string): Line[] {
  const root = pathRootFor(m, id);
  const node = m.node(root ?? id);
  if (!root || !node) return [line({ text: 'paths are shown from a VNet, VNet gateway, hub or vWAN gateway (or a connection)', tone: 'warn' })];
  const paths = servicePaths(m.data.graph, root);
  const out: Line[] = [
    line({ text: 'Paths serving ', tone: 'title' }, { text: node.name, tone: 'accent' }, { text: `  ${typeLabel(node.type)}`, tone: 'muted' }),
    line({ text: `${GLYPH.preferred} = preferred: highest routing weight among ExpressRoute paths (equal prefix lengths; ER beats VPN)`, tone: 'muted' }),
    line(''),
  ];
  if (paths.length === 0) out.push(line({ text: `${GLYPH.warn} no gateway connection serves this resource`, tone: 'warn' }));
  const sorted = [...paths].sort((a, b) => Number(b.preferred) - Number(a.preferred) || b.routingWeight - a.routingWeight || (a.kind < b.kind ? -1 : 1));
  for (const p of sorted) out.push(...pathLines(m, p));
  return out;
}
