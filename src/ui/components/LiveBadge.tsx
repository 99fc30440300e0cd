import { Text } from 'ink';
import { useLiveView } from '../hooks/useLive.js';
import { EVENT_LOOK, eventOneLiner } from '../model/event-lines.js';
import { Styled } from './Styled.js';

/** Header badge: offline for snapshots; otherwise live/paused/idle, unacknowledged changes and the latest event. */
export function LiveBadge() {
  const live = useLiveView();
  if (!live) return null;
  if (live.offline) return <Styled tone="muted">{'  ◌ offline'}</Styled>;
  const s = live.data?.snapshot;
  if (!live.monitor || !s) return null;
  const latest = s.latestEvent;
  const n = s.unacknowledged;
  return (
    <Text>
      {s.paused ? <Styled tone="warn">{'  ‖ paused'}</Styled> : s.idle ? <Styled tone="muted">{'  ◌ idle (any key resumes)'}</Styled> : <Styled tone="ok">{'  ● live'}</Styled>}
      {n > 0 ? <Styled tone={latest ? EVENT_LOOK[latest.severity].tone : 'warn'}>{`  ⚠ ${n} change${n === 1 ? '' : 's'}`}</Styled> : null}
      {latest ? <Styled tone={n > 0 ? 'plain' : 'muted'}>{`  ${eventOneLiner(latest)}`}</Styled> : null}
    </Text>
  );
}
