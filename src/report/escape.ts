/** Escapes text for HTML element content and quoted attribute values. */
export function html(text: string | number | boolean | undefined | null): string {
  return String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Escapes text for inline Markdown (and GFM table cells): backslash-escapes the punctuation that starts emphasis, code,
 * links, inline HTML, strikethrough or a cell break (`(`, `!`, `#` only matter next to those or at a line start), turns `&` into an entity and flattens newlines, so resource names render literally.
 */
export function md(text: string | number | boolean | undefined | null): string {
  return String(text ?? '')
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/([\\`*_[\]<>|~])/g, '\\$1');
}

/**
 * Escapes one CSV field per RFC 4180 (quoted when it holds a comma, quote, CR or LF; quotes doubled); a leading `=`, `+`
 * or `@` gets a `'` so a spreadsheet never evaluates a resource name as a formula.
 */
export function csvField(value: string | number | boolean | undefined | null): string {
  const s = String(value ?? '').replace(/^([=+@])/, "'$1");
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A single-line description of where the data came from, used in every report's header. */
export function sourceLine(source: { kind: string; label: string; scenario?: string }): string {
  return `${source.kind}: ${source.label}${source.scenario && !source.label.includes(source.scenario) ? ` (scenario ${source.scenario})` : ''}`;
}
