import { appendFileSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { redact, redactText } from '../redact.js';

/** One applied (or attempted) write, as one JSON line of the audit log. */
export interface AuditEntry {
  time: string;
  /** Who wrote: the token's upn/app id when the bearer token is a JWT, "emulator" against the emulator, else "unknown". */
  principal: string;
  /** Where it went: "azure", "emulator https://127.0.0.1:PORT", ... */
  source: string;
  planId: string;
  title: string;
  request: { method: string; url: string; ifMatch?: string; body?: unknown };
  result: { status: 'succeeded' | 'conflict' | 'failed'; httpStatus?: number; code?: string; message?: string };
}

/** The audit log file: $ERSCOPE_STATE_DIR/audit.jsonl, else $XDG_STATE_HOME/erscope/audit.jsonl, else ~/.local/state/erscope/audit.jsonl. */
export function auditPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.ERSCOPE_STATE_DIR) return join(env.ERSCOPE_STATE_DIR, 'audit.jsonl');
  const state = env.XDG_STATE_HOME || join(homedir(), '.local', 'state');
  return join(state, 'erscope', 'audit.jsonl');
}

/**
 * Appends one entry as a single line. The body is redacted and the message passes redactText, so no secret reaches the
 * file; one write on an O_APPEND descriptor keeps concurrent writers' lines whole.
 */
export function appendAudit(entry: AuditEntry, env: NodeJS.ProcessEnv = process.env): string {
  const path = auditPath(env);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const safe: AuditEntry = {
    ...entry,
    request: { ...entry.request, url: redactText(entry.request.url), ...(entry.request.body !== undefined ? { body: redact(entry.request.body) } : {}) },
    result: { ...entry.result, ...(entry.result.message ? { message: redactText(entry.result.message) } : {}) },
  };
  appendFileSync(path, JSON.stringify(safe) + '\n', { flag: 'a', mode: 0o600 });
  return path;
}

/** Principal named by a bearer token: upn / unique_name / preferred_username / appid from the JWT payload when parsable. */
export function principalFromAuthorization(header: string | undefined, endpoint: string): string {
  const token = header?.replace(/^Bearer\s+/i, '') ?? '';
  const parts = token.split('.');
  if (parts.length === 3) {
    try {
      const claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
      for (const k of ['upn', 'unique_name', 'preferred_username', 'email', 'appid', 'oid']) {
        if (typeof claims[k] === 'string' && claims[k]) return claims[k] as string;
      }
    } catch {
      // Not a JWT after all; fall through to the endpoint-based label.
    }
  }
  return /^https:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(endpoint) ? 'emulator' : 'unknown';
}
