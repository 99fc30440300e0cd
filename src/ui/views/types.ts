import type { NodeAttrs } from '../../topology/types.js';
import type { Finding } from '../../checks/types.js';
import type { Model } from '../model/model.js';
import type { Tone } from '../theme.js';
import type { ChangeRow } from './diff.js';

/** The nine switchable table views, in number-key order. */
export type ViewId = 'circuits' | 'peerings' | 'gateways' | 'connections' | 'hubs' | 'sites' | 'findings' | 'all' | 'resiliency' | 'diff';

/** One table row: a graph node, or a finding (findings view); `id` is the resource it opens. */
export interface Row {
  id: string;
  node?: NodeAttrs;
  finding?: Finding;
  /** How the resource differs from the saved snapshot (diff view). */
  change?: ChangeRow;
}

/** A column as data: text, colour token, width hints and how early it is dropped on narrow terminals. */
export interface Column {
  title: string;
  /** Minimum width in cells (the title fits or is truncated). */
  min: number;
  /** Share of spare width; 0/absent = fixed at min. */
  flex?: number;
  /** 0 = always shown; higher numbers are dropped first when the terminal is narrow. */
  priority: number;
  get(row: Row, m: Model): string;
  tone?(row: Row, m: Model): Tone;
}

/** Everything that defines one table view. */
export interface ViewDef {
  id: ViewId;
  title: string;
  aliases: string[];
  rows(m: Model): Row[];
  columns: Column[];
  /** What an empty table says when no filter hides rows (default: "no resources of this type"). */
  emptyText?(m: Model): string;
}

/** Wraps graph nodes as rows. */
export function nodeRows(nodes: NodeAttrs[]): Row[] {
  return nodes.map((node) => ({ id: node.id, node }));
}
