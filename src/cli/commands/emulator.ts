import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { FAULT_SYNTAX, mergeFaults, parseFaultSpec } from '../../emulator/faults.js';
import type { FaultConfig } from '../../emulator/faults.js';
import { resolveScenarioArg, scenarioPath } from '../../emulator/scenarios/index.js';
import { startEmulator } from '../../emulator/server.js';
import { onStdoutClosed } from '../closed-pipe.js';
import type { CommandIO } from '../io.js';


const HELP = `Usage: erscope emulator [--demo | --scenario FILE] [--port N] [--latency MS] [--fault SPEC ...] [--page-size N]

Runs the local Azure Resource Manager emulator over HTTPS on 127.0.0.1 until Ctrl-C.
The first two lines of output are:
  ERSCOPE_ENDPOINT=https://127.0.0.1:PORT
  ERSCOPE_CA_CERT=/path/to/ca.pem

Options:
  --demo              load the bundled Contoso scenario (default when no --scenario is given)
  --scenario FILE     load a scenario JSON file, or a bundled one by name: contoso, contoso-clean, limits-er, limits-vpn-vwan
  --port N            listen on port N (default: a free port)
  --latency MS        add MS milliseconds to every response
  --page-size N       items per list page before nextLink (default 100)
${FAULT_SYNTAX}
Examples: --fault 429:every=5  --fault 500:path=arpTables  --fault drop:p=0.1  --fault lro-fail:path=connections/x  --fault latency=50`;

const STATUS_LINE_DELAY_MS = 200;

/** Extra hooks for tests: stop the emulator without a signal. */
export interface EmulatorCommandHooks {
  signal?: AbortSignal;
}

function intOption(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new Error(`--${name} needs a whole number, got "${v}"`);
  return Number(v);
}

/** `erscope emulator`: runs until SIGINT/SIGTERM (or the hook's signal), then exits 0; usage errors exit 2. */
export async function runEmulatorCommand(argv: string[], io: CommandIO, hooks: EmulatorCommandHooks = {}): Promise<number> {
  let values: Record<string, string | boolean | string[] | undefined>;
  let faults: FaultConfig;
  let port: number | undefined;
  let latencyMs: number | undefined;
  let pageSize: number | undefined;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        demo: { type: 'boolean' },
        scenario: { type: 'string' },
        port: { type: 'string' },
        latency: { type: 'string' },
        fault: { type: 'string', multiple: true },
        'page-size': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
    if (values.demo && values.scenario) throw new Error('use either --demo or --scenario FILE, not both');
    port = intOption('port', values.port as string | undefined);
    latencyMs = intOption('latency', values.latency as string | undefined);
    pageSize = intOption('page-size', values['page-size'] as string | undefined);
    if (pageSize === 0) throw new Error('--page-size must be at least 1');
    faults = mergeFaults(...((values.fault as string[] | undefined) ?? []).map(parseFaultSpec));
  } catch (e) {
    io.stderr.write(`erscope emulator: ${(e as Error).message.split('\n')[0]} (see erscope emulator --help)\n`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(HELP + '\n');
    return 0;
  }
  const scenarioArg = values.scenario as string | undefined;
  const scenarioFile = scenarioArg ? resolveScenarioArg(scenarioArg) : scenarioPath('contoso');
  if (!existsSync(scenarioFile)) {
    io.stderr.write(`erscope emulator: scenario file not found: ${scenarioFile}\n`);
    return 2;
  }
  let emu;
  try {
    emu = await startEmulator({ scenarioFile, port, latencyMs, faults, pageSize });
  } catch (e) {
    io.stderr.write(`erscope emulator: ${(e as Error).message.split('\n')[0]}\n`);
    return 2;
  }
  // stderr, so the two contract lines on stdout stay exactly what scripts parse.
  for (const w of emu.warnings) io.stderr.write(`warning: ${w}\n`);
  // Signal handlers go in BEFORE the contract lines: a script may send SIGTERM the moment it has read them.
  const stopped = new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      hooks.signal?.removeEventListener('abort', stop);
      unguard();
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    // `erscope emulator --demo | head -1`: once the reader is gone the emulator stops and exits 0, like any filter.
    const unguard = onStdoutClosed(stop);
    if (hooks.signal?.aborted) stop();
    hooks.signal?.addEventListener('abort', stop);
  });
  io.stdout.write(`ERSCOPE_ENDPOINT=${emu.endpoint}\nERSCOPE_CA_CERT=${emu.caCertPath}\n`);
  // The status line follows a moment later, on its own: a reader that took only the contract lines (`| head -2`) has
  // gone by then, so this write finds the closed pipe and the emulator stops instead of serving nobody forever.
  const status = setTimeout(() => {
    io.stdout.write(`scenario "${emu.scenario.name}": ${emu.store.size} resources in ${emu.store.subscriptions.size} subscriptions; Ctrl-C to stop\n`);
  }, STATUS_LINE_DELAY_MS);
  await stopped;
  clearTimeout(status);
  await emu.close();
  io.stdout.write(`emulator stopped after ${emu.requestLog.total} requests\n`);
  return 0;
}
