import { ErscopeError } from '../errors.js';
import { choiceFlag, list, SOURCE_FLAGS, str, type FlagValues } from './flags.js';
import type { CommandIO } from './io.js';
import { loadEstate, stderrHooks } from './load.js';
import { withSource, type CommandSpec } from './registry.js';

const CREATE_KINDS = ['connection', 'er-connection', 'global-reach', 'peering', 'vpn-connection', 'authorization'] as const;

/** Commands that talk to a live source beyond reading: diagnosis, creation, and the standalone emulator. */
export const LIVE_COMMANDS: CommandSpec[] = [
  {
    name: 'diagnose',
    summary: "run Microsoft's ExpressRoute troubleshooting steps on a circuit, peering or connection",
    usage: 'RESOURCE_ID|NAME [source flags] [--format text|json]',
    positionals: { min: 1, max: 1 },
    flags: { ...SOURCE_FLAGS, format: { type: 'string', value: 'text|json', help: 'output format (default text)' } },
    run: async (v, p, io) => {
      const format = choiceFlag(v, 'format', ['text', 'json'] as const, 'text');
      return withSource(v, async (src) => {
        if (!src.conn) throw new ErscopeError('diagnose needs a live source (Azure, --demo, --scenario or --endpoint), not a --snapshot');
        const estate = await loadEstate(src, { ...stderrHooks(io) });
        const { runDiagnose } = await import('./commands/diagnose.js');
        return runDiagnose({ conn: src.conn, graph: estate.graph, findings: estate.findings, resourceId: p[0]!, format }, io);
      }, io);
    },
  },
  {
    name: 'create',
    summary: `plan and (after confirmation) create: ${CREATE_KINDS.join(', ')}`,
    usage: 'KIND [source flags] [--set FIELD=VALUE ...] [--dry-run | --confirm NAME]',
    positionals: { min: 1, max: 1 },
    flags: {
      ...SOURCE_FLAGS,
      set: { type: 'string', multiple: true, value: 'FIELD=VALUE', help: 'a wizard field, e.g. --set name=conn-1 --set routingWeight=10' },
      'dry-run': { type: 'boolean', help: 'print the plan and never write' },
      confirm: { type: 'string', value: 'NAME', help: 'apply the plan: must equal the new resource name' },
      'read-only': { type: 'boolean', help: 'refuse to write: no writer is even constructed' },
      force: { type: 'boolean', help: 'accept weak IPsec choices and RBAC pre-flight refusals (ARM still decides)' },
    },
    run: async (v, p, io) => {
      const kind = p[0]!;
      if (!(CREATE_KINDS as readonly string[]).includes(kind)) {
        throw new ErscopeError(`unknown kind "${kind}": choose one of ${CREATE_KINDS.join(', ')}`);
      }
      const values = parseSetFlags(v);
      if (Object.keys(values).length === 0 && !str(v, 'confirm') && io.stdout.isTTY && process.stdin.isTTY) {
        // On a terminal with no fields given: the guided wizard inside the explorer (plan, review, typed confirmation).
        if (v['read-only']) throw new ErscopeError('create --read-only cannot write: drop --read-only, or add --dry-run to review plans only');
        const { runExplorer } = await import('./explorer.js');
        return runExplorer({ ...v, write: true }, io, { startCreate: kind });
      }
      return withSource(v, async (src) => {
        if (!src.conn) throw new ErscopeError('create needs a live source (Azure, --demo, --scenario or --endpoint), not a --snapshot');
        const estate = await loadEstate(src, { ...stderrHooks(io) });
        const { runCreate } = await import('./commands/create.js');
        const confirm = str(v, 'confirm');
        return runCreate(
          kind as (typeof CREATE_KINDS)[number],
          {
            conn: src.conn,
            graph: estate.graph,
            findings: estate.findings,
            dryRun: v['dry-run'] === true,
            readOnly: v['read-only'] === true,
            force: v.force === true,
            values,
            ...(confirm ? { confirm } : {}),
            source: src.info,
          },
          io,
        );
      }, io);
    },
  },
  {
    name: 'emulator',
    summary: 'run the ARM-compatible HTTPS emulator standalone (prints ERSCOPE_ENDPOINT and ERSCOPE_CA_CERT)',
    usage: '[--demo | --scenario FILE] [--port N] [--latency MS] [--fault SPEC ...] [--page-size N]',
    positionals: { min: 0, max: 0 },
    flags: {},
    run: async () => 0,
  },
];

function parseSetFlags(v: FlagValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of list(v, 'set')) {
    const eq = kv.indexOf('=');
    if (eq <= 0) throw new ErscopeError(`--set expects FIELD=VALUE (got "${kv}")`);
    out[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  return out;
}

/** The emulator parses its own flags (it is a server, not a data command), so main hands it the raw argv. */
export async function runEmulatorArgv(argv: string[], io: CommandIO): Promise<number> {
  const { runEmulatorCommand } = await import('./commands/emulator.js');
  return runEmulatorCommand(argv, io);
}
