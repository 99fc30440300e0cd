import { RULES } from '../../checks/catalog.js';
import { CONSTRAINTS } from '../../checks/coverage/index.js';
import { coverageMarkdown } from '../../checks/coverage/markdown.js';
import type { CommandIO } from '../io.js';

/** `erscope rules`: the catalog as an aligned table (id, severity, category, title, docs), JSON (with sources), or the Markdown coverage table. */
export async function runRules(io: CommandIO, format: 'text' | 'json' | 'md' = 'text'): Promise<number> {
  if (format === 'json') {
    const rows = RULES.map((r) => ({ id: r.id, severity: r.severity, category: r.category, title: r.title, docs: r.docs, source: r.source }));
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  if (format === 'md') {
    io.stdout.write(coverageMarkdown(CONSTRAINTS, RULES));
    return 0;
  }
  const idW = Math.max(...RULES.map((r) => r.id.length));
  const lines = RULES.map((r) => `${r.id.padEnd(idW)}  ${r.severity.padEnd(6)}  ${r.category.padEnd(13)}  ${r.title}\n${' '.repeat(idW + 2)}${r.docs}`);
  io.stdout.write(`${lines.join('\n')}\n${RULES.length} rules\n`);
  return 0;
}
