import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../src/commands/read-input.js';
import { parseJsonLines } from '../../src/util/json-lines.js';
import { UserError } from '../../src/util/errors.js';

describe('JSON Lines input', () => {
  it('turns one object per line into an array, blank lines ignored', () => {
    expect(parseJsonLines('{"a":1}\n\n{"a":2}\r\n')).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('refuses a single object, non-object lines and broken lines', () => {
    expect(parseJsonLines('{"a":1}')).toBeUndefined();
    expect(parseJsonLines('{"a":1}\n[1]')).toBeUndefined();
    expect(parseJsonLines('{"a":1}\n{"a":')).toBeUndefined();
  });

  it('decodeInput falls back to JSON Lines, and still reports broken JSON with its position', () => {
    expect(decodeInput(Buffer.from('{"a":1}\n{"a":2}\n'), 'x.json')).toMatchObject({
      kind: 'json',
      doc: [{ a: 1 }, { a: 2 }],
    });
    expect(() => decodeInput(Buffer.from('{"a":1,\n'), 'x.json')).toThrow(UserError);
  });
});
