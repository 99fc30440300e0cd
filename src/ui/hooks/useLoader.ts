import { useCallback, useEffect, useRef, type Dispatch } from 'react';
import { redactText } from '../../redact.js';
import type { ExplorerBackend } from '../backend.js';
import type { Action } from '../store.js';

/** One-line, secret-free text of a load error. */
export function loadErrorText(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return redactText(msg.split('\n')[0] ?? msg);
}

/** Runs backend.load in the background (never blocking input); returns `refresh`, which cancels any load in flight. */
export function useLoader(backend: ExplorerBackend, dispatch: Dispatch<Action>, autoLoad: boolean): () => void {
  const current = useRef<AbortController | undefined>(undefined);
  const refresh = useCallback(() => {
    current.current?.abort();
    const ctrl = new AbortController();
    current.current = ctrl;
    dispatch({ type: 'loadStart' });
    let p: Promise<unknown>;
    try {
      p = backend.load((progress) => {
        if (!ctrl.signal.aborted) dispatch({ type: 'loadProgress', progress });
      }, ctrl.signal);
    } catch (e) {
      p = Promise.reject(e);
    }
    p.then(
      (data) => {
        if (!ctrl.signal.aborted) dispatch({ type: 'loadDone', data: data as never });
      },
      (e: unknown) => {
        if (!ctrl.signal.aborted) dispatch({ type: 'loadFail', error: loadErrorText(e) });
      },
    );
  }, [backend, dispatch]);
  useEffect(() => {
    if (autoLoad) refresh();
    return () => current.current?.abort();
  }, [refresh, autoLoad]);
  return refresh;
}
