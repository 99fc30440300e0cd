import { Box } from 'ink';
import type { Model } from '../model/model.js';
import { refTree, type RefDirection } from '../model/refs.js';
import { SegLine } from './Styled.js';

/**
 * A stand-alone reference tree (what a resource uses / what uses it). The detail page embeds the same lines in its
 * scrolling list so the whole page windows as one; this component serves compact embeds and tests.
 */
export function RefTree({ model, id, dir, depth = 2, expanded = new Set<string>() }: { model: Model; id: string; dir: RefDirection; depth?: number; expanded?: ReadonlySet<string> }) {
  const lines = refTree(model, id, dir, depth, expanded);
  return (
    <Box flexDirection="column">
      {lines.map((l, i) => (
        <SegLine key={i} segs={l.segs} />
      ))}
    </Box>
  );
}
