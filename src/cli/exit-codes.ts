/** Process exit codes, documented in the README; scripts and CI depend on them staying stable. */
export const EXIT = {
  ok: 0,
  /** `check`: a finding at or above --fail-on; `diagnose`: a step failed. */
  findings: 1,
  /** Usage or input error: bad flag, unreadable or invalid file, unknown resource. */
  usage: 2,
  /** Inventory incomplete (forbidden or failed scopes) or a diagnosis step could not run; results were still printed. */
  incomplete: 3,
  /** The source could not be reached: no Azure credential, emulator not answering. */
  unavailable: 4,
  /** A write was attempted and failed (conflict, failed operation). */
  writeFailed: 5,
  /** Unexpected internal error (a bug): one line on stderr, details with ERSCOPE_DEBUG=1. */
  internal: 70,
} as const;
