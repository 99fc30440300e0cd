import { redactText } from '../redact.js';
import { isCredentialUnavailable } from './credential.js';
import { HostNotAllowedError } from './policies.js';

/** What went wrong with an ARM call, in the terms the inventory and UI act on. */
export interface ClassifiedArmError {
  kind: 'forbidden' | 'not-found' | 'throttled' | 'failed' | 'precondition' | 'auth';
  status?: number;
  code?: string;
  /** One line, secrets redacted. */
  message: string;
}

function oneLine(s: string): string {
  return redactText(s.replace(/\s+/g, ' ').trim()).slice(0, 400);
}

/** Maps anything an SDK call can throw (RestError, failed LRO, identity errors, socket errors) to one classification. */
export function classifyArmError(e: unknown): ClassifiedArmError {
  if (isCredentialUnavailable(e)) {
    return { kind: 'auth', message: 'No Azure credential available: run `az login` (or set AZURE_* env vars).' };
  }
  const err = (e ?? {}) as { name?: string; statusCode?: number; code?: string; message?: string; details?: unknown };
  const message = oneLine(err.message ?? String(e));
  if (e instanceof HostNotAllowedError) return { kind: 'failed', code: 'HostNotAllowed', message };
  const status = typeof err.statusCode === 'number' ? err.statusCode : undefined;
  const code = typeof err.code === 'string' ? err.code : undefined;
  if (status !== undefined) {
    if (status === 401) return { kind: 'auth', status, code, message };
    if (status === 403) return { kind: 'forbidden', status, code, message };
    if (status === 404) return { kind: 'not-found', status, code, message };
    if (status === 412) return { kind: 'precondition', status, code, message };
    if (status === 429) return { kind: 'throttled', status, code, message };
    return { kind: 'failed', status, code, message };
  }
  // A Failed LRO surfaces as a plain Error: "The long-running operation has failed. CODE. message".
  const lro = /long-running operation has failed\.?\s*([A-Za-z]\w*(?:\.\w+)*)?/i.exec(err.message ?? '');
  if (lro) return { kind: 'failed', code: lro[1] ?? 'OperationFailed', message };
  if (code && /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EPIPE|EAI_AGAIN)$/.test(code)) {
    return { kind: 'failed', code, message: oneLine(`${code}: ${err.message ?? 'network error'}`) };
  }
  return { kind: 'failed', code, message };
}
