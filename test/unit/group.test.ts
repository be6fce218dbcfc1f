import { describe, expect, it } from 'vitest';
import { addTo, countBy, groupBy } from '../../src/util/group.js';

describe('group helpers', () => {
  const words = ['pear', 'apple', 'plum', 'avocado', 'fig', 'peach'];

  it('groupBy keeps groups in first-seen order and items in their order', () => {
    expect([...groupBy(words, (w) => w[0])]).toEqual([
      ['p', ['pear', 'plum', 'peach']],
      ['a', ['apple', 'avocado']],
      ['f', ['fig']],
    ]);
  });

  it('countBy counts per key in first-seen order; null is a key like any other', () => {
    expect([...countBy([...words, null], (w) => (w === null ? null : w.length))]).toEqual([
      [4, 2],
      [5, 2],
      [7, 1],
      [3, 1],
      [null, 1],
    ]);
  });

  it('addTo creates the list on the first value and appends after', () => {
    const m = new Map<string, number[]>();
    addTo(m, 'a', 1);
    addTo(m, 'a', 2);
    addTo(m, 'b', 3);
    expect([...m]).toEqual([
      ['a', [1, 2]],
      ['b', [3]],
    ]);
  });
});
