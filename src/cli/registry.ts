import type { Severity } from '../checks/types.js';
import { ErscopeError } from '../errors.js';
import { choiceFlag, intFlag, list, SOURCE_FLAGS, str, type FlagSpec, type FlagValues } from './flags.js';
import type { CommandIO } from './io.js';
import { loadEstate, readInventory, stderrHooks } from './load.js';
import { openSource, type OpenedSource } from './source.js';

/** One subcommand: its help, flags and handler; --help text and the README's command list come from this table. */
export interface CommandSpec {
  name: string;
  summary: string;
  usage: string;
  positionals: { min: number; max: number };
  flags: Record<string, FlagSpec>;
  run(values: FlagValues, positionals: string[], io: CommandIO): Promise<number>;
}

const FORMAT = (choices: string, dflt: string): FlagSpec => ({ type: 'string', value: choices, help: `output format (default ${dflt})` });
const OUT: FlagSpec = { type: 'string', value: 'FILE', help: 'write to FILE atomically instead of stdout' };

/**
 * Opens the source, runs `fn` under the command's --deadline, and always closes it (stopping an in-process emulator). What the scenario loader had to
 * settle (a child without its parent…) goes to stderr first, one `warning:` line each, so a script's stdout stays clean.
 */
export async function withSource<T>(values: FlagValues, fn: (src: OpenedSource) => Promise<T>, io?: Pick<CommandIO, 'stderr'>): Promise<T> {
  const src = await openSource(values);
  for (const w of src.warnings ?? []) io?.stderr.write(`warning: ${w}\n`);
  try {
    const { runWithDeadline } = await import('../arm/deadline.js');
    return await runWithDeadline(src.deadlineS, () => fn(src));
  } finally {
    await src.close();
  }
}

/** The subcommands, in the order help lists them. */
export const COMMANDS: CommandSpec[] = [
  {
    name: 'inventory',
    summary: 'read the estate and print a summary table or a JSON snapshot',
    usage: '[source flags] [--format table|json] [--out FILE]',
    positionals: { min: 0, max: 0 },
    flags: { ...SOURCE_FLAGS, format: FORMAT('table|json', 'table'), out: OUT },
    run: async (v, _p, io) => {
      const format = choiceFlag(v, 'format', ['table', 'json'] as const, 'table');
      return withSource(v, async (src) => {
        const inventory = await readInventory(src, { ...stderrHooks(io) });
        const { buildGraph } = await import('../topology/graph.js');
        const { runInventory } = await import('./commands/inventory.js');
        return runInventory({ estate: { inventory, graph: buildGraph(inventory) }, format, ...(str(v, 'out') ? { out: str(v, 'out')! } : {}) }, io);
      }, io);
    },
  },
  {
    name: 'check',
    summary: 'run the checks catalog; exit 1 when a finding is at or above --fail-on',
    usage: '[source flags] [--format text|json|sarif] [--fail-on high|medium|low|none] [--rule ID ...] [--out FILE]',
    positionals: { min: 0, max: 0 },
    flags: {
      ...SOURCE_FLAGS,
      format: FORMAT('text|json|sarif', 'text'),
      'fail-on': { type: 'string', value: 'LEVEL', help: 'lowest severity that fails the run: high (default), medium, low or none' },
      rule: { type: 'string', multiple: true, value: 'ID', help: 'run only this rule (repeatable); see `erscope rules`' },
      out: OUT,
    },
    run: async (v, _p, io) => {
      const format = choiceFlag(v, 'format', ['text', 'json', 'sarif'] as const, 'text');
      const failOn = choiceFlag(v, 'fail-on', ['high', 'medium', 'low', 'none'] as const, 'high') as Severity | 'none';
      const ruleIds = list(v, 'rule');
      if (ruleIds.length) {
        const { ruleById } = await import('../checks/catalog.js');
        const unknown = ruleIds.filter((r) => !ruleById(r));
        if (unknown.length) throw new ErscopeError(`unknown rule ${unknown.join(', ')}: run \`erscope rules\` for the list`);
      }
      return withSource(v, async (src) => {
        const estate = await loadEstate(src, { ruleIds, ...stderrHooks(io), ...(str(v, 'config') ? { configPath: str(v, 'config')! } : {}) });
        const { runCheck } = await import('./commands/check.js');
        return runCheck({ graph: estate.graph, findings: estate.findings, failOn, format, incomplete: estate.incomplete, source: src.info, ...(str(v, 'out') ? { out: str(v, 'out')! } : {}) }, io);
      }, io);
    },
  },
  {
    name: 'rules',
    summary: 'list the checks catalog (id, severity, title, documentation), or print the coverage table (md)',
    usage: '[--format text|json|md]',
    positionals: { min: 0, max: 0 },
    flags: { format: FORMAT('text|json|md', 'text') },
    run: async (v, _p, io) => {
      const { runRules } = await import('./commands/rules.js');
      return runRules(io, choiceFlag(v, 'format', ['text', 'json', 'md'] as const, 'text'));
    },
  },
  {
    name: 'export',
    summary: 'write a topology report: md, json, html (with SVG diagram), dot, mermaid, sarif or csv',
    usage: '[source flags] --format md|json|html|dot|mermaid|sarif|csv [--out FILE] [--focus RESOURCE_ID --depth N]',
    positionals: { min: 0, max: 0 },
    flags: {
      ...SOURCE_FLAGS,
      format: FORMAT('md|json|html|dot|mermaid|sarif|csv', 'md'),
      out: OUT,
      focus: { type: 'string', value: 'RESOURCE_ID', help: 'export only the neighbourhood of this resource' },
      depth: { type: 'string', value: 'N', help: 'neighbourhood depth for --focus (default 2)' },
    },
    run: async (v, _p, io) => {
      const format = choiceFlag(v, 'format', ['md', 'json', 'html', 'dot', 'mermaid', 'sarif', 'csv'] as const, 'md');
      const depth = intFlag(v, 'depth', 0, 20);
      if (depth !== undefined && !str(v, 'focus')) throw new ErscopeError('--depth only applies with --focus RESOURCE_ID');
      return withSource(v, async (src) => {
        const estate = await loadEstate(src, { ...stderrHooks(io), ...(str(v, 'config') ? { configPath: str(v, 'config')! } : {}) });
        const { runExport } = await import('./commands/export.js');
        return runExport(
          {
            graph: estate.graph,
            findings: estate.findings,
            inventoryIssues: estate.inventory.issues,
            source: src.info,
            subscriptions: estate.inventory.subscriptions,
            format,
            ...(str(v, 'out') ? { out: str(v, 'out')! } : {}),
            ...(str(v, 'focus') ? { focus: str(v, 'focus')! } : {}),
            ...(depth !== undefined ? { depth } : {}),
          },
          io,
        );
      }, io);
    },
  },
  {
    name: 'diff',
    summary: 'list resources added, removed and changed between two snapshots',
    usage: 'OLD.json NEW.json [--format text|json]',
    positionals: { min: 2, max: 2 },
    flags: { format: FORMAT('text|json', 'text') },
    run: async (v, p, io) => {
      const { runDiff } = await import('./commands/inventory.js');
      return runDiff(p[0]!, p[1]!, choiceFlag(v, 'format', ['text', 'json'] as const, 'text'), io);
    },
  },
];
