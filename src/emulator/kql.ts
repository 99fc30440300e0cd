/**
 * The subset of KQL the emulator's Resource Graph endpoint understands: `Resources | where … | project … | order by …`.
 * Everything else is refused with the token named, so a caller learns at once that its query left the subset.
 */

/** Columns of ARG's `Resources` table (KQL column names are case-sensitive). */
export const ARG_COLUMNS = [
  'id', 'name', 'type', 'tenantId', 'kind', 'location', 'resourceGroup', 'subscriptionId',
  'managedBy', 'sku', 'plan', 'properties', 'tags', 'identity', 'zones', 'extendedLocation',
] as const;

/** A query the subset cannot parse or resolve; `code` becomes the error detail code ARG would send. */
export class KqlError extends Error {
  constructor(
    readonly code: 'ParserFailure' | 'UnsupportedOperator' | 'InvalidQuery',
    message: string,
  ) {
    super(message);
  }
}

/** Comparison operators of `where`: `~` compares case-insensitively, `!` negates. */
export type CompareOp = '==' | '=~' | '!=' | '!~' | 'in' | 'in~' | '!in' | '!in~';

/** One `column op value(s)` condition. */
export interface Condition {
  column: string;
  op: CompareOp;
  values: string[];
}

/** One pipe stage, applied in order. */
export type Stage =
  | { kind: 'where'; conditions: Condition[] }
  | { kind: 'project'; columns: string[] }
  | { kind: 'order'; keys: Array<{ column: string; desc: boolean }> };

/** A parsed query; `columns` is the projection in force at the end (the default columns when no `project`). */
export interface ParsedQuery {
  stages: Stage[];
  columns?: string[];
}

interface Token {
  kind: 'ident' | 'string' | 'number' | 'op' | 'end';
  text: string;
  pos: number;
}

const OPS = ['==', '=~', '!=', '!~', '|', ',', '(', ')'];

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) { i++; continue; }
    if (src.startsWith('//', i)) { while (i < src.length && src[i] !== '\n') i++; continue; }
    if (c === "'" || c === '"') {
      let j = i + 1;
      let text = '';
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\' && j + 1 < src.length) j++;
        text += src[j];
        j++;
      }
      if (j >= src.length) throw new KqlError('ParserFailure', `unterminated string literal starting at position ${i}`);
      out.push({ kind: 'string', text, pos: i });
      i = j + 1;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (word) {
      const w = word[0];
      const tilde = w.toLowerCase() === 'in' && src[i + 2] === '~';
      out.push({ kind: 'ident', text: tilde ? 'in~' : w, pos: i });
      i += w.length + (tilde ? 1 : 0);
      continue;
    }
    const num = /^\d+(\.\d+)?/.exec(src.slice(i));
    if (num) { out.push({ kind: 'number', text: num[0], pos: i }); i += num[0].length; continue; }
    const neg = /^!in(~?)(?![A-Za-z0-9_])/i.exec(src.slice(i));
    if (neg) { out.push({ kind: 'op', text: `!in${neg[1]}`, pos: i }); i += neg[0].length; continue; }
    const op = OPS.find((o) => src.startsWith(o, i)) ?? /^[^\sA-Za-z0-9_'"]+/.exec(src.slice(i))![0];
    out.push({ kind: 'op', text: op, pos: i });
    i += op.length;
  }
  out.push({ kind: 'end', text: '<end of query>', pos: src.length });
  return out;
}

class Parser {
  private i = 0;
  private available: string[] = [...ARG_COLUMNS];
  private projected = false;
  constructor(private readonly toks: Token[]) {}

  private peek(): Token { return this.toks[this.i]!; }
  private next(): Token { return this.toks[this.i++]!; }
  private is(text: string): boolean {
    const t = this.peek();
    return t.kind !== 'string' && t.text.toLowerCase() === text;
  }

  private fail(t: Token, what: string): never {
    throw new KqlError('ParserFailure', `unexpected token '${t.text}' at position ${t.pos}: expected ${what}`);
  }

  private expect(text: string): void {
    if (!this.is(text)) this.fail(this.peek(), `'${text}'`);
    this.next();
  }

  private column(): string {
    const t = this.next();
    if (t.kind !== 'ident') this.fail(t, 'a column name');
    if (this.available.includes(t.text)) return t.text;
    const hint = this.available.find((c) => c.toLowerCase() === t.text.toLowerCase());
    throw new KqlError('InvalidQuery', `column '${t.text}' at position ${t.pos} is not available here`
      + (hint ? ` (column names are case-sensitive: did you mean '${hint}'?)` : ` (available: ${this.available.join(', ')})`));
  }

  private literal(): string {
    const t = this.next();
    if (t.kind !== 'string' && t.kind !== 'number') this.fail(t, 'a string literal');
    return t.text;
  }

  private condition(): Condition {
    const column = this.column();
    const t = this.next();
    const op = t.kind === 'string' ? '' : t.text.toLowerCase();
    if (op === 'in' || op === 'in~' || op === '!in' || op === '!in~') {
      this.expect('(');
      const values = [this.literal()];
      while (this.is(',')) { this.next(); values.push(this.literal()); }
      this.expect(')');
      return { column, op: op as CompareOp, values };
    }
    if (op === '==' || op === '=~' || op === '!=' || op === '!~') return { column, op: op as CompareOp, values: [this.literal()] };
    throw new KqlError('UnsupportedOperator', `unsupported comparison '${t.text}' at position ${t.pos} (the emulator supports ==, =~, !=, !~, in, in~, !in, !in~)`);
  }

  private stage(): Stage {
    const t = this.next();
    switch (t.kind === 'ident' ? t.text.toLowerCase() : '') {
      case 'where': {
        const conditions = [this.condition()];
        while (this.is('and')) { this.next(); conditions.push(this.condition()); }
        return { kind: 'where', conditions };
      }
      case 'project': {
        const columns = [this.column()];
        while (this.is(',')) { this.next(); columns.push(this.column()); }
        if (this.peek().text === '=') this.fail(this.peek(), "',' or '|' (computed columns such as 'x = tostring(...)' are not supported)");
        this.available = columns;
        this.projected = true;
        return { kind: 'project', columns };
      }
      case 'order':
      case 'sort': {
        this.expect('by');
        const keys: Array<{ column: string; desc: boolean }> = [];
        do {
          if (keys.length > 0) this.next();
          const column = this.column();
          // KQL sorts descending unless told otherwise.
          let desc = true;
          if (this.is('asc') || this.is('desc')) desc = this.next().text.toLowerCase() === 'desc';
          keys.push({ column, desc });
        } while (this.is(','));
        return { kind: 'order', keys };
      }
      default:
        if (t.kind !== 'ident') this.fail(t, 'an operator after |');
        throw new KqlError('UnsupportedOperator', `unsupported operator '${t.text}' at position ${t.pos} (the emulator supports where, project and order by)`);
    }
  }

  parse(): ParsedQuery {
    const table = this.next();
    if (table.kind !== 'ident') this.fail(table, "the table name 'Resources'");
    if (table.text.toLowerCase() !== 'resources') {
      throw new KqlError('InvalidQuery', `table '${table.text}' is not served by the emulator (only Resources)`);
    }
    const stages: Stage[] = [];
    while (this.peek().kind !== 'end') {
      if (!this.is('|')) this.fail(this.peek(), "'|'");
      this.next();
      stages.push(this.stage());
    }
    return { stages, ...(this.projected ? { columns: this.available } : {}) };
  }
}

/** Parses a query of the subset; throws KqlError naming the offending token. */
export function parseQuery(text: string): ParsedQuery {
  return new Parser(tokenize(text)).parse();
}

/** A column value as a comparable string: strings as is, scalars printed, objects as JSON, null/absent as null. */
function scalar(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function matches(c: Condition, v: unknown): boolean {
  const s = scalar(v);
  const ci = c.op.endsWith('~');
  const negate = c.op.startsWith('!');
  if (s === null) return false;
  const left = ci ? s.toLowerCase() : s;
  const hit = c.values.some((x) => (ci ? x.toLowerCase() : x) === left);
  return negate ? !hit : hit;
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = scalar(a)!.toLowerCase();
  const y = scalar(b)!.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Applies the stages to row keys (stable: ties keep the incoming order); `get` reads one column of one row. */
export function runStages(q: ParsedQuery, keys: string[], get: (key: string, column: string) => unknown): string[] {
  let out = keys;
  for (const s of q.stages) {
    if (s.kind === 'where') out = out.filter((k) => s.conditions.every((c) => matches(c, get(k, c.column))));
    else if (s.kind === 'order') {
      const vals = new Map(out.map((k) => [k, s.keys.map((o) => get(k, o.column))]));
      out = [...out].sort((a, b) => {
        for (let i = 0; i < s.keys.length; i++) {
          const d = compare(vals.get(a)![i], vals.get(b)![i]);
          if (d !== 0) return s.keys[i]!.desc ? -d : d;
        }
        return 0;
      });
    }
  }
  return out;
}
