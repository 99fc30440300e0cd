import { circuitsView, peeringsView } from './er.js';
import { connectionsView, gatewaysView } from './gateways.js';
import { hubsView, sitesView } from './vwan.js';
import { allView, findingsView } from './misc.js';
import { resiliencyView } from './resiliency.js';
import { diffView } from './diff.js';
import type { ViewDef, ViewId } from './types.js';

/** The views in number-key order (1..9). */
export const VIEWS: readonly ViewDef[] = [circuitsView, peeringsView, gatewaysView, connectionsView, hubsView, sitesView, findingsView, allView, resiliencyView, diffView];

/** Looks a view up by id. */
export function viewById(id: ViewId): ViewDef {
  return VIEWS.find((v) => v.id === id)!;
}

export type { ViewDef, ViewId, Row, Column } from './types.js';
