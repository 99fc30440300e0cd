import type { TrackedOperation } from '../../actions/tracker.js';
import type { WriteScreen, WriteState } from './types.js';

/** A tiny external store for the write session, the same pattern as the explorer store (read synchronously by keys). */
export interface WriteStore {
  getState(): WriteState;
  set(f: (s: WriteState) => WriteState): void;
  subscribe(listener: () => void): () => void;
}

/** Creates the session store; `mode` is the mode the backend started in. */
export function createWriteStore(mode: WriteState['mode']): WriteStore {
  let state: WriteState = { mode, verify: {}, revealed: [], opsVersion: 0 };
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    set: (f) => {
      const next = f(state);
      if (next === state) return;
      state = next;
      for (const l of [...listeners]) l();
    },
    subscribe: (l) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
  };
}

/** Replaces the open screen (undefined closes the write flow). */
export function show(store: WriteStore, screen: WriteScreen | undefined): void {
  store.set((s) => ({ ...s, screen }));
}

/** Updates the open screen when it is of the given kind (stale async results for a screen left meanwhile are dropped). */
export function patchScreen<K extends WriteScreen['kind']>(store: WriteStore, kind: K, f: (s: Extract<WriteScreen, { kind: K }>) => WriteScreen): void {
  store.set((s) => (s.screen?.kind === kind ? { ...s, screen: f(s.screen as Extract<WriteScreen, { kind: K }>) } : s));
}

/** Operations still waiting for ARM. */
export function runningOps(ops: TrackedOperation[]): TrackedOperation[] {
  return ops.filter((o) => o.status === 'running');
}

/** "1 operation running" / "2 operations running". */
export function runningText(n: number): string {
  return `${n} operation${n === 1 ? '' : 's'} running`;
}
