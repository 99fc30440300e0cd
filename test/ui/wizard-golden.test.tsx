import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { ActionPlan } from '../../src/actions/plan.js';
import { OperationTracker } from '../../src/actions/tracker.js';
import type { WriteBackend } from '../../src/ui/wizard/types.js';
import { fixtureBackend } from './fixture.js';
import { expectGolden, KEY, renderApp, tick } from './harness.js';

// Golden frames of the write flow over the fixture estate (no emulator: the frames must not carry a random port).
afterEach(() => cleanup());

/** A write backend that allows everything on pre-flight and never writes (golden frames stop at the review). */
function reviewOnlyWrites(): WriteBackend {
  return {
    dryRun: false,
    tracker: new OperationTracker(),
    enable: () => undefined,
    writerReady: () => false,
    preflight: async (plan: ActionPlan) => ({ ...plan, preflight: plan.preflight.map((r) => ({ ...r, allowed: true })) }),
    start: () => {
      throw new Error('golden tests never apply');
    },
    replan: async (plan) => plan,
    verify: async () => {
      throw new Error('golden tests never verify');
    },
  };
}

async function until(r: ReturnType<typeof renderApp>, text: string): Promise<string> {
  for (let i = 0; i < 200 && !r.frame().includes(text); i++) await tick();
  expect(r.frame()).toContain(text);
  return r.frame();
}

describe('write flow golden frames', () => {
  for (const width of [80, 120]) {
    it(`kind picker, first wizard step and review at ${width} columns`, async () => {
      const backend = { ...fixtureBackend({ mode: 'write' }), writes: reviewOnlyWrites() };
      const r = renderApp({ backend, autoLoad: false, initialView: 'gateways' }, width, 24);
      await r.press('c');
      expectGolden(`write-picker-${width}`, await until(r, 'Create: pick what to create'));
      await r.press(KEY.enter);
      const step = await until(r, 'Step 1 of 6: VNet gateway');
      expect(step).toContain('✖ Vpn gateway: not ExpressRoute-capable');
      expectGolden(`write-step-gateway-${width}`, step);
      await r.press(KEY.enter, ...'er-fra', KEY.enter, KEY.enter, KEY.enter, KEY.enter, KEY.enter);
      const review = await until(r, 'pre-flight: 3 ✔');
      expect(review).toContain('type the resource name "gw-er-weu-to-er-fra-1" to apply');
      expectGolden(`write-review-${width}`, review);
    });
  }
});
