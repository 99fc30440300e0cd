import { subscriptionsOf } from '../backend.js';
import { Box, Text } from 'ink';
import { useEffect, useState } from 'react';
import { SEVERITIES } from '../../checks/types.js';
import { useExplorer } from '../context.js';
import { SEVERITY_LOOK } from '../theme.js';
import { viewById } from '../views/index.js';
import type { Page } from '../store.js';
import { Styled } from './Styled.js';
import { LiveBadge } from './LiveBadge.js';
import { ModeBadge } from '../wizard/ModeBadge.js';

/** "12s ago" / "4m ago" / "2h ago". */
export function ageText(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.floor(s / 60)}m ago`;
  return `${Math.floor(s / 3600)}h ago`;
}

/** Breadcrumb text of one page. */
export function crumbOf(page: Page, name: (id: string) => string): string {
  if (page.kind === 'table') {
    const scope = [page.scope.sub ? `@${page.scope.sub}` : '', page.scope.loc ? `/${page.scope.loc}` : ''].filter(Boolean).join(' ');
    return viewById(page.view).title + (scope ? ` ${scope}` : '');
  }
  if (page.kind === 'detail') return name(page.id);
  if (page.kind === 'path') return `paths ${name(page.id)}`;
  if (page.kind === 'resiliency') return `resiliency ${name(page.id)}`;
  if (page.kind === 'diff') return `diff ${name(page.id)}`;
  if (page.kind === 'diagnose') return `diagnose ${name(page.id)}`;
  return 'events';
}

function useTick(ms: number): void {
  const [, set] = useState(0);
  useEffect(() => {
    const t = setInterval(() => set((n) => n + 1), ms);
    return () => clearInterval(t);
  }, [ms]);
}

/** How the data was read, next to its age: "via ARG" (may lag ARM), "via ARM", or a warning when ARG failed. */
export function readerText(data: { reader?: 'graph' | 'arm'; readerNote?: string } | undefined, compact: boolean): { text: string; warn: boolean } {
  if (!data?.reader) return { text: '', warn: false };
  if (data.readerNote) return { text: compact ? ' ⚠ ARM' : ' ⚠ via ARM (Resource Graph failed)', warn: true };
  return { text: data.reader === 'graph' ? ' via ARG' : ' via ARM', warn: false };
}

/** "⚠ 2 incomplete (1 stale)" when some scopes could not be read on the last load; empty otherwise. */
export function incompleteText(data: { inventoryIssues: unknown[]; staleScopes?: string[] } | undefined, compact: boolean): string {
  const n = data?.inventoryIssues.length ?? 0;
  if (n === 0) return '';
  const stale = data?.staleScopes?.length ?? 0;
  return compact ? ` ⚠${n}` : ` ⚠ ${n} incomplete${stale ? ` (${stale} stale)` : ''}`;
}

/** Source, scope, finding counts, mode badge and data age; second line: breadcrumbs, filter and row counts. */
export function Header({ counter }: { counter?: string }) {
  const { state, backend, model, now, width } = useExplorer();
  useTick(5000);
  const compact = width < 100;
  const tiny = width < 70;
  const src = backend.source;
  const subs = subscriptionsOf(backend, state.data).length;
  const counts = model?.severityCounts;
  const age = state.data ? ageText(now() - state.data.loadedAt) : 'not loaded';
  const stale = state.loadError !== undefined && state.data !== undefined;
  const via = readerText(state.data, compact);
  const missing = incompleteText(state.data, compact);
  const crumbs = state.stack.map((p) => crumbOf(p, (id) => model?.node(id)?.name ?? id.split('/').pop() ?? id));
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Styled tone="accent">erscope</Styled>
        <Styled tone="muted"> │ </Styled>
        {SEVERITIES.map((s) => (
          <Styled key={s} tone={counts && counts[s] > 0 ? SEVERITY_LOOK[s].tone : 'muted'}>
            {`${SEVERITY_LOOK[s].glyph}${counts?.[s] ?? 0}${compact ? '' : ' ' + SEVERITY_LOOK[s].short} `}
          </Styled>
        ))}
        <Styled tone="muted">│</Styled>
        <ModeBadge tiny={tiny} />
        <Styled tone="muted">│ </Styled>
        <Styled tone={stale ? 'error' : 'muted'}>{stale ? `✖ STALE ${age}` : `↻ ${age}`}</Styled>
        {via.text ? <Styled tone={via.warn ? 'warn' : 'muted'}>{via.text}</Styled> : null}
        {missing ? <Styled tone="warn">{missing}</Styled> : null}
        <Styled tone="muted"> │ </Styled>
        <Text>{subs} sub{subs === 1 ? '' : 's'}</Text>
        <Styled tone="muted"> │ </Styled>
        <Text>{`${src.kind}: ${src.label}`}</Text>
      </Text>
      <Text wrap="truncate-end">
        <Styled tone="accent">{crumbs.join(' › ')}</Styled>
        {state.filter && state.stack[state.stack.length - 1]?.kind === 'table' ? (
          <Styled tone="warn">{`  filter: ${state.filter}`}</Styled>
        ) : null}
        {counter ? <Styled tone="muted">{`  ${counter}`}</Styled> : null}
        <LiveBadge />
      </Text>
    </Box>
  );
}
