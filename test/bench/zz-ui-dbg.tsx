import { render } from 'ink-testing-library';
import { App } from '/work/main/src/ui/App.js';
import { synthBackend } from '/work/main/test/bench/render-bench.js';
import { makeTheme } from '/work/main/src/ui/theme.js';
const backend = synthBackend(100);
const r = render(<></>);
Object.defineProperty(r.stdout, 'columns', { value: 120, configurable: true });
Object.defineProperty(r.stdout, 'rows', { value: 40, configurable: true });
r.rerender(<App backend={backend} autoLoad={false} initialView="connections" now={() => 0} theme={makeTheme({ NO_COLOR: '1' })} />);
await new Promise((res) => setTimeout(res, 100));
for (let i = 0; i < 60; i++) {
  const before = r.lastFrame();
  const t0 = performance.now();
  r.stdin.write('j');
  const t1 = performance.now();
  let n = 0;
  while (r.lastFrame() === before) { n++; await new Promise((res) => setImmediate(res)); }
  
}
r.unmount();
