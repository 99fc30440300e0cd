import { readFileSync } from 'node:fs';
import type { ArmConnection, ArmConnectionOptions } from '../arm/clients.js';
import { ErscopeError } from '../errors.js';
import type { SourceInfo } from '../inventory/types.js';
import type { Snapshot } from '../topology/types.js';
import { list, secondsFlag, str, type FlagValues } from './flags.js';
import { currentUserConfig } from './user-config.js';

/** A source ready to read from: a live ARM connection (Azure or emulator) or a saved snapshot. */
export interface OpenedSource {
  info: SourceInfo;
  conn?: ArmConnection;
  /** How to open another connection to the same endpoint (the live-status monitor wants one without SDK retries). */
  connectOptions?: ArmConnectionOptions;
  snapshot?: Snapshot;
  /** Subscriptions asked for with --subscription (ids or display names). */
  subscriptions: string[];
  /** How a live source reads its inventory (--reader; default auto). */
  reader?: InventoryReaderChoice;
  /** Lines the in-process emulator's scenario loader reported (a child without its parent, a type it does not serve). */
  warnings?: string[];
  /** Seconds one command (or one explorer refresh) may take in all (--deadline; default 300). */
  deadlineS: number;
  close(): Promise<void>;
}

/** The --reader values. */
export type InventoryReaderChoice = 'auto' | 'graph' | 'arm';

function readerChoice(values: FlagValues): InventoryReaderChoice | undefined {
  const v = str(values, 'reader');
  if (v === undefined) return undefined;
  if (v !== 'auto' && v !== 'graph' && v !== 'arm') throw new ErscopeError(`--reader "${v}" is not one of auto, graph, arm`);
  if (str(values, 'snapshot')) throw new ErscopeError('--reader applies to live sources; a snapshot is read from its file: drop --reader');
  return v;
}

/** Which source the flags and environment pick, before anything is opened. */
export type SourceChoice =
  | { kind: 'snapshot'; file: string }
  | { kind: 'demo' }
  | { kind: 'scenario'; file: string }
  | { kind: 'endpoint'; endpoint: string }
  | { kind: 'azure' };

/** Picks the source without touching files or the network (conflicting flags fail here, before any screen is drawn). */
export function chooseSource(values: FlagValues, env: NodeJS.ProcessEnv = process.env): SourceChoice {
  const snapshotFile = str(values, 'snapshot');
  const scenarioFile = str(values, 'scenario');
  const demo = values.demo === true;
  const chosen = [demo && '--demo', scenarioFile && '--scenario', snapshotFile && '--snapshot', str(values, 'endpoint') && '--endpoint'].filter(Boolean);
  if (chosen.length > 1) throw new ErscopeError(`choose one source: ${chosen.join(' and ')} were both given`);
  if (snapshotFile) return { kind: 'snapshot', file: snapshotFile };
  if (demo) return { kind: 'demo' };
  if (scenarioFile) return { kind: 'scenario', file: scenarioFile };
  const endpoint = str(values, 'endpoint') ?? env.ERSCOPE_ENDPOINT;
  return endpoint ? { kind: 'endpoint', endpoint } : { kind: 'azure' };
}

/** What the explorer's first frame says about a source that is still opening: its kind, a label and the step under way. */
export function sourcePreview(choice: SourceChoice): { info: SourceInfo; step: string } {
  switch (choice.kind) {
    case 'snapshot':
      return { info: { kind: 'snapshot', label: choice.file }, step: `reading snapshot ${choice.file}` };
    case 'demo':
      return { info: { kind: 'emulator', label: 'demo: contoso' }, step: 'starting the local emulator with the demo scenario' };
    case 'scenario':
      return { info: { kind: 'emulator', label: choice.file }, step: `starting the local emulator with ${choice.file}` };
    case 'endpoint':
      return { info: { kind: 'emulator', label: choice.endpoint }, step: `connecting to ${choice.endpoint}` };
    case 'azure':
      return { info: { kind: 'azure', label: 'Azure' }, step: 'signing in to Azure' };
  }
}

/** Extra knobs tests and the bench use; users never need them. */
export interface OpenSourceOptions {
  env?: NodeJS.ProcessEnv;
  pollIntervalMs?: number;
  /** `defaults.cloud` from the user's config.yaml (weaker than --cloud and AZURE_CLOUD). */
  cloudDefault?: string;
}

/** Picks the source from flags and environment the same way for every command, failing fast with a one-line reason. */
export async function openSource(values: FlagValues, opts: OpenSourceOptions = {}): Promise<OpenedSource> {
  const env = opts.env ?? process.env;
  const subscriptions = list(values, 'subscription');
  const reader = readerChoice(values);
  const requestTimeoutS = secondsFlag(values, 'timeout', 0.05, 3600) ?? 30;
  const deadlineS = secondsFlag(values, 'deadline', 0.1, 86_400) ?? 300;
  const withReader = <T extends object>(o: T): T & { reader?: InventoryReaderChoice; deadlineS: number } => (reader ? { ...o, reader, deadlineS } : { ...o, deadlineS });
  const choice = chooseSource(values, env);
  const snapshotFile = choice.kind === 'snapshot' ? choice.file : undefined;
  const scenarioFile = choice.kind === 'scenario' ? choice.file : undefined;
  const demo = choice.kind === 'demo';
  const endpoint = choice.kind === 'endpoint' ? choice.endpoint : undefined;
  const cloudFlag = str(values, 'cloud');
  if (cloudFlag !== undefined) {
    // Checked whatever the source, so a typo fails the same way with --demo as against Azure.
    const { resolveCloud } = await import('../arm/cloud.js');
    resolveCloud({ flag: cloudFlag, env });
  }

  if (snapshotFile) {
    const { readSnapshot } = await import('../topology/snapshot.js');
    const snapshot = readSnapshot(snapshotFile);
    return { info: { kind: 'snapshot', label: snapshotFile }, snapshot, subscriptions, deadlineS, close: async () => {} };
  }
  if (demo || scenarioFile) {
    const { startEmulator } = await import('../emulator/server.js');
    const { resolveScenarioArg, scenarioPath } = await import('../emulator/scenarios/index.js');
    const file = scenarioFile ? resolveScenarioArg(scenarioFile) : scenarioPath('contoso');
    const emu = await startEmulator({ scenarioFile: file }).catch((e: Error) => {
      throw e.name === 'EmulatorInputError' ? new ErscopeError(e.message) : e;
    });
    const conn = await connectEmulator(emu.endpoint, emu.caPem, opts, requestTimeoutS);
    const label = `${emu.endpoint} (${demo ? 'demo: contoso' : scenarioFile})`;
    return withReader({
      info: { kind: 'emulator', label, endpoint: emu.endpoint, scenario: demo ? 'contoso' : scenarioFile },
      conn,
      connectOptions: { endpoint: emu.endpoint, caPem: emu.caPem, requestTimeoutS },
      subscriptions,
      warnings: emu.warnings,
      close: async () => {
        conn.close();
        await emu.close();
      },
    });
  }
  if (endpoint) {
    const caFile = str(values, 'ca-cert') ?? env.ERSCOPE_CA_CERT;
    if (!caFile) throw new ErscopeError('--endpoint needs --ca-cert FILE (or ERSCOPE_CA_CERT): the emulator prints both on start');
    let caPem: string;
    try {
      caPem = readFileSync(caFile, 'utf8');
    } catch {
      throw new ErscopeError(`cannot read CA certificate ${caFile}: check the path printed as ERSCOPE_CA_CERT by \`erscope emulator\``);
    }
    if (!/^https:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/?$/.test(endpoint)) {
      throw new ErscopeError(`--endpoint ${endpoint} is not a local emulator (https://127.0.0.1:PORT); omit it to use real Azure`);
    }
    const conn = await connectEmulator(endpoint, caPem, opts, requestTimeoutS);
    return withReader({ info: { kind: 'emulator', label: endpoint, endpoint }, conn, connectOptions: { endpoint, caPem, requestTimeoutS }, subscriptions, close: async () => {
        conn.close();
      } });
  }
  const { createArmConnection } = await import('../arm/clients.js');
  const { createAzureCredential, assertCredential } = await import('../arm/credential.js');
  const { resolveCloud, DEFAULT_CLOUD } = await import('../arm/cloud.js');
  const configDefault = opts.cloudDefault ?? currentUserConfig().defaults.cloud;
  const { cloud } = resolveCloud({ ...(cloudFlag ? { flag: cloudFlag } : {}), env, ...(configDefault ? { configDefault } : {}) });
  const credential = createAzureCredential(env, cloud);
  const tenantId = await assertCredential(credential, cloud);
  const conn = createArmConnection({ credential, cloud, requestTimeoutS });
  const where = cloud === DEFAULT_CLOUD ? '' : ` (${cloud.name})`;
  return withReader({
    info: { kind: 'azure', label: `${tenantId ? `tenant ${tenantId}` : 'Azure'}${where}`, ...(tenantId ? { tenantId } : {}) },
    conn,
    connectOptions: { credential, cloud, requestTimeoutS },
    subscriptions,
    close: async () => {
      conn.close();
    },
  });
}

async function connectEmulator(endpoint: string, caPem: string, opts: OpenSourceOptions, requestTimeoutS: number): Promise<ArmConnection> {
  const { createArmConnection } = await import('../arm/clients.js');
  const { EmulatorCredential } = await import('../arm/credential.js');
  return createArmConnection({
    endpoint,
    caPem,
    credential: new EmulatorCredential(),
    requestTimeoutS,
    ...(opts.pollIntervalMs !== undefined ? { pollIntervalMs: opts.pollIntervalMs } : {}),
  });
}
