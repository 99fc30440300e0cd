import type { Diagnosis, StepId, Verdict } from '../../diagnose/types.js';
import { redactText } from '../../redact.js';
import type { ExplorerBackend } from '../backend.js';

/** One step as it runs: its latest progress message and, once finished, its verdict. */
export interface StepProgress {
  stepId: StepId;
  message: string;
  verdict?: Verdict;
}

/** State of the diagnosis on screen; replaced (never mutated) on every change so React sees each update. */
export interface DiagnoseRunState {
  /** Increases per run, so a late result of an aborted run can never overwrite a newer one. */
  run: number;
  resourceId: string;
  status: 'running' | 'done' | 'failed';
  progress: StepProgress[];
  diagnosis?: Diagnosis;
  /** One line, secrets masked, when the diagnosis could not start or crashed. */
  error?: string;
}

/** A tiny external store around one diagnosis at a time: start, abort, read, subscribe. */
export interface DiagnoseRunner {
  get(): DiagnoseRunState | undefined;
  subscribe(listener: () => void): () => void;
  /** Starts a run (aborting any run in flight). */
  start(diagnose: NonNullable<ExplorerBackend['diagnose']>, resourceId: string): void;
  /** Aborts the run in flight, if any; its result is then ignored. */
  abort(): void;
}

const VERDICT_SUFFIX = /: (pass|fail|warn|skipped)$/;

/** Folds one progress message into the step list: "Title" starts a step, "Title: verdict" finishes it. */
export function foldProgress(list: StepProgress[], stepId: StepId, message: string): StepProgress[] {
  const m = VERDICT_SUFFIX.exec(message);
  const entry: StepProgress = m ? { stepId, message: message.slice(0, m.index), verdict: m[1] as Verdict } : { stepId, message };
  const i = list.findIndex((p) => p.stepId === stepId);
  return i < 0 ? [...list, entry] : [...list.slice(0, i), entry, ...list.slice(i + 1)];
}

/** Creates the runner; the UI keeps one per App. */
export function createDiagnoseRunner(): DiagnoseRunner {
  let state: DiagnoseRunState | undefined;
  let ctrl: AbortController | undefined;
  let runs = 0;
  const listeners = new Set<() => void>();
  const set = (next: DiagnoseRunState) => {
    state = next;
    for (const l of [...listeners]) l();
  };
  return {
    get: () => state,
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    start(diagnose, resourceId) {
      ctrl?.abort();
      const mine = new AbortController();
      ctrl = mine;
      const run = ++runs;
      const current = () => state?.run === run && !mine.signal.aborted;
      set({ run, resourceId, status: 'running', progress: [] });
      let p: Promise<Diagnosis>;
      try {
        p = diagnose(resourceId, mine.signal, (stepId, message) => {
          if (current()) set({ ...state!, progress: foldProgress(state!.progress, stepId, message) });
        });
      } catch (e) {
        p = Promise.reject(e);
      }
      p.then(
        (diagnosis) => {
          if (current()) set({ ...state!, status: 'done', diagnosis });
        },
        (e: unknown) => {
          const msg = e instanceof Error ? e.message : String(e);
          if (current()) set({ ...state!, status: 'failed', error: redactText(msg.split('\n')[0] ?? msg) });
        },
      );
    },
    abort() {
      ctrl?.abort();
      ctrl = undefined;
    },
  };
}
