import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { describe, expect, it } from 'vitest';
import { createArmConnection } from '../../src/arm/clients.js';
import { BUILTIN_CLOUDS, resolveCloud, type CloudInputs } from '../../src/arm/cloud.js';
import { HostNotAllowedError } from '../../src/arm/policies.js';
import { rawList } from '../../src/arm/raw.js';
import { queryResourceGraph } from '../../src/arm/resource-graph.js';
import { main } from '../../src/cli/main.js';
import { ErscopeError } from '../../src/errors.js';
import { S1, rejection } from '../emulator/helpers.js';

/** An az config directory as `az cloud set` / `az cloud register` leave it. */
function azDir(active?: string, registered = ''): string {
  const dir = mkdtempSync(join(tmpdir(), 'erscope-az-'));
  if (active) writeFileSync(join(dir, 'config'), `[core]\noutput = json\n\n[cloud]\nname = ${active}\n`);
  if (registered) writeFileSync(join(dir, 'clouds.config'), registered);
  return dir;
}
const noAz = azDir();
const pick = (i: CloudInputs) => {
  const r = resolveCloud({ env: {}, ...(i.env?.AZURE_CONFIG_DIR ? {} : { azConfigDir: noAz }), ...i });
  return `${r.cloud.name} from ${r.from}`;
};

describe('cloud table (az cloud show: endpoints.resourceManager, activeDirectory)', () => {
  it.each([
    ['AzureCloud', 'https://management.azure.com', 'https://login.microsoftonline.com', 'https://management.azure.com/.default'],
    ['AzureUSGovernment', 'https://management.usgovcloudapi.net', 'https://login.microsoftonline.us', 'https://management.usgovcloudapi.net/.default'],
    ['AzureChinaCloud', 'https://management.chinacloudapi.cn', 'https://login.chinacloudapi.cn', 'https://management.chinacloudapi.cn/.default'],
  ])('%s → ARM %s, authority %s, scope %s', (name, arm, authority, scope) => {
    expect(BUILTIN_CLOUDS[name]).toEqual({ name, resourceManager: arm, resourceGraph: arm, authorityHost: authority, tokenScope: scope });
  });
});

describe('resolveCloud precedence: --cloud > AZURE_CLOUD > config.yaml > az > AzureCloud', () => {
  const gov = azDir('AzureUSGovernment');
  it.each<[string, CloudInputs, string]>([
    ['nothing set', {}, 'AzureCloud from default'],
    ["az's active cloud", { azConfigDir: gov }, 'AzureUSGovernment from az'],
    ['config.yaml over az', { azConfigDir: gov, configDefault: 'AzureChinaCloud' }, 'AzureChinaCloud from config.yaml'],
    ['AZURE_CLOUD over config.yaml', { azConfigDir: gov, configDefault: 'AzureChinaCloud', env: { AZURE_CLOUD: 'AzureCloud' } }, 'AzureCloud from AZURE_CLOUD'],
    ['--cloud over everything', { azConfigDir: gov, configDefault: 'AzureChinaCloud', env: { AZURE_CLOUD: 'AzureCloud' }, flag: 'AzureUSGovernment' }, 'AzureUSGovernment from --cloud'],
    ['names are case-insensitive', { flag: 'azurechinacloud' }, 'AzureChinaCloud from --cloud'],
    ['an empty AZURE_CLOUD is unset', { env: { AZURE_CLOUD: '' }, azConfigDir: gov }, 'AzureUSGovernment from az'],
    ['AZURE_CONFIG_DIR locates az', { env: { AZURE_CONFIG_DIR: gov } }, 'AzureUSGovernment from az'],
  ])('%s', (_what, inputs, expected) => {
    expect(pick(inputs)).toBe(expected);
  });

  it("reads a custom cloud registered with az (clouds.config endpoint_* keys)", () => {
    const dir = azDir('Stack', '[AzureCloud]\nsubscription = x\n\n[Stack]\nendpoint_resource_manager = https://management.local.azurestack.external/\nendpoint_active_directory = https://login.stack.example\n');
    const { cloud, from } = resolveCloud({ env: {}, azConfigDir: dir });
    expect(from).toBe('az');
    expect(cloud).toMatchObject({ name: 'Stack', resourceManager: 'https://management.local.azurestack.external', authorityHost: 'https://login.stack.example', tokenScope: 'https://management.local.azurestack.external/.default' });
  });

  it.each<[CloudInputs, RegExp]>([
    [{ flag: 'AzureGermanCloud' }, /^--cloud "AzureGermanCloud" is not a cloud erscope knows: use one of AzureCloud, AzureUSGovernment, AzureChinaCloud$/],
    [{ env: { AZURE_CLOUD: 'gov' } }, /^AZURE_CLOUD "gov" is not a cloud erscope knows: use one of AzureCloud, AzureUSGovernment, AzureChinaCloud$/],
    [{ azConfigDir: azDir('Mystery') }, /^az's active cloud "Mystery" \(.+config\) is not a cloud erscope knows/],
  ])('a bad name is one ErscopeError line (exit 2) naming the allowed values: %j', (inputs, message) => {
    let err: unknown;
    try {
      resolveCloud({ env: {}, azConfigDir: noAz, ...inputs });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ErscopeError);
    expect((err as ErscopeError).exitCode).toBe(2);
    expect((err as Error).message).toMatch(message);
  });
});

/** A real TokenCredential that remembers which scopes the SDK pipeline asked for. */
class RecordingCredential implements TokenCredential {
  scopes: string[] = [];
  async getToken(scopes: string | string[], _o?: GetTokenOptions): Promise<AccessToken> {
    this.scopes.push(...[scopes].flat());
    return { token: 'recorded', expiresOnTimestamp: Date.now() + 3_600_000 };
  }
}

describe('a USGov connection sends ARM and Resource Graph requests to management.usgovcloudapi.net', () => {
  it('builds every client and the Resource Graph call on the USGov endpoint and token scope', async () => {
    const credential = new RecordingCredential();
    const conn = createArmConnection({ cloud: BUILTIN_CLOUDS.AzureUSGovernment!, credential, retry: { maxRetries: 0 } });
    expect(conn.endpoint).toBe('https://management.usgovcloudapi.net');
    expect(conn.resourceGraphEndpoint).toBe('https://management.usgovcloudapi.net');
    expect(conn.tokenScope).toBe('https://management.usgovcloudapi.net/.default');
    // The test runner's host guard stops each request at the wire and names the host it was going to.
    const arm = await rejection(rawList((o) => conn.network(S1).expressRouteCircuits.listAll(o)));
    expect(arm).toBeInstanceOf(HostNotAllowedError);
    expect(arm.message).toContain('management.usgovcloudapi.net');
    const arg = await rejection(queryResourceGraph(conn.generic(), conn.resourceGraphEndpoint, { query: 'Resources', subscriptions: [S1] }));
    expect(arg).toBeInstanceOf(HostNotAllowedError);
    expect(arg.message).toContain('management.usgovcloudapi.net');
    // Both requests asked the credential for a USGov ARM token before reaching the wire.
    expect(credential.scopes).toEqual(['https://management.usgovcloudapi.net/.default', 'https://management.usgovcloudapi.net/.default']);
    conn.close();
  });
});

describe('erscope --cloud on the command line', () => {
  it('rejects an unknown cloud with one line and exit 2, whatever the source', async () => {
    let err = '';
    const io = { stdout: { write: () => true, isTTY: false }, stderr: { write: (s: string) => ((err += s), true), isTTY: false } };
    const saved = process.env.AZURE_CONFIG_DIR;
    process.env.AZURE_CONFIG_DIR = noAz; // no custom clouds registered with az on this machine
    const code = await main(['check', '--demo', '--cloud', 'AzureMoon'], io).finally(() => {
      if (saved === undefined) delete process.env.AZURE_CONFIG_DIR;
      else process.env.AZURE_CONFIG_DIR = saved;
    });
    expect(code).toBe(2);
    expect(err).toBe('erscope: --cloud "AzureMoon" is not a cloud erscope knows: use one of AzureCloud, AzureUSGovernment, AzureChinaCloud\n');
  });
});

