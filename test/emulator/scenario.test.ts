import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createArmConnection } from '../../src/arm/clients.js';
import { rawGet } from '../../src/arm/raw.js';
import { ScenarioBuilder, loadScenarioFile, parseScenario } from '../../src/emulator/scenario.js';
import { startEmulator } from '../../src/emulator/server.js';
import { SMALL } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'erscope-scn-'));
function writeScenario(name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('scenario validation errors are one line naming file and JSON path', () => {
  it('bad resource id', () => {
    const file = writeScenario('scenario.json', { resources: [{ id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/connections/a' }, {}, {}, { id: 'not-an-id' }] });
    expect(() => loadScenarioFile(file)).toThrow(
      expect.objectContaining({ name: 'EmulatorInputError', message: 'scenario.json: resources[1].id: must be an ARM resource id (/subscriptions/...)' }),
    );
  });

  it('invalid JSON, missing file, duplicate ids, bad timeline, bad fault spec', () => {
    expect(() => loadScenarioFile(writeScenario('broken.json', '{"resources": ['))).toThrow(/^broken\.json: not valid JSON: /);
    expect(() => loadScenarioFile(join(dir, 'missing.json'))).toThrow(/^missing\.json: cannot read scenario file \(ENOENT\)/);
    const id = '/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/connections/a';
    expect(() => parseScenario({ resources: [{ id }, { id: id.toUpperCase() }] }, 'dup.json')).toThrow(
      `dup.json: resources[1].id: duplicate of resources[0].id (${id.toUpperCase()})`,
    );
    expect(() => parseScenario({ timeline: [{ atSeconds: -1, patch: { id, properties: {} } }] }, 't.json')).toThrow(
      't.json: timeline[0].atSeconds: must be >= 0',
    );
    expect(() => parseScenario({ faults: ['oops'] }, 'f.json')).toThrow(/^f\.json: faults\[0\]: bad --fault "oops"/);
    for (const e of [() => loadScenarioFile(join(dir, 'missing.json')), () => parseScenario({ forbidden: [3] }, 'x.json')]) {
      expect(() => e()).toThrow(/^[^\n]+$/);
    }
  });

  it('the builder validates like a file and keeps unknown fields', () => {
    const s = new ScenarioBuilder('b')
      .subscription('s1', 'one')
      .resource({ id: '/subscriptions/s1/resourceGroups/r/providers/Microsoft.Network/virtualWans/w', name: 'w', custom: { x: 1 } })
      .at(5, '/subscriptions/s1/resourceGroups/r/providers/Microsoft.Network/virtualWans/w', { type: 'Basic' })
      .build();
    expect(s.resources[0]!.custom).toEqual({ x: 1 });
    expect(s.timeline).toHaveLength(1);
    expect(() => new ScenarioBuilder().resource({ id: 'x' }).build()).toThrow('in-memory: resources[0].id: must be an ARM resource id');
  });

  it('the fixture scenario loads', () => {
    expect(loadScenarioFile(SMALL).resources.length).toBeGreaterThan(10);
  });
});

const SPEC_DIR = fileURLToPath(new URL('../fixtures/spec-examples/', import.meta.url));
const getExamples = readdirSync(SPEC_DIR)
  .filter((f) => f.endsWith('Get.json'))
  .map((f) => ({ file: f, body: JSON.parse(readFileSync(join(SPEC_DIR, f), 'utf8')).responses['200'].body }))
  .filter((e) => typeof e.body?.id === 'string');

/** Undoes what the emulator legitimately adds: `properties: {}` on references, etags, and type/name on bare children. */
function stripAdded(served: any, original: any): any {
  if (Array.isArray(served)) return served.map((v, i) => stripAdded(v, original?.[i]));
  if (served && typeof served === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(served)) {
      if (k === 'properties' && original && !('properties' in original) && v && typeof v === 'object' && Object.keys(v).length === 0) continue;
      if (original && !(k in original) && (k === 'type' || k === 'name' || k === 'etag')) continue;
      out[k] = stripAdded(v, original?.[k]);
    }
    return out;
  }
  return served;
}

describe('every GET body in test/fixtures/spec-examples loads and comes back unchanged in meaning', () => {
  it.each(getExamples)('$file', async ({ body }) => {
    const emu = await startEmulator({ scenario: parseScenario({ resources: [body] }, 'spec'), timeScale: 0 });
    try {
      const conn = createArmConnection({ endpoint: emu.endpoint, caPem: emu.caPem });
      const sub = body.id.split('/')[2];
      const served = await rawGet((o) => conn.resources(sub).resources.getById(body.id.replace(/^\//, ''), '2024-05-01', o));
      expect(stripAdded(served, body)).toEqual(body);
    } finally {
      await emu.close();
    }
  });

  it('covers the fixture set', () => {
    expect(getExamples.length).toBeGreaterThanOrEqual(13);
  });
});

afterAll(() => undefined);
