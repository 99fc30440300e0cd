import { parseArmId } from '../../arm/arm-id.js';
import { SEVERITIES } from '../../checks/types.js';
import { TYPE_LABEL } from '../../arm/resource-types.js';
import { qualifiedName } from '../model/model.js';
import { SEVERITY_LOOK } from '../theme.js';
import { locCol, nameCol, statusCol, subCol } from './common.js';
import type { Row, ViewDef } from './types.js';

/** Short type label for the "all" view, e.g. "VNet gateway". */
export function typeLabel(type: string): string {
  return TYPE_LABEL[type] ?? type.split('/').slice(1).join('/');
}

/** All findings, worst first; enter jumps to the resource. */
export const findingsView: ViewDef = {
  id: 'findings',
  title: 'findings',
  aliases: ['findings', 'fi'],
  rows: (m) =>
    [...m.data.findings]
      .sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity))
      .map((finding) => ({ id: finding.resourceId, finding, node: m.node(finding.resourceId) })),
  columns: [
    {
      title: 'SEV',
      min: 6,
      priority: 0,
      get: (r) => (r.finding ? `${SEVERITY_LOOK[r.finding.severity].glyph} ${SEVERITY_LOOK[r.finding.severity].short}` : ''),
      tone: (r) => (r.finding ? SEVERITY_LOOK[r.finding.severity].tone : 'plain'),
    },
    { title: 'RULE', min: 14, flex: 1, priority: 1, get: (r) => r.finding?.ruleId ?? '' },
    { title: 'RESOURCE', min: 12, flex: 1, priority: 0, get: (r) => qualifiedName(r.finding?.resourceId ?? r.node?.id) },
    { title: 'SUB', min: 10, priority: 4, get: (r, m) => m.subName(parseArmId(r.id).subscriptionId ?? '') },
    { title: 'REASON', min: 20, flex: 3, priority: 2, get: (r) => r.finding?.reason ?? '' },
  ],
};

/** Every node in the graph, stubs included. */
export const allView: ViewDef = {
  id: 'all',
  title: 'all',
  aliases: ['all'],
  rows: (m) => {
    const rows: Row[] = [];
    m.data.graph.forEachNode((_k, node) => {
      rows.push({ id: node.id, node });
    });
    return rows;
  },
  columns: [
    { title: 'TYPE', min: 14, flex: 1, priority: 1, get: (r) => typeLabel(r.node?.type ?? '') },
    nameCol(),
    subCol(3),
    locCol(4),
    statusCol('STATUS', 2),
  ],
};
