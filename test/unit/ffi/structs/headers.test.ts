// Every layout of src/ffi/structs and every header constant of the backends
// against the numbers the OS's real headers give: test/fixtures/headers/
// <os>.json, written by scripts/check-headers.mjs (`npm run check:headers --
// --write`) from `zig cc -target T -S` on probes of sizeof, offsetof and each
// constant, for each target the fixture names. macOS's headers are Apple's SDK
// as zig ships it; the others come from a tree of the OS's sources, whose
// repository, commit and release the fixture records.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { StructLayout } from '../../../../src/ffi/structs/layout.js';
import { ROOT } from '../../../helpers/paths.js';
import type * as Spec from '../../../../scripts/headers/spec.mjs' with { 'resolution-mode': 'import' };

interface MeasuredStruct {
  type: string;
  header: string | null;
  size: number;
  fields: Record<string, [offset: number, size: number]>;
}
interface MeasuredConstant {
  expr: string;
  header: string | null;
  value: string | null;
  note?: string;
}
interface Measured {
  os: string;
  source: { repository?: string; commit?: string; release: string };
  targets: {
    target: string;
    structs: Record<string, MeasuredStruct>;
    constants: Record<string, MeasuredConstant>;
  }[];
}

const FIXTURES = join(ROOT, 'test', 'fixtures', 'headers');
// The modules as built beside this test (build/src), keyed as the fixtures key them.
const load = createRequire(join(ROOT, 'build', 'src', 'index.js'));

function builtModule(module: string): Record<string, unknown> {
  return load(`./${module}.js`) as Record<string, unknown>;
}

// Every struct layout a structs module exports.
function layoutsOf(os: string): Map<string, StructLayout<string>> {
  const layouts = new Map<string, StructLayout<string>>();
  for (const [name, value] of Object.entries(builtModule(`ffi/structs/${os}`))) {
    if (typeof value === 'object' && value !== null && 'fields' in value && 'size' in value)
      layouts.set(name, value as StructLayout<string>);
  }
  return layouts;
}

// The exported numbers of each OS's structs and constants modules that no
// header of the fixture's defines, with why: the rest must all be measured.
const NOT_FROM_THESE_HEADERS: Record<string, Record<string, string>> = {
  darwin: { 'backends/darwin/constants:PID_MAX': "xnu's bsd/sys/proc_internal.h, which the SDK does not ship" },
  freebsd: { 'backends/freebsd/constants:START_TOLERANCE_MICROS': 'our tolerance' },
  openbsd: {
    'ffi/structs/openbsd:OPENBSD_KINFO_PREFIX': 'bytes we ask for',
    'ffi/structs/openbsd:OPENBSD_KINFO_FILE_PREFIX': 'bytes we ask for',
    'backends/openbsd/constants:START_TOLERANCE_MICROS': 'our tolerance',
    'backends/openbsd/constants:KINFO_ELEM_COUNT': 'records we ask for',
  },
  netbsd: {
    'backends/netbsd/constants:KINFO_ELEM_COUNT': 'records we ask for',
    'backends/netbsd/constants:MAX_PID_T': 'the range of pid_t, an int32_t',
  },
  dragonfly: {
    'backends/dragonfly/constants:MAX_PID_T': 'the range of pid_t, an int32_t',
    'backends/dragonfly/constants:KINFO_PROC_BUFFER_SIZE': 'bytes we offer per record',
    'backends/dragonfly/constants:ARGS_FIRST_BUFFER': 'bytes we offer first',
  },
  sunos: {
    'ffi/structs/sunos:SUNOS_PSTATUS_PREFIX': 'bytes the decoder reads',
    'backends/sunos/constants:MAX_PID_T': 'the range of pid_t, an int',
  },
};

// "module:NAME" for every number a module exports, and "module:NAME" for every
// object of numbers (a resource table), whose keys the fixture names one by one.
function exportedNumbers(module: string): string[] {
  return Object.entries(builtModule(module))
    .filter(([, v]) => {
      if (typeof v === 'number' || typeof v === 'bigint') return true;
      return (
        typeof v === 'object' &&
        v !== null &&
        !('fields' in v) &&
        !(v instanceof Map) &&
        !Array.isArray(v) &&
        Object.values(v).every((x) => typeof x === 'number')
      );
    })
    .map(([name]) => `${module}:${name}`);
}

const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as Measured);

describe('layouts and constants against real headers', () => {
  it('has a fixture for every platform whose headers could be had', () => {
    assert.deepEqual(fixtures.map((m) => m.os).sort(), [
      'darwin',
      'dragonfly',
      'freebsd',
      'netbsd',
      'openbsd',
      'sunos',
    ]);
  });

  for (const m of fixtures) {
    describe(`${m.os} (${m.source.release})`, () => {
      const layouts = layoutsOf(m.os);

      it('measures every layout the structs module exports, on every target', () => {
        assert.ok(m.targets.length > 0);
        for (const t of m.targets)
          assert.deepEqual(Object.keys(t.structs).sort(), [...layouts.keys()].sort(), t.target);
      });

      it('measures every header number the backend exports', () => {
        const own = NOT_FROM_THESE_HEADERS[m.os] ?? {};
        for (const t of m.targets) {
          const measured = new Set(Object.keys(t.constants).map((k) => k.split('.')[0]));
          for (const key of [
            ...exportedNumbers(`ffi/structs/${m.os}`),
            ...exportedNumbers(`backends/${m.os}/constants`),
          ])
            assert.ok(
              measured.has(key) || key in own,
              `${t.target}: ${key} is measured or listed as not a header fact`,
            );
        }
      });

      for (const t of m.targets) {
        it(`${t.target}: sizes and offsets`, () => {
          for (const [name, s] of Object.entries(t.structs)) {
            const layout = layouts.get(name)!;
            assert.equal(layout.name, s.type, `${name} names its C type`);
            assert.ok(s.header, `${s.type}: the header that defines it was found`);
            assert.equal(layout.size, s.size, `sizeof ${s.type}`);
            assert.deepEqual(Object.keys(layout.fields).sort(), Object.keys(s.fields).sort(), `fields of ${s.type}`);
            for (const [field, [offset, size]] of Object.entries(s.fields)) {
              const f = layout.fields[field]!;
              assert.equal(f.offset, offset, `${s.type}.${field} offset`);
              assert.equal(f.size, size, `${s.type}.${field} size`);
            }
          }
        });

        it(`${t.target}: constants`, async () => {
          // The same reading of a "module:path" key as the script's: the
          // built module's number as the unsigned 64-bit pattern the probe
          // reads (so -3 and 2^64 - 3 compare equal, as they do in C).
          const { sourceValue } = (await import(
            pathToFileURL(join(ROOT, 'scripts', 'headers', 'spec.mjs')).href
          )) as typeof Spec;
          const entries = Object.entries(t.constants);
          assert.ok(entries.length > 0);
          for (const [key, c] of entries) {
            if (c.value === null) {
              assert.ok(c.note, `${c.expr}: an absent constant says why`);
              continue;
            }
            assert.ok(c.header, `${c.expr}: the header that defines it was found`);
            assert.equal(sourceValue(key), BigInt(c.value), `${key} is ${c.expr} (${c.header})`);
          }
        });
      }
    });
  }
});
