import { RT } from '../../arm/resource-types.js';
import type { NodeAttrs } from '../../topology/types.js';
import type { ExplorerBackend } from '../backend.js';
import { propText } from '../model/model.js';
import { typeLabel } from '../views/misc.js';
import type { KeyEnv } from './useKeys.js';

/** Types the guided diagnosis starts from (the same set src/diagnose accepts). */
const DIAGNOSABLE: readonly string[] = [RT.circuit, RT.peering, RT.connection, RT.erConnection];
const SUPPORTED = 'a circuit, peering, ExpressRoute connection or vWAN ER connection';

/** Why `d` cannot run on this resource, as one status-line sentence; undefined when it can. */
export function diagnoseRefusal(n: NodeAttrs | undefined, backend: ExplorerBackend): string | undefined {
  if (!n) return `! nothing to diagnose here: select ${SUPPORTED}`;
  if (n.stub) return `! cannot diagnose ${n.name}: it is a ${n.stub === 'no-access' ? 'reference you cannot read' : n.stub === 'unread' ? 'reference erscope does not read' : 'missing reference'}`;
  if (!DIAGNOSABLE.includes(n.type)) return `! cannot diagnose a ${typeLabel(n.type)}: d works on ${SUPPORTED}`;
  if (n.type === RT.connection && propText(n.body, 'properties.connectionType') !== 'ExpressRoute' && !propText(n.body, 'properties.peer.id')) {
    return `! ${n.name} is not an ExpressRoute connection: d follows the ExpressRoute flow`;
  }
  if (!backend.diagnose) return '! diagnose needs live data (ARP, BGP, counters): a snapshot has none; open Azure or --demo';
  return undefined;
}

/** Handles the live commands: `d` starts a diagnosis page, enter/space on it toggles a step's evidence. */
export function handleLiveCommand(env: KeyEnv, cmd: 'res.diagnose' | 'diag.toggle', id: string | undefined): void {
  const { dispatch, content } = env;
  if (cmd === 'diag.toggle') {
    if (content.kind === 'lines' && content.selected?.treeKey) dispatch({ type: 'toggleExpand', key: content.selected.treeKey });
    return;
  }
  const n = id ? env.model?.node(id) : undefined;
  const refusal = diagnoseRefusal(n, env.backend);
  if (refusal || !n || !env.backend.diagnose || !env.live) {
    return dispatch({ type: 'message', text: refusal ?? '! diagnose is not available here', tone: 'warn' });
  }
  env.live.runner.start(env.backend.diagnose, n.id);
  dispatch({ type: 'push', page: { kind: 'diagnose', id: n.id, cursor: 0, offset: 0, expanded: [] } });
}
