// The in-memory budget store: charges up to the limit, refuses without charging, and starts afresh
// in the next window. (The Redis store runs the same contract in tests/production/rate-limit.test.ts.)
import { describe, expect, it } from 'vitest';
import { memoryRateLimitStore } from '../../../src/ratelimit/store.ts';

describe('memory rate-limit store', () => {
  it('charges until the limit, refuses what does not fit, resets with the window', async () => {
    const store = memoryRateLimitStore();
    const windowMs = 300;
    // Start at the beginning of a window so the test does not straddle two.
    await new Promise((r) => setTimeout(r, windowMs - (Date.now() % windowMs) + 5));
    expect(await store.charge('a', 7, 10, windowMs)).toMatchObject({ allowed: true, used: 7 });
    expect(await store.charge('a', 4, 10, windowMs)).toMatchObject({ allowed: false, used: 7 });
    expect(await store.charge('a', 3, 10, windowMs)).toMatchObject({ allowed: true, used: 10 });
    expect(await store.charge('b', 10, 10, windowMs)).toMatchObject({ allowed: true, used: 10 });
    expect((await store.peek('a', windowMs)).used).toBe(10);
    const { resetAt } = await store.peek('a', windowMs);
    await new Promise((r) => setTimeout(r, resetAt - Date.now() + 5));
    expect(await store.charge('a', 4, 10, windowMs)).toMatchObject({ allowed: true, used: 4 });
  });
});
