import type { Tone } from '../theme.js';

/** A piece of a line with its colour token. */
export interface Seg {
  text: string;
  tone?: Tone;
}

/** One rendered line of a scrollable pane; `id` makes it openable with enter, `treeKey` expandable. */
export interface Line {
  segs: Seg[];
  id?: string;
  treeKey?: string;
}

/** A line of plain segments. */
export function line(...segs: Array<Seg | string>): Line {
  return { segs: segs.map((s) => (typeof s === 'string' ? { text: s } : s)) };
}

/** Greedy word wrap (long words are hard-split) so panes know their exact line count for windowing. */
export function wrapText(text: string, width: number): string[] {
  const w = Math.max(8, width);
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let cur = '';
    for (let word of para.split(/\s+/).filter(Boolean)) {
      while (word.length > w) {
        if (cur) out.push(cur), (cur = '');
        out.push(word.slice(0, w));
        word = word.slice(w);
      }
      if (!cur) cur = word;
      else if (cur.length + 1 + word.length <= w) cur += ' ' + word;
      else out.push(cur), (cur = word);
    }
    out.push(cur);
  }
  return out;
}

/** Wrapped text as lines with a fixed indent and tone. */
export function wrapped(text: string, width: number, indent: string, tone?: Tone): Line[] {
  return wrapText(text, width - indent.length).map((t) => line(indent, { text: t, tone }));
}
