import type { StatusEvent } from '../../status/events.js';
import type { Severity } from '../../checks/types.js';
import { GLYPH, type Tone } from '../theme.js';
import { line, type Line } from './lines.js';
import { fit } from './table.js';

/** Glyph and tone of a status change: recoveries are ✔, outright breakage ✖, in-between states !. */
export const EVENT_LOOK: Record<Severity, { glyph: string; tone: Tone }> = {
  high: { glyph: GLYPH.error, tone: 'error' },
  medium: { glyph: GLYPH.warn, tone: 'warn' },
  low: { glyph: GLYPH.warn, tone: 'warn' },
  info: { glyph: GLYPH.ok, tone: 'ok' },
};

/** Local wall-clock time as HH:MM:SS (what an engineer compares with the provider's ticket). */
export function clockText(d: Date | string | number): string {
  const t = new Date(d);
  return [t.getHours(), t.getMinutes(), t.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/** Name shown for an event's resource; a peering alone says nothing, so it is prefixed with its circuit. */
export function eventName(e: StatusEvent): string {
  const m = /\/expressRouteCircuits\/([^/]+)\/peerings\/([^/]+)$/i.exec(e.resourceId);
  return m ? `${m[1]}/${m[2]}` : e.name;
}

/** One-line summary of an event for the header: "03:04:05 cn-x connectionStatus Connected → NotConnected". */
export function eventOneLiner(e: StatusEvent): string {
  return `${clockText(e.at)} ${eventName(e)} ${e.field} ${e.from} → ${e.to}`;
}

/** Column widths for the events table at a terminal width. */
function widths(events: StatusEvent[], width: number): { name: number; field: number } {
  const longest = (f: (e: StatusEvent) => string, min: number, max: number) => Math.max(min, Math.min(max, Math.max(0, ...events.map((e) => f(e).length))));
  const spare = Math.max(30, width - 8 - 3 - 4 - 24);
  const field = longest((e) => e.field, 5, Math.min(32, Math.floor(spare / 2)));
  const name = longest(eventName, 8, Math.max(8, spare - field));
  return { name, field };
}

/** The column header of the events table (drawn fixed above the scrolling rows). */
export function eventHeader(events: StatusEvent[], width: number): Line {
  const w = widths(events, width);
  return line({ text: `${'TIME'.padEnd(8)} S ${fit('RESOURCE', w.name)} ${fit('FIELD', w.field)} CHANGE`, tone: 'title' });
}

/** Events newest first, one line each; enter on a line opens the resource. */
export function eventLines(events: StatusEvent[], width: number, emptyText: string): Line[] {
  if (events.length === 0) return [line({ text: emptyText, tone: 'muted' })];
  const w = widths(events, width);
  return [...events].reverse().map((e) => {
    const look = EVENT_LOOK[e.severity];
    return {
      ...line(
        { text: clockText(e.at), tone: 'muted' },
        ' ',
        { text: look.glyph, tone: look.tone },
        ` ${fit(eventName(e), w.name)} ${fit(e.field, w.field)} `,
        { text: e.from, tone: 'muted' },
        ' → ',
        { text: e.to, tone: look.tone },
      ),
      id: e.resourceId,
    };
  });
}
