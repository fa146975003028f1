// src/ffi/structs/darwin.ts against the numbers Apple's SDK headers give:
// test/fixtures/headers/darwin.json, written by scripts/check-headers.mjs from
// `zig cc -target {aarch64,x86_64}-macos.N -S` on a probe of sizeof and
// offsetof for every struct and field darwin.ts declares (zig's copy of the
// SDK headers, macOS 11 to 13). Regenerate with
// `npm run check:headers -- --write`.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StructLayout } from '../../../../src/ffi/structs/layout.js';
import * as darwin from '../../../../src/ffi/structs/darwin.js';
import { ROOT } from '../../../helpers/paths.js';

interface MeasuredStruct {
  type: string;
  headers: string[];
  size: number;
  fields: Record<string, [offset: number, size: number]>;
}
interface Measured {
  source: string;
  targets: { target: string; sdk: string; structs: Record<string, MeasuredStruct> }[];
}

const measured = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'headers', 'darwin.json'), 'utf8')) as Measured;

const LAYOUTS: Record<string, StructLayout<string>> = {
  DARWIN_KINFO_PROC: darwin.DARWIN_KINFO_PROC,
  DARWIN_PROC_TASKINFO: darwin.DARWIN_PROC_TASKINFO,
  DARWIN_PROC_FDINFO: darwin.DARWIN_PROC_FDINFO,
  DARWIN_MACH_TIMEBASE_INFO: darwin.DARWIN_MACH_TIMEBASE_INFO,
};

describe('darwin.ts against the macOS SDK headers', () => {
  it('covers both architectures Node ships for macOS', () => {
    const arches = new Set(measured.targets.map((t) => t.target.split('-')[0]));
    assert.deepEqual([...arches].sort(), ['aarch64', 'x86_64']);
  });

  for (const t of measured.targets) {
    it(`${t.target} (${t.sdk})`, () => {
      assert.deepEqual(Object.keys(t.structs).sort(), Object.keys(LAYOUTS).sort(), 'every layout measured');
      for (const [name, s] of Object.entries(t.structs)) {
        const layout = LAYOUTS[name]!;
        assert.equal(layout.name, s.type, `${name} names its C type`);
        assert.equal(layout.size, s.size, `sizeof ${s.type}`);
        assert.deepEqual(Object.keys(layout.fields).sort(), Object.keys(s.fields).sort(), `fields of ${s.type}`);
        for (const [field, [offset, size]] of Object.entries(s.fields)) {
          const f = layout.fields[field]!;
          assert.equal(f.offset, offset, `${s.type}.${field} offset`);
          assert.equal(f.size, size, `${s.type}.${field} size`);
        }
      }
    });
  }
});
