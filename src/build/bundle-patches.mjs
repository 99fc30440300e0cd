// Source patches applied while bundling: start-up and per-frame costs of Ink and Yoga that profiles of erscope showed
// (issue 13), fixed where they are instead of worked around in every component. Each patch is an exact text
// replacement in one installed file. A patch that no longer matches (the dependency was upgraded) leaves the file as
// it is and the build warns: the result is slower, never wrong. test/build/bundle-patches.test.ts fails when a patch
// stops matching, so an upgrade gets looked at.
import { createHash } from 'node:crypto';

/**
 * Every patch: the file it applies to (a path suffix under node_modules) and its exact replacements, each with why.
 * @type {Array<{ file: string; why: string; replace: Array<[string, string]>; regions?: Array<{ start: string; end: string; sha256: string; with: string }> }>}
 */
export const PATCHES = [
  {
    file: 'yoga-layout/dist/binaries/yoga-wasm-base64-esm.js',
    why:
      'Yoga inlines its WebAssembly as a base64 data: URL. On Node its loader reads it with fetch, which loads undici ' +
      'first, and then decodes base64 one character at a time: 100-500 ms before the first frame. Take the in-place ' +
      'path and decode with Buffer (native, under 1 ms).',
    replace: [
      ['"function"!=typeof fetch?', 'true?'],
      [
        'var b=xa(a.slice(37)),c=new Uint8Array(b.length);for(a=0;a<b.length;++a)c[a]=b.charCodeAt(a);var d=c',
        'var d=new Uint8Array(Buffer.from(a.slice(37),"base64"))',
      ],
    ],
  },
  {
    file: 'ink/build/output.js',
    why:
      'Ink rebuilds the whole screen every frame: a fresh cell object per cell, every line tokenized and measured ' +
      'again (its caches live in the per-frame Output), every row turned back into a string. On a cursor move 38 of ' +
      '40 rows are drawn from the same writes as before. Keep the caches across frames (bounded), and reuse the text ' +
      'of a row whose writes (position and text) are the same as in an earlier frame.',
    replace: [
      [
        'class OutputCaches {\n',
        'const BLANK_CELL = { type: \'char\', value: \' \', fullWidth: false, styles: [] };\n' +
          'const ROW_STRINGS = new Map();\n' +
          'class OutputCaches {\n' +
          '    trimmed() {\n' +
          '        if (this.widths.size > 20000) this.widths.clear();\n' +
          '        if (this.blockWidths.size > 20000) this.blockWidths.clear();\n' +
          '        if (this.styledChars.size > 1000) this.styledChars.clear();\n' +
          '        if (ROW_STRINGS.size > 2000) ROW_STRINGS.clear();\n' +
          '        return this;\n' +
          '    }\n',
      ],
      ['    caches = new OutputCaches();\n', '    caches = SHARED_CACHES.trimmed();\n'],
      ['export default class Output {\n', 'const SHARED_CACHES = new OutputCaches();\nexport default class Output {\n'],
    ],
    regions: [
      {
        // Output.get(): the same clipping and cell rules as Ink 6.8.0's, in two passes so a row seen before is not rebuilt.
        start: '    get() {\n',
        end: '\n}\n',
        sha256: '27abe5b4354d8a7bbcdb23e823546fc5925258dedc7c91891b8ff9bff0f42c3d',
        with: `    get() {
        const clips = [];
        const placed = Array.from({ length: this.height }, () => []);
        for (const operation of this.operations) {
            if (operation.type === 'clip') {
                clips.push(operation.clip);
            }
            if (operation.type === 'unclip') {
                clips.pop();
            }
            if (operation.type === 'write') {
                const { text, transformers } = operation;
                let { x, y } = operation;
                let lines = text.split('\\n');
                const clip = clips.at(-1);
                if (clip) {
                    const clipHorizontally = typeof clip?.x1 === 'number' && typeof clip?.x2 === 'number';
                    const clipVertically = typeof clip?.y1 === 'number' && typeof clip?.y2 === 'number';
                    if (clipHorizontally) {
                        const width = this.caches.getWidestLine(text);
                        if (x + width < clip.x1 || x > clip.x2) {
                            continue;
                        }
                    }
                    if (clipVertically) {
                        const height = lines.length;
                        if (y + height < clip.y1 || y > clip.y2) {
                            continue;
                        }
                    }
                    if (clipHorizontally) {
                        lines = lines.map(line => {
                            const from = x < clip.x1 ? clip.x1 - x : 0;
                            const width = this.caches.getStringWidth(line);
                            const to = x + width > clip.x2 ? clip.x2 - x : width;
                            return sliceAnsi(line, from, to);
                        });
                        if (x < clip.x1) {
                            x = clip.x1;
                        }
                    }
                    if (clipVertically) {
                        const from = y < clip.y1 ? clip.y1 - y : 0;
                        const height = lines.length;
                        const to = y + height > clip.y2 ? clip.y2 - y : height;
                        lines = lines.slice(from, to);
                        if (y < clip.y1) {
                            y = clip.y1;
                        }
                    }
                }
                let offsetY = 0;
                for (let [index, line] of lines.entries()) {
                    const row = placed[y + offsetY];
                    if (!row) {
                        continue;
                    }
                    for (const transformer of transformers) {
                        line = transformer(line, index);
                    }
                    row.push(x, line);
                    offsetY++;
                }
            }
        }
        const rows = placed.map(writes => {
            const key = this.width + '\\u0000' + writes.join('\\u0000');
            const seen = ROW_STRINGS.get(key);
            if (seen !== undefined) {
                return seen;
            }
            const cells = new Array(this.width).fill(BLANK_CELL);
            for (let w = 0; w < writes.length; w += 2) {
                let offsetX = writes[w];
                for (const character of this.caches.getStyledChars(writes[w + 1])) {
                    cells[offsetX] = character;
                    const characterWidth = Math.max(1, this.caches.getStringWidth(character.value));
                    if (characterWidth > 1) {
                        for (let index = 1; index < characterWidth; index++) {
                            cells[offsetX + index] = { type: 'char', value: '', fullWidth: false, styles: character.styles };
                        }
                    }
                    offsetX += characterWidth;
                }
            }
            const rowText = styledCharsToString(cells.filter(item => item !== undefined)).trimEnd();
            ROW_STRINGS.set(key, rowText);
            return rowText;
        });
        return {
            output: rows.join('\\n'),
            height: rows.length,
        };
    }`,
      },
    ],
  },
  {
    file: 'ink/build/render-node-to-output.js',
    why:
      'Every text node is measured again (grapheme segmentation of the whole line) each frame, although layout ' +
      'already measured the same text through the cached measureText.',
    replace: [
      ["import widestLine from 'widest-line';\n", "import measureText from './measure-text.js';\n"],
      ['const currentWidth = widestLine(text);', 'const currentWidth = measureText(text).width;'],
    ],
  },
];

/** Applies the patches for `path` to `code`; returns the new code and a note per replacement that did not match. */
export function applyPatches(path, code) {
  const unmatched = [];
  const normalised = path.replaceAll('\\', '/');
  for (const patch of PATCHES.filter((p) => normalised.endsWith(`/node_modules/${p.file}`))) {
    const miss = (what) => unmatched.push(`${patch.file} changed, not patched (${what}): ${patch.why.split('. ')[0]}`);
    // Regions first: their hashes are of the file as installed.
    for (const r of patch.regions ?? []) {
      const a = code.indexOf(r.start);
      const b = a < 0 ? -1 : code.indexOf(r.end, a);
      if (b < 0 || createHash('sha256').update(code.slice(a, b)).digest('hex') !== r.sha256) miss(r.start.trim());
      else code = code.slice(0, a) + r.with + code.slice(b);
    }
    for (const [from, to] of patch.replace) {
      if (code.includes(from)) code = code.replace(from, to);
      else miss(from.trim().slice(0, 50));
    }
  }
  return { code, unmatched };
}

/** The esbuild plugin that applies PATCHES. */
export const patchesPlugin = {
  name: 'erscope-patches',
  setup(b) {
    const files = PATCHES.map((p) => p.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll('/', '[\\\\/]'));
    b.onLoad({ filter: new RegExp(`node_modules[\\\\/](${files.join('|')})$`) }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const { code, unmatched } = applyPatches(args.path, await readFile(args.path, 'utf8'));
      return { contents: code, loader: 'js', warnings: unmatched.map((text) => ({ text })) };
    });
  },
};
