import { z } from 'zod';

/** The schema version this build writes and reads. */
export const SNAPSHOT_SCHEMA_VERSION = 1;

const body = z.looseObject({ id: z.string(), name: z.string().optional(), type: z.string().optional() });

const node = z.object({
  id: z.string(),
  type: z.string(),
  name: z.string(),
  subscriptionId: z.string(),
  resourceGroup: z.string(),
  location: z.string().optional(),
  status: z.string(),
  stub: z.enum(['missing', 'no-access', 'unread']).optional(),
  body,
});

const edge = z.object({ source: z.string(), target: z.string(), relation: z.string(), path: z.string(), ref: z.string().optional() });

const issue = z.object({
  scope: z.string(),
  kind: z.enum(['forbidden', 'not-found', 'throttled', 'failed']),
  family: z.string().optional(),
  code: z.string().optional(),
  message: z.string(),
});

const permission = z.object({
  scope: z.string(),
  actions: z.array(z.string()),
  notActions: z.array(z.string()),
  dataActions: z.array(z.string()).optional(),
  notDataActions: z.array(z.string()).optional(),
});

/** zod schema of a version-1 snapshot file; unknown extra fields in bodies are kept. */
export const snapshotSchema = z.object({
  schemaVersion: z.literal(1),
  generatedAt: z.string(),
  erscopeVersion: z.string(),
  source: z.object({
    kind: z.enum(['azure', 'emulator', 'snapshot']),
    label: z.string(),
    endpoint: z.string().optional(),
    tenantId: z.string().optional(),
    scenario: z.string().optional(),
  }),
  subscriptions: z.array(z.object({ subscriptionId: z.string(), displayName: z.string(), state: z.string().optional() })),
  nodes: z.array(node),
  edges: z.array(edge),
  issues: z.array(issue),
  permissions: z.array(permission),
  forbiddenScopes: z.array(z.string()),
});

/** "nodes[2].id" from a zod issue path. */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : `${out ? '.' : ''}${String(seg)}`;
  return out || '(root)';
}

/** A short reason for one zod issue: "expected string" rather than zod's longer sentence. */
export function formatIssueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return `expected ${issue.expected}`;
  if (issue.code === 'invalid_value') return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return issue.message;
}
