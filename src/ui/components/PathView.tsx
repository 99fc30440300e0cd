import type { Line } from '../model/lines.js';
import { LineList } from './LineList.js';

/** Paths serving a VNet/gateway/hub with the preferred one starred; enter opens a connection or circuit. */
export function PathView({ lines, cursor, offset, height }: { lines: Line[]; cursor: number; offset: number; height: number }) {
  return <LineList lines={lines} cursor={cursor} offset={offset} height={height} />;
}
