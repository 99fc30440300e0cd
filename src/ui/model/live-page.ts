import type { SubscriptionInfo } from '../../inventory/types.js';
import type { LiveView } from '../hooks/useLive.js';
import type { Page } from '../store.js';
import { typeLabel } from '../views/misc.js';
import { diagnoseLines } from './diagnose-lines.js';
import { eventLines } from './event-lines.js';
import type { Line } from './lines.js';
import { nameOfId, type Model } from './model.js';
import { derivePage, memo, type PageCache, type PageContent } from './page.js';
import { liveColumnsFor, liveWidth } from './status-columns.js';

function linesContent(lines: Line[], cursor: number): PageContent {
  return { kind: 'lines', lines, count: lines.length, selected: lines[cursor] };
}

/** What the events page says when there is nothing to list yet. */
function emptyEventsText(live: LiveView | undefined): string {
  if (!live?.monitor) return live?.offline ? 'offline: a snapshot has no live status (open Azure or --demo for events)' : 'no live status for this source';
  const watched = Object.keys(live.data?.snapshot.resources ?? {}).length;
  return `no status changes yet (watching ${watched} resource${watched === 1 ? '' : 's'}; open connections or circuits to watch them)`;
}

/**
 * derivePage plus the live pages: the events list and the diagnosis page come from the monitor and the runner, and
 * status tables give up the width their live columns take. Render and the key handler both call it.
 */
export function deriveLivePage(live: LiveView | undefined, cache: PageCache, page: Page, model: Model | undefined, subs: SubscriptionInfo[], filter: string, width: number): PageContent {
  if (page.kind === 'events') {
    const events = live?.events ?? [];
    const lines = memo(cache, 'live-events', [events, width, live?.monitor, live?.data], () => eventLines(events, width, emptyEventsText(live)));
    return linesContent(lines, page.cursor);
  }
  if (page.kind === 'diagnose') {
    const run = live?.run && live.run.resourceId === page.id ? live.run : undefined;
    const expanded = page.expanded.join('|');
    const lines = memo(cache, 'live-diagnose', [run, expanded, width, model, page.id], () => {
      const n = model?.node(page.id);
      const title = n ? `${n.name} (${typeLabel(n.type)})` : nameOfId(page.id);
      return diagnoseLines(run, title, new Set(page.expanded), width);
    });
    return linesContent(lines, page.cursor);
  }
  const cols = liveColumnsFor(page, live?.data, width);
  // The LIVE column is the fresher status: drop the inventory-time STATUS beside it so names keep their width.
  const hide = cols.some((c) => c.key === 'status') ? ['STATUS', 'STATE', 'PROVIDER ST'] : [];
  return derivePage(cache, page, model, subs, filter, cols.length ? width - liveWidth(cols) : width, hide);
}
