// DragonFly's layouts against a C compiler on a transcription of its header:
// the struct is transcribed field by field into test/fixtures/structs/
// dragonfly.c with fixed-width types, compiled with the host gcc (LP64,
// natural alignment, as on amd64), and its sizeof and offsetof must equal the
// offset tables the decoders read through. Every other OS's layouts are
// checked against its real headers (test/unit/ffi/structs/headers.test.ts);
// no DragonFly source tree small enough to fetch was at hand for that.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StructLayout } from '../../../../src/ffi/structs/layout.js';
import { DRAGONFLY_KINFO_FILE, DRAGONFLY_KINFO_PROC } from '../../../../src/ffi/structs/dragonfly.js';
import { ROOT } from '../../../helpers/paths.js';
import { hasCommand, needs } from '../../../helpers/requirements.js';

const FIXTURES = join(ROOT, 'test/fixtures/structs');
// gcc here; the system cc (clang) on macOS and the BSDs.
const CC = ['gcc', 'cc'].find(hasCommand);

interface Section {
  size: number;
  fields: Map<string, [number, number]>;
}

// Compiles and runs one fixture; its output is "sizeof N" then "field offset size" lines, sections split by "--".
function compile(name: string, defines: readonly string[] = []): Section[] {
  const dir = mkdtempSync(join(tmpdir(), 'psutil-extra-structs-'));
  try {
    const exe = join(dir, name);
    execFileSync(CC ?? 'cc', ['-std=c11', '-Wall', '-Werror', ...defines, '-o', exe, join(FIXTURES, `${name}.c`)]);
    return execFileSync(exe, { encoding: 'utf8' })
      .trim()
      .split('--\n')
      .map((text) => {
        const section: Section = { size: -1, fields: new Map() };
        for (const line of text.trim().split('\n')) {
          const [key, a, b] = line.split(' ');
          if (key === 'sizeof') section.size = Number(a);
          else section.fields.set(key!, [Number(a), Number(b)]);
        }
        return section;
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function same<F extends string>(section: Section | undefined, layout: StructLayout<F>, size = layout.size): void {
  if (section === undefined) return assert.fail(`no output for ${layout.name}`);
  assert.equal(section.size, size, `sizeof ${layout.name}`);
  assert.deepEqual([...section.fields.keys()].sort(), Object.keys(layout.fields).sort());
  for (const [name, [offset, bytes]] of section.fields) {
    const field = layout.fields[name as F];
    assert.deepEqual([field.offset, field.size], [offset, bytes], `${layout.name}.${name}`);
  }
}

describe(
  'DragonFly struct layouts agree with gcc on a header transcription',
  { skip: needs({ commands: [['gcc', 'cc']] }) },
  () => {
    it('DragonFly kinfo_proc (kinfo_lwp with kl_comm: 992 bytes) and kinfo_file', () => {
      const [kinfo, file] = compile('dragonfly');
      same(kinfo, DRAGONFLY_KINFO_PROC);
      same(file, DRAGONFLY_KINFO_FILE);
    });
  },
);
