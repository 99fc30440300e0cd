import type { Line } from '../model/lines.js';
import { LineList } from './LineList.js';

/** A resource's detail page (properties, findings with fixes, reference trees); enter on a tree line opens that node. */
export function DetailPane({ lines, cursor, offset, height }: { lines: Line[]; cursor: number; offset: number; height: number }) {
  return <LineList lines={lines} cursor={cursor} offset={offset} height={height} />;
}
