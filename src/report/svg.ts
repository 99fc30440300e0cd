import { Graphviz } from '@hpcc-js/wasm-graphviz';

let loading: Promise<Graphviz> | undefined;

/** The WASM Graphviz instance, loaded once per process (about 50 ms) and reused; it never touches the network. */
export function graphviz(): Promise<Graphviz> {
  loading ??= Graphviz.load();
  return loading;
}

/** Lays out DOT with Graphviz `dot` and returns raw SVG; throws on invalid DOT. */
export async function dotToSvg(dot: string): Promise<string> {
  const gv = await graphviz();
  return gv.dot(dot);
}

/**
 * Makes Graphviz SVG safe to inline in HTML: drops the XML prolog, the DOCTYPE (it names an external DTD) and comments
 * (they repeat node ids), keeping only the `<svg>` element.
 */
export function inlineSvg(svg: string): string {
  const start = svg.indexOf('<svg');
  const body = start >= 0 ? svg.slice(start) : svg;
  return body.replace(/<!--[\s\S]*?-->\n?/g, '').trim();
}

/** DOT → inline-ready SVG in one step. */
export async function renderSvg(dot: string): Promise<string> {
  return inlineSvg(await dotToSvg(dot));
}
