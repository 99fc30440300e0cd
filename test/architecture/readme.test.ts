import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allCommands, EXPLORER } from '../../src/cli/commands-all.js';

const root = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('README stays in step with the code', () => {
  it('gives the setup, run and test commands that .ci/run executes', () => {
    expect(readme).toContain('npm ci');
    expect(readme).toContain('npm start -- --demo');
    expect(readme).toContain('npm test');
    const ci = readFileSync(join(root, '.ci/run'), 'utf8');
    expect(ci).toMatch(/^npm ci$/m);
    expect(ci).toMatch(/^npm test$/m);
  });

  it.each([EXPLORER, ...allCommands()].map((c) => [c.name, c] as const))('documents `%s` and every one of its flags', (_n, c) => {
    if (c.name !== 'explorer') expect(readme).toContain(`erscope ${c.name}`);
    for (const flag of Object.keys(c.flags)) expect(readme).toContain(`--${flag}`);
  });

  it('lists every explorer key binding from the key table', async () => {
    const { KEYMAP, keyLabel } = await import('../../src/ui/keymap.js');
    for (const b of KEYMAP) {
      const row = readme.split('\n').find((l) => l.startsWith(`| \`${keyLabel(b.keys)}\` | ${b.description}`));
      expect(row, `README key table row for ${b.id}`).toBeDefined();
      // The third column is the name config.yaml rebinds it by (see "User configuration").
      expect(row, `README key table row for ${b.id} names it for config.yaml`).toContain(`| \`${b.id}\` |`);
    }
  });

  it('documents every exit code the CLI uses', async () => {
    const { EXIT } = await import('../../src/cli/exit-codes.js');
    for (const code of Object.values(EXIT)) expect(readme).toMatch(new RegExp(`\\| ${code} \\|`));
  });
});
