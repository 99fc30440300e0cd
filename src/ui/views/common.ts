import type { Column, Row } from './types.js';
import { RT } from '../../arm/resource-types.js';
import { parseArmId } from '../../arm/arm-id.js';
import { findingSummary, nameOfId, type Model } from '../model/model.js';
import { statusLook, SEVERITY_LOOK, type Tone } from '../theme.js';
import { STUB_STATUS } from '../../topology/node-attrs.js';
import { changeOf } from './diff.js';

/** The node of a row, for columns that only make sense on resource rows. */
function n(r: Row) {
  return r.node;
}

/** Resource name, with the stub glyph when it is only a reference, and `~`/`+` when it differs from a --diff snapshot. */
export const nameCol = (min = 14, title = 'NAME'): Column => ({
  title,
  min,
  flex: 2,
  priority: 0,
  get: (r, m) => {
    const mark = m.data.baseline ? CHANGE_MARK[changeOf(m, r.id)?.kind ?? 'none'] : '';
    return mark + (n(r)?.stub ? `◌ ${n(r)!.name}` : (n(r)?.name ?? ''));
  },
  tone: (r, m) => (n(r)?.stub ? 'stub' : m.data.baseline && changeOf(m, r.id) ? 'warn' : 'plain'),
});

const CHANGE_MARK = { added: '+ ', changed: '~ ', removed: '- ', none: '  ' } as const;

/** Subscription display name. */
export const subCol = (priority = 3): Column => ({ title: 'SUB', min: 10, flex: 1, priority, get: (r, m) => m.subName(n(r)?.subscriptionId ?? '') });

/** Azure region. */
export const locCol = (priority = 4): Column => ({ title: 'LOCATION', min: 12, priority, get: (r) => n(r)?.location ?? '' });

/** Status with its glyph so colour is never the only signal. */
export const statusCol = (title = 'STATUS', priority = 1, text?: (r: Row) => string): Column => ({
  title,
  min: 14,
  priority,
  get: (r) => {
    const s = text ? text(r) : (n(r)?.stub ? n(r)!.stub! : n(r)?.status ?? '');
    return `${statusLook(s, text ? undefined : n(r)?.stub).glyph} ${s || '-'}`;
  },
  tone: (r) => statusLook(text ? text(r) : n(r)?.status, text ? undefined : n(r)?.stub).tone,
});

/** Worst-first finding summary for the row's resource. */
export const findingsCol = (priority = 1): Column => ({
  title: 'FINDINGS',
  min: 9,
  priority,
  get: (r, m) => findingSummary(m.findingsFor(r.id)),
  tone: (r, m): Tone => {
    const f = m.findingsFor(r.id)[0];
    return f ? SEVERITY_LOOK[f.severity].tone : 'ok';
  },
});

/** A reference shown by name, marked when it points at a stub (missing / no access). */
export function refText(m: Model, id: string | undefined): string {
  if (!id) return '';
  const target = m.node(id);
  if (target?.stub) return `◌ ${target.name || nameOfId(id)} (${STUB_STATUS[target.stub]})`;
  // A peering alone says nothing ("AzurePrivatePeering"): show which circuit it belongs to.
  if (target?.type === RT.peering) return `${parseArmId(id).names[0] ?? ''}/${target.name.replace(/Peering$/, '')}`;
  return target?.name ?? nameOfId(id);
}

/** Tone for a reference cell: stub-coloured when the target is missing or forbidden. */
export function refTone(m: Model, id: string | undefined): Tone {
  return id && m.node(id)?.stub ? 'stub' : 'plain';
}
