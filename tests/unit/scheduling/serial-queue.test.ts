import { describe, expect, it } from 'vitest';
import { createSerialQueue } from '@/lib/scheduling/serial-queue';

describe('createSerialQueue', () => {
  it('runs ten jobs started at once one at a time, in order, each getting its own result', async () => {
    const serially = createSerialQueue();
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        serially(async () => {
          running++;
          most = Math.max(most, running);
          await new Promise((resolve) => setTimeout(resolve, 2));
          order.push(n);
          running--;
          return n * 10;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(results).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
  });

  it('passes a failure to its caller and goes on with the next job', async () => {
    const serially = createSerialQueue();
    const failing = serially(async () => {
      throw new Error('sync failed');
    });
    const next = serially(async () => 'next ran');
    await expect(failing).rejects.toThrow('sync failed');
    await expect(next).resolves.toBe('next ran');
  });
});
