import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/util/collect-garbage.js';

describe('collectGarbage', () => {
  it('does nothing below the threshold', () => {
    expect(collectGarbage(Number.MAX_SAFE_INTEGER)).toBe(false);
  });

  it('runs a full collection: an object nothing refers to any more is gone', async () => {
    let target: object | null = { big: new Array(1000).fill(1) };
    const ref = new WeakRef(target);
    target = null;
    // A WeakRef target is kept until the end of the current job: collect in a later one.
    await new Promise((r) => setTimeout(r, 0));
    expect(collectGarbage()).toBe(true);
    expect(ref.deref()).toBeUndefined();
  });
});

describe('collectGarbage with headroom', () => {
  it('still runs a full collection (the limit factor is set around it only)', async () => {
    let target: object | null = { big: new Array(1000).fill(1) };
    const ref = new WeakRef(target);
    target = null;
    await new Promise((r) => setTimeout(r, 0));
    expect(collectGarbage(0, 50)).toBe(true);
    expect(ref.deref()).toBeUndefined();
  });
});
