import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';

const ROOT = new URL('../../snapshots/report/', import.meta.url).pathname;

/** Compares text to snapshots/report/<name>; writes it only with UPDATE_GOLDEN=1 (a missing golden fails otherwise). */
export function expectGolden(name: string, actual: string): void {
  const file = join(ROOT, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`golden ${file} is missing; run with UPDATE_GOLDEN=1 to create it`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** Replaces the inline SVG with a placeholder so the HTML golden does not depend on Graphviz's coordinates. */
export function withoutSvg(html: string): string {
  return html.replace(/<svg[\s\S]*<\/svg>/, '<svg><!-- diagram --></svg>');
}

/** Number of drawn nodes (`<g class="node">`) in Graphviz SVG. */
export function svgNodeCount(svg: string): number {
  return (svg.match(/<g id="[^"]*" class="node">/g) ?? []).length;
}

/** A structural well-formedness check for SVG/XML: every tag closes in order, attributes are quoted, entities are known. */
export function assertWellFormedXml(xml: string): void {
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>/g;
  let last = 0;
  for (const m of xml.matchAll(tag)) {
    const text = xml.slice(last, m.index);
    if (/</.test(text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, ''))) throw new Error(`stray markup before offset ${m.index}: ${text.slice(0, 80)}`);
    if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(text)) throw new Error(`bare & in text near offset ${m.index}`);
    last = m.index! + m[0].length;
    if (!m[2]) continue;
    if (m[4]) continue;
    if (m[1]) {
      const open = stack.pop();
      if (open !== m[2]) throw new Error(`</${m[2]}> closes <${open}> at offset ${m.index}`);
    } else stack.push(m[2]);
  }
  if (/</.test(xml.slice(last).trim())) throw new Error('trailing markup');
  if (stack.length > 0) throw new Error(`unclosed <${stack.join('>, <')}>`);
}
