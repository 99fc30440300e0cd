import { readFileSync, existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { auditPath } from '../../src/actions/audit.js';
import { runCreate } from '../../src/cli/commands/create.js';
import type { CommandIO } from '../../src/cli/io.js';
import { KEY_FREE, startActions } from './scenario.js';

type Env = Awaited<ReturnType<typeof startActions>>;
let env: Env | undefined;
afterEach(async () => {
  env?.conn.close();
  await env?.emu.close();
  env = undefined;
});

function capture(): CommandIO & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { stdout: { write: (c: string) => (out += c) }, stderr: { write: (c: string) => (err += c) }, out: () => out, err: () => err };
}

const puts = (e: Env) => e.emu.requestLog.snapshot().byMethod.PUT ?? 0;

describe('erscope create (non-interactive)', () => {
  it('--dry-run prints the plan with secrets masked and never sends a PUT', async () => {
    env = await startActions();
    const io = capture();
    const code = await runCreate('connection', { conn: env.conn, graph: await env.graph(), findings: [], dryRun: true, values: { gateway: 'gw-er', circuit: 'er-lon', routingWeight: '10' }, env: env.env }, io);
    expect(code).toBe(0);
    expect(io.out()).toMatch(/^Plan: Create connection gw-er-to-er-lon/);
    expect(io.out()).toContain('✓ Microsoft.Network/connections/write on /subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-app');
    expect(io.out()).toContain('--authorization-key <redacted>');
    expect(io.out()).not.toContain(KEY_FREE);
    expect(io.err()).toBe('dry run: nothing was written\n');
    expect(puts(env)).toBe(0);
    expect(existsSync(auditPath(env.env))).toBe(false);
  });

  it('without --confirm nothing is written; a wrong confirmation is rejected', async () => {
    env = await startActions();
    const graph = await env.graph();
    const values = { gateway: 'gw-er', circuit: 'er-ams', name: 'c-cli' };
    const io = capture();
    expect(await runCreate('connection', { conn: env.conn, graph, findings: [], dryRun: false, values, env: env.env }, io)).toBe(2);
    expect(io.err()).toMatch(/re-run with --confirm c-cli/);
    await expect(runCreate('connection', { conn: env.conn, graph, findings: [], dryRun: false, values, confirm: 'c-cl', env: env.env }, capture())).rejects.toThrow(/type the resource name "c-cli" exactly/);
    await expect(runCreate('connection', { conn: env.conn, graph, findings: [], dryRun: false, values, confirm: 'c-cli', readOnly: true, env: env.env }, capture())).rejects.toThrow(/read-only/);
    expect(puts(env)).toBe(0);
  });

  it('--confirm NAME applies, verifies and audits', async () => {
    env = await startActions();
    const io = capture();
    const code = await runCreate('connection', { conn: env.conn, graph: await env.graph(), findings: [], dryRun: false, values: { gateway: 'gw-er', circuit: 'er-ams', name: 'c-cli', routingWeight: '100' }, confirm: 'c-cli', env: env.env }, io);
    expect(io.out()).toContain('applied: Create connection c-cli');
    expect(io.out()).toContain("✓ connection appears among the connections that reference circuit er-ams's peering AzurePrivatePeering");
    expect(code).toBe(0);
    // The re-run checks see the new link next to conn-lon (weight 40000) on the same gateway.
    expect(io.out()).toMatch(/! weight-active-active-mismatch \(\w+\) on gw-er/);
    expect(puts(env)).toBe(1);
    expect(readFileSync(auditPath(env.env), 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('invalid values are one-line input errors naming each field', async () => {
    env = await startActions();
    await expect(runCreate('connection', { conn: env.conn, graph: await env.graph(), findings: [], dryRun: true, values: { gateway: 'gw-vpn', routingWeight: 'x' } }, capture()))
      .rejects.toThrow(/^invalid input \(set fields with --set FIELD=VALUE\): gateway: gw-vpn cannot be used: Vpn gateway: not ExpressRoute-capable; circuit: required: .*; routingWeight: routing weight "x": a whole number 0–32000/);
    await expect(runCreate('tunnel', { graph: await env.graph(), findings: [], dryRun: true }, capture())).rejects.toThrow(/unknown kind "tunnel"/);
  });
});
