import { ErscopeError } from '../errors.js';
import { redactText } from '../redact.js';
import { ERSCOPE_VERSION } from '../version.js';
import { EXIT } from './exit-codes.js';
import { formatFlagHelp, parseFlags } from './flags.js';
import { processIO, type CommandIO } from './io.js';
import { allCommands, EXPLORER } from './commands-all.js';
import { runEmulatorArgv } from './registry-live.js';
import { applyUserDefaults, loadUserConfig, userConfigPath } from './user-config.js';

/** Runs one erscope invocation and returns its exit code; never throws, never prints a stack unless ERSCOPE_DEBUG is set. */
export async function main(argv: string[], io: CommandIO = processIO): Promise<number> {
  try {
    const [first, ...rest] = argv;
    if (first === '--version' || first === '-V' || first === 'version') {
      io.stdout.write(`erscope ${ERSCOPE_VERSION}\n`);
      return EXIT.ok;
    }
    if (first === 'help' || (first === '--help' && rest.length === 0) || first === '-h') {
      io.stdout.write(generalHelp());
      return EXIT.ok;
    }
    if (first === 'emulator') return await runEmulatorArgv(rest, io);
    const commands = allCommands();
    const spec = first === undefined || first.startsWith('-') ? EXPLORER : commands.find((c) => c.name === first);
    if (!spec) {
      const near = commands.filter((c) => c.name.startsWith(first!.slice(0, 2))).map((c) => c.name);
      throw new ErscopeError(`unknown command "${first}"${near.length ? ` (did you mean ${near.join(' or ')}?)` : ''}; run \`erscope help\` for the list`);
    }
    const args = spec === EXPLORER ? argv : rest;
    const { values, positionals } = parseFlags(spec.name, args, spec.flags, { ...spec.positionals, usage: spec.usage });
    if (values.help) {
      io.stdout.write(commandHelp(spec.name, spec.usage, spec.summary, spec.flags));
      return EXIT.ok;
    }
    const config = await loadUserConfig();
    (await import('../ui/keymap.js')).installKeymap(config.keymap);
    applyUserDefaults(values, spec.flags, config.defaults);
    return await spec.run(values, positionals, io);
  } catch (e) {
    return reportError(e, io);
  }
}

/** Maps any error to one line on stderr and an exit code; the stack only with ERSCOPE_DEBUG=1. */
export function reportError(e: unknown, io: CommandIO): number {
  if (e instanceof ErscopeError) {
    io.stderr.write(`erscope: ${redactText(e.message)}\n`);
    return e.exitCode;
  }
  const err = e as Error & { code?: string; statusCode?: number };
  if (process.env.ERSCOPE_DEBUG) io.stderr.write(`${err?.stack ?? String(e)}\n`);
  const first = redactText(String(err?.message ?? e).split('\n')[0] ?? '');
  if (err?.name === 'AggregateAuthenticationError' || err?.name === 'CredentialUnavailableError' || err?.name === 'AuthenticationRequiredError') {
    io.stderr.write('erscope: no Azure credential works: run `az login` (or use --demo to try the bundled emulator)\n');
    return EXIT.unavailable;
  }
  if (err?.code === 'ECONNREFUSED' || err?.code === 'ECONNRESET' || err?.code === 'ENOTFOUND') {
    io.stderr.write(`erscope: cannot reach the ARM endpoint (${err.code}): check --endpoint or your network\n`);
    return EXIT.unavailable;
  }
  io.stderr.write(`erscope: unexpected error: ${first} (set ERSCOPE_DEBUG=1 for details and report it)\n`);
  return EXIT.internal;
}

function generalHelp(): string {
  const rows = allCommands().map((c) => `  ${c.name.padEnd(10)} ${c.summary}`);
  return [
    `erscope ${ERSCOPE_VERSION}: explore, check and fix Azure ExpressRoute, VPN and Virtual WAN connectivity`,
    '',
    'usage: erscope [source flags] [--write]        open the explorer (prints the inventory when not a terminal)',
    '       erscope COMMAND [flags]                 run a command; `erscope COMMAND --help` for its flags',
    '',
    'commands:',
    ...rows,
    '',
    'source flags (every data command):',
    formatFlagHelp(EXPLORER.flags),
    '',
    `your keys, skin and default flags: ${userConfigPath()} (see the README, "User configuration")`,
    '',
    'exit codes: 0 ok, 1 findings/failed step, 2 usage or input error, 3 incomplete inventory or step could not run,',
    '            4 source unavailable (credential/endpoint), 5 write failed, 70 internal error',
    '',
  ].join('\n');
}

function commandHelp(name: string, usage: string, summary: string, flags: Parameters<typeof formatFlagHelp>[0]): string {
  return `erscope ${name}: ${summary}\n\nusage: erscope ${name === 'explorer' ? '' : name + ' '}${usage}\n\n${formatFlagHelp(flags)}\n`;
}

