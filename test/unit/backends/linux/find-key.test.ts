// findLine() looks where a key was last found, then near it, then from the
// start: for a key that occurs once it always finds what findKey() finds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findKey, findLine, key } from '../../../../src/backends/linux/find-key.js';

test('a key found once is found wherever the previous text had it', () => {
  const k = key('\nThreads:\t');
  const filler = fc.string({ unit: fc.constantFrom('a', 'b', ':', '\t', ' ', '0'), maxLength: 400 });
  fc.assert(
    fc.property(fc.array(fc.tuple(filler, filler), { minLength: 1, maxLength: 8 }), (texts) => {
      for (const [before, after] of texts) {
        const buf = Buffer.from(`Name:\tx${before}\nThreads:\t3\n${after}`, 'latin1');
        assert.equal(findLine(buf, k), findKey(buf, k));
        assert.equal(findLine(buf, k), findKey(buf, k), 'and again, from the remembered place');
      }
      const without = Buffer.from(`Name:\tx${texts[0]![0]}\n`, 'latin1');
      assert.equal(findLine(without, k), -1);
    }),
    { numRuns: 500 },
  );
});
