// Cross-checks every layout of src/ffi/structs against a C compiler: each OS's
// struct is transcribed field by field from its header into
// test/fixtures/structs/<os>.c with fixed-width types, compiled with the host
// gcc (LP64, natural alignment, as on amd64 and arm64), and its sizeof and
// offsetof must equal the offset tables the decoders read through.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StructLayout } from '../../../../src/ffi/structs/layout.js';
import {
  DARWIN_KINFO_PROC,
  DARWIN_MACH_TIMEBASE_INFO,
  DARWIN_PROC_FDINFO,
  DARWIN_PROC_TASKINFO,
} from '../../../../src/ffi/structs/darwin.js';
import { FREEBSD_KINFO_FILE, FREEBSD_KINFO_PROC } from '../../../../src/ffi/structs/freebsd.js';
import { OPENBSD_KINFO_FILE, OPENBSD_KINFO_PROC } from '../../../../src/ffi/structs/openbsd.js';
import { NETBSD_KINFO_FILE, NETBSD_KINFO_PROC2 } from '../../../../src/ffi/structs/netbsd.js';
import { DRAGONFLY_KINFO_FILE, DRAGONFLY_KINFO_PROC } from '../../../../src/ffi/structs/dragonfly.js';
import { SUNOS_PRCRED, SUNOS_PSINFO, SUNOS_PSTATUS } from '../../../../src/ffi/structs/sunos.js';
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
  'struct layouts agree with gcc on header transcriptions',
  { skip: needs({ commands: [['gcc', 'cc']] }) },
  () => {
    it('macOS kinfo_proc, proc_taskinfo, proc_fdinfo, mach_timebase_info', () => {
      const [kinfo, taskinfo, fdinfo, timebase] = compile('darwin');
      same(kinfo, DARWIN_KINFO_PROC);
      same(taskinfo, DARWIN_PROC_TASKINFO);
      same(fdinfo, DARWIN_PROC_FDINFO);
      same(timebase, DARWIN_MACH_TIMEBASE_INFO);
    });
    it('FreeBSD kinfo_proc and kinfo_file (the C file also asserts KINFO_PROC_SIZE and KINFO_FILE_SIZE)', () => {
      const [kinfo, file] = compile('freebsd');
      same(kinfo, FREEBSD_KINFO_PROC);
      same(file, FREEBSD_KINFO_FILE);
    });
    it('OpenBSD kinfo_proc and kinfo_file', () => {
      const [kinfo, file] = compile('openbsd');
      same(kinfo, OPENBSD_KINFO_PROC);
      same(file, OPENBSD_KINFO_FILE);
    });
    it('NetBSD kinfo_proc2 and kinfo_file', () => {
      const [kinfo, file] = compile('netbsd');
      same(kinfo, NETBSD_KINFO_PROC2);
      same(file, NETBSD_KINFO_FILE);
    });
    it('DragonFly kinfo_proc (kinfo_lwp with kl_comm: 992 bytes) and kinfo_file', () => {
      const [kinfo, file] = compile('dragonfly');
      same(kinfo, DRAGONFLY_KINFO_PROC);
      same(file, DRAGONFLY_KINFO_FILE);
    });
    it('illumos psinfo_t, pstatus_t, prcred_t', () => {
      const [psinfo, pstatus, prcred] = compile('sunos');
      same(psinfo, SUNOS_PSINFO);
      same(pstatus, SUNOS_PSTATUS);
      same(prcred, SUNOS_PRCRED);
    });
  },
);
