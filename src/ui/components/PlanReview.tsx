import { Box, Text } from 'ink';
import { formatPlanText, preflightRefused } from '../../actions/format.js';
import type { ActionPlan } from '../../actions/plan.js';
import { line, type Line } from '../model/lines.js';
import type { Tone } from '../theme.js';
import { ConfirmPrompt } from './ConfirmPrompt.js';
import { LineList } from './LineList.js';
import { Styled } from './Styled.js';

const MARK: Record<string, { glyph: string; tone: Tone }> = { '✓': { glyph: '✔', tone: 'ok' }, '✗': { glyph: '✖', tone: 'error' }, '?': { glyph: '?', tone: 'muted' } };

function toneOf(text: string, section: string): Tone {
  if (/^\S.*:$/.test(text)) return 'title';
  if (section === 'Changes:') return text.startsWith('  +') ? 'ok' : text.startsWith('  -') ? 'error' : text.startsWith('  ~') ? 'warn' : 'muted';
  if (section === 'Warnings:') return 'warn';
  if (section === 'Requests:' && /^ {2}[A-Z]+ /.test(text)) return 'accent';
  if (section === 'Equivalent az command:') return 'info';
  return 'plain';
}

/** Review order: what changes and whether you may come first, the exact request and the az equivalent after. */
const ORDER = ['', 'Changes:', 'RBAC pre-flight:', 'Warnings:', 'Notes:', 'Requests:', 'Equivalent az command:'];

/**
 * The plan as review lines, straight from formatPlanText (so every line went through redact): diff, RBAC pre-flight rows
 * as ✔/✖/?, warnings, notes, the request with its masked body and the az equivalent. The "confirm with" line is the prompt's.
 */
export function planLines(plan: ActionPlan): Line[] {
  const sections = new Map<string, Line[]>();
  let section = '';
  for (const text of formatPlanText(plan).replace(/\n$/, '').split('\n')) {
    if (text.startsWith('To apply, confirm with the name')) continue;
    if (/^\S.*:$/.test(text)) section = text;
    const rbac = section === 'RBAC pre-flight:' && /^ {2}[✓✗?] /.test(text) ? MARK[text[2]!] : undefined;
    const out = sections.get(section) ?? sections.set(section, []).get(section)!;
    if (rbac) out.push(line('  ', { text: rbac.glyph, tone: rbac.tone }, text.slice(3)));
    else out.push(line({ text, tone: toneOf(text, section) }));
  }
  const known = [...ORDER, ...[...sections.keys()].filter((k) => !ORDER.includes(k))];
  const out = known.flatMap((k) => {
    const ls = sections.get(k) ?? [];
    while (ls.length && ls[ls.length - 1]!.segs.every((x) => x.text === '')) ls.pop();
    return ls.length ? [...ls, line('')] : [];
  });
  out.pop();
  return out;
}

/** "pre-flight: 3 ✔  0 ✖  1 ?" for the prompt line, so the verdict stays visible while the plan scrolls. */
export function preflightSummary(plan: ActionPlan): string {
  const n = (v: boolean | 'unknown') => plan.preflight.filter((r) => r.allowed === v).length;
  return `pre-flight: ${n(true)} ✔  ${n(false)} ✖  ${n('unknown')} ?`;
}

/** The review page: the plan (scrollable) above the confirmation prompt; dry runs show the plan and say nothing is sent. */
export function PlanReview({ plan, offset, height, confirm, error, checking, dryRun }: { plan: ActionPlan; offset: number; height: number; confirm: string; error?: string; checking: boolean; dryRun: boolean }) {
  const lines = planLines(plan);
  const refused = preflightRefused(plan).length;
  const listHeight = Math.max(1, height - 2);
  const top = Math.min(offset, Math.max(0, lines.length - listHeight));
  return (
    <Box flexDirection="column" height={height}>
      <LineList lines={lines} offset={top} height={listHeight} />
      {dryRun ? (
        <Box flexDirection="column">
          <Styled tone="warn">dry run: nothing will be sent</Styled>
          <Text wrap="truncate-end">
            <Styled tone={error ? 'error' : 'muted'}>{error ?? 'esc back to the form  ·  ↑/↓ scroll the plan'}</Styled>
          </Text>
        </Box>
      ) : (
        <ConfirmPrompt
          name={plan.confirmName}
          draft={confirm}
          {...(error ? { error } : {})}
          note={refused ? `! pre-flight: you lack ${refused} permission(s); ARM will likely refuse` : checking ? 'checking RBAC pre-flight…' : preflightSummary(plan)}
        />
      )}
    </Box>
  );
}
