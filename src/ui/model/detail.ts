import { RT } from '../../arm/resource-types.js';
import { propText, type Model } from './model.js';
import { line, wrapped, type Line } from './lines.js';
import { refTree } from './refs.js';
import { GLYPH, SEVERITY_LOOK, statusLook } from '../theme.js';
import { typeLabel } from '../views/misc.js';
import { circuitsView, peeringsView } from '../views/er.js';
import { CONNECTION_TYPES, GATEWAY_TYPES, connectionsView, gatewaysView } from '../views/gateways.js';
import { hubsView, sitesView } from '../views/vwan.js';
import type { ViewDef } from '../views/types.js';
import { STUB_WHY } from '../../topology/node-attrs.js';

/** Reference tree depth before a node must be expanded by hand. */
export const TREE_DEPTH = 2;

/** The table view whose columns describe this type, so detail and table agree on what matters. */
export function viewForType(type: string): ViewDef | undefined {
  if (type === RT.circuit) return circuitsView;
  if (type === RT.peering) return peeringsView;
  if ((GATEWAY_TYPES as readonly string[]).includes(type)) return gatewaysView;
  if ((CONNECTION_TYPES as readonly string[]).includes(type)) return connectionsView;
  if (type === RT.hub) return hubsView;
  if (type === RT.vpnSite) return sitesView;
  return undefined;
}

function section(title: string): Line[] {
  return [line(''), line({ text: title, tone: 'title' })];
}

/** All lines of a resource's detail page: key properties, findings with reason and fix, and both reference trees. */
export function detailLines(m: Model, id: string, width: number, expanded: ReadonlySet<string>): Line[] {
  const n = m.node(id);
  if (!n) return [line({ text: `${GLYPH.stub} ${id} is not in the loaded data`, tone: 'stub' })];
  const look = statusLook(n.status, n.stub);
  const out: Line[] = [
    { id: n.id, segs: [{ text: `${look.glyph} `, tone: look.tone }, { text: n.name, tone: 'accent' }, { text: `  ${typeLabel(n.type)}`, tone: 'muted' }] },
  ];
  if (n.stub) {
    const why = STUB_WHY[n.stub];
    out.push(line({ text: `${GLYPH.stub} ${why}`, tone: 'stub' }));
  }
  const kv = (k: string, v: string): Line => line({ text: `  ${k.padEnd(14)} `, tone: 'muted' }, v);
  out.push(kv('id', n.id), kv('subscription', `${m.subName(n.subscriptionId)} (${n.subscriptionId})`), kv('resource group', n.resourceGroup));
  if (n.location) out.push(kv('location', n.location));
  out.push(kv('status', `${look.glyph} ${n.status}`));
  const prov = propText(n.body, 'properties.provisioningState');
  if (prov) out.push(kv('provisioning', prov));
  const view = viewForType(n.type);
  for (const col of view?.columns ?? []) {
    if (['NAME', 'SUB', 'LOCATION', 'FINDINGS', 'STATUS'].includes(col.title)) continue;
    const v = col.get({ id: n.id, node: n }, m);
    if (v) out.push(kv(col.title.toLowerCase(), v));
  }

  const findings = m.findingsFor(n.id);
  out.push(...section(`Findings (${findings.length})`));
  if (findings.length === 0) out.push(line({ text: `  ${GLYPH.ok} no findings`, tone: 'ok' }));
  for (const f of findings) {
    const sev = SEVERITY_LOOK[f.severity];
    out.push(line({ text: `  ${sev.glyph} ${sev.short.padEnd(4)} `, tone: sev.tone }, { text: f.ruleId, tone: 'info' }, `  ${f.title}`));
    out.push(...wrapped(`reason: ${f.reason}`, width, '         '));
    out.push(...wrapped(`fix: ${f.fix?.description ?? 'see docs'}`, width, '         ', 'ok'));
    if (f.docs) out.push(...wrapped(`docs: ${f.docs}`, width, '         ', 'muted'));
  }

  const uses = refTree(m, n.id, 'uses', TREE_DEPTH, expanded);
  out.push(...section(`Uses (${uses.length})`));
  out.push(...(uses.length ? uses : [line({ text: '  (nothing)', tone: 'muted' })]));
  const usedBy = refTree(m, n.id, 'usedBy', TREE_DEPTH, expanded);
  out.push(...section(`Used by (${usedBy.length})`));
  out.push(...(usedBy.length ? usedBy : [line({ text: '  (nothing)', tone: 'muted' })]));
  return out;
}
