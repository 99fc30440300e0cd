import { setMaxListeners } from 'node:events';
import { createArmConnection } from '../arm/clients.js';
import { diagnose } from '../diagnose/diagnose.js';
import { ErscopeError } from '../errors.js';
import { createStatusMonitor } from '../status/monitor.js';
import type { MonitorOptions } from '../status/types.js';
import type { ExplorerBackend, ExplorerData, LiveMonitor } from '../ui/backend.js';
import type { OpenedSource } from './source.js';

/**
 * Adds live status and diagnosis to an explorer backend over a live source; snapshots come back unchanged (the UI
 * then says "offline"). The monitor gets its own connection without SDK retries, so a 429 backs the monitor off
 * instead of stalling in the SDK, and never delays the inventory's requests.
 */
export function withLive(backend: ExplorerBackend, src: OpenedSource, opts: MonitorOptions = {}): ExplorerBackend {
  if (!src.conn || src.snapshot) return backend;
  const mainConn = src.conn;
  let latest: ExplorerData | undefined = backend.initial;
  const out: ExplorerBackend = {
    ...backend,
    load: async (onProgress, signal) => {
      // One load fans out to dozens of concurrent requests, each listening on this signal; that is not a leak.
      setMaxListeners(0, signal);
      const data = await backend.load(onProgress, signal);
      latest = data;
      return data;
    },
    diagnose: async (resourceId, signal, onProgress) => {
      if (!latest) throw new ErscopeError('nothing loaded yet: wait for the inventory to finish, then press d again');
      return diagnose(mainConn, latest.graph, resourceId, { findings: latest.findings, signal, onProgress });
    },
  };
  if (src.connectOptions) out.live = { monitor: liveMonitor(src, opts) };
  return out;
}

/** A status monitor on a retry-free connection; stop() also closes that connection (idempotent). */
function liveMonitor(src: OpenedSource, opts: MonitorOptions): LiveMonitor {
  const conn = createArmConnection({ ...src.connectOptions, retry: { maxRetries: 0 } });
  const monitor = createStatusMonitor(conn, opts);
  let stopped = false;
  return {
    ...monitor,
    stop() {
      if (stopped) return;
      stopped = true;
      monitor.stop();
      conn.close();
    },
  };
}
