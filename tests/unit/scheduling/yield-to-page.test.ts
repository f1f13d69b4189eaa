import { describe, expect, it } from 'vitest';
import { TimeSlicer, yieldToPage } from '@/lib/scheduling/yield-to-page';

describe('yieldToPage', () => {
  it('lets a task queued before it run first (a real turn of the event loop, not a microtask)', async () => {
    const order: string[] = [];
    setTimeout(() => order.push('queued task'), 0);
    await new Promise((resolve) => setTimeout(resolve, 5));
    queueMicrotask(() => order.push('microtask'));
    const posted = new MessageChannel();
    posted.port1.onmessage = () => {
      order.push('earlier message');
      posted.port1.close();
    };
    posted.port2.postMessage(null);
    await yieldToPage({});
    order.push('after yield');
    expect(order).toEqual(['queued task', 'microtask', 'earlier message', 'after yield']);
  });

  it("uses the view's scheduler.yield when it has one", async () => {
    let yields = 0;
    const view = { scheduler: { yield: async () => void yields++ } };
    await yieldToPage(view);
    expect(yields).toBe(1);
  });
});

describe('TimeSlicer', () => {
  it('yields only once its budget of work has passed, then starts a new slice', async () => {
    let clock = 0;
    let yields = 0;
    const view = { scheduler: { yield: async () => void yields++ } };
    const slicer = new TimeSlicer(12, () => clock, view);
    clock = 11;
    await slicer.maybeYield();
    expect(yields).toBe(0);
    clock = 12;
    await slicer.maybeYield();
    expect(yields).toBe(1);
    clock = 20;
    await slicer.maybeYield();
    expect(yields).toBe(1);
    clock = 24;
    await slicer.maybeYield();
    expect(yields).toBe(2);
  });
});
