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

/**
 * The plan as review lines, straight from formatPlanText (so every line went through redact): request with masked body,
 * diff, RBAC pre-flight rows as ✔/✖/?, warnings, notes and the az equivalent. The "confirm with" line is the prompt's job.
 */
export function planLines(plan: ActionPlan): Line[] {
  const out: Line[] = [];
  let section = '';
  for (const text of formatPlanText(plan).replace(/\n$/, '').split('\n')) {
    if (text.startsWith('To apply, confirm with the name')) continue;
    if (/^\S.*:$/.test(text)) section = text;
    const rbac = section === 'RBAC pre-flight:' && /^ {2}[✓✗?] /.test(text) ? MARK[text[2]!] : undefined;
    if (rbac) out.push(line('  ', { text: rbac.glyph, tone: rbac.tone }, text.slice(3)));
    else out.push(line({ text, tone: toneOf(text, section) }));
  }
  while (out.length && out[out.length - 1]!.segs.every((s) => s.text === '')) out.pop();
  return out;
}

/** The review page: the plan (scrollable) above the confirmation prompt; dry runs show the plan and say nothing is sent. */
export function PlanReview({ plan, offset, height, confirm, error, checking, dryRun }: { plan: ActionPlan; offset: number; height: number; confirm: string; error?: string; checking: boolean; dryRun: boolean }) {
  const head: Line[] = checking ? [line({ text: '⟳ checking RBAC pre-flight…', tone: 'info' })] : [];
  const lines = [...head, ...planLines(plan)];
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
          {...(refused ? { note: `! pre-flight: you lack ${refused} permission(s); ARM will likely refuse  ·  ⏎ apply  ·  esc back` } : {})}
        />
      )}
    </Box>
  );
}
