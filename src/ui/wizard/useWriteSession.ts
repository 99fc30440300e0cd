import { useInput, type Key } from 'ink';
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { Finding } from '../../checks/types.js';
import type { ExplorerBackend } from '../backend.js';
import type { CommandId } from '../keymap.js';
import { keystrokes, type KeyEnv } from '../hooks/useKeys.js';
import { verifyOnce, type WriteEnv } from './flow.js';
import { openCreateWizard, openWrite, writeKey } from './keys-flow.js';
import { createWriteStore, type WriteStore } from './session.js';
import type { WriteState } from './types.js';

/** What App gets back: the backend with the live mode, whether a write screen owns the body, and the write-command handler. */
export interface WriteSession {
  backend: ExplorerBackend;
  store: WriteStore;
  state: WriteState;
  /** A write screen is open: it draws the body and takes every key. */
  open: boolean;
  onWrite(cmd: CommandId, resourceId: string | undefined): void;
  /** Opens one kind's wizard (for `erscope create KIND`); false until writes and data are ready. */
  openCreate(kind: string): boolean;
}

/**
 * Owns the write session: the mode switch (read-only → write only after typed WRITE), the write screens and their keys,
 * and verification of finished operations. `host` is read per key so keys see the state the previous key left.
 */
export function useWriteSession(backend: ExplorerBackend, host: () => KeyEnv, inputActive: boolean): WriteSession {
  const storeRef = useRef<WriteStore | undefined>(undefined);
  storeRef.current ??= createWriteStore(backend.mode);
  const store = storeRef.current;
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const hostRef = useRef(host);
  hostRef.current = host;
  const writes = backend.writes;
  const envOf = useCallback((): WriteEnv => {
    const h = hostRef.current();
    const base = { state: h.state, dispatch: h.dispatch, quit: h.quit, copy: h.copy, refresh: h.refresh, pageSize: h.pageSize, store };
    return { ...base, ...(writes ? { writes } : {}), ...(h.model ? { graph: h.model.data.graph } : {}) };
  }, [store, writes]);

  useEffect(() => {
    if (!writes) return;
    return writes.tracker.subscribe((op) => {
      store.set((s) => ({ ...s, opsVersion: s.opsVersion + 1 }));
      verifyOnce(envOf(), op);
    });
  }, [writes, store, envOf]);

  const onWrite = useCallback(
    (cmd: CommandId, resourceId: string | undefined) => {
      const h = hostRef.current();
      const finding: Finding | undefined = h.content.kind === 'table' ? h.content.selected?.finding : undefined;
      const fixable = resourceId && h.model ? h.model.findingsFor(resourceId).filter((f) => !!f.fix) : [];
      openWrite(envOf(), cmd, resourceId, finding, fixable);
    },
    [envOf],
  );
  // Typed-ahead or pasted "name⏎" arrives as one chunk: split it, or the Enter lands in the confirmation text.
  const handler = useCallback((input: string, key: Key) => {
    for (const [i, k] of keystrokes(input, key)) writeKey(envOf(), i, k);
  }, [envOf]);
  const open = state.screen !== undefined;
  useInput(handler, { isActive: inputActive && open });
  const view = useMemo(() => (state.mode === backend.mode ? backend : { ...backend, mode: state.mode }), [backend, state.mode]);
  const openCreate = useCallback((kind: string) => openCreateWizard(envOf(), kind), [envOf]);
  return { backend: view, store, state, open, onWrite, openCreate };
}
