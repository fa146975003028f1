// Each platform's RLIMIT_* numbers and RLIM_INFINITY, typed in from
// docs/platform-facts.md, against what the backends declare.
// Covers src/backends/<os>/constants.ts of every backend but Linux's.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { DARWIN_RLIMITS, DARWIN_RLIM_INFINITY } from '../../../src/backends/darwin/constants.js';
import { FREEBSD_RLIMITS, FREEBSD_RLIM_INFINITY } from '../../../src/backends/freebsd/constants.js';
import { OPENBSD_RLIMITS, OPENBSD_RLIM_INFINITY } from '../../../src/backends/openbsd/constants.js';
import { NETBSD_RLIMITS, NETBSD_RLIM_INFINITY } from '../../../src/backends/netbsd/constants.js';
import { DRAGONFLY_RLIMITS, DRAGONFLY_RLIM_INFINITY } from '../../../src/backends/dragonfly/constants.js';
import { SUNOS_RLIMITS, SUNOS_RLIM_INFINITY } from '../../../src/backends/sunos/constants.js';

const CLASSIC = 'CPU FSIZE DATA STACK CORE RSS MEMLOCK NPROC NOFILE'.split(' ');

function table(names: string[], extra: Record<string, number> = {}): Record<string, number> {
  const out: Record<string, number> = {};
  names.forEach((name, i) => (out[`RLIMIT_${name}`] = i));
  for (const [name, value] of Object.entries(extra)) out[`RLIMIT_${name}`] = value;
  return out;
}

describe('RLIMIT numbers and RLIM_INFINITY per platform', () => {
  it('macOS: AS and RSS share 5; RLIM_INFINITY 2**63 - 1', () => {
    assert.deepEqual({ ...DARWIN_RLIMITS }, table(CLASSIC, { AS: 5 }));
    assert.equal(DARWIN_RLIM_INFINITY, 0x7fffffffffffffffn);
  });

  it('FreeBSD: up to PIPEBUF 15, VMEM = AS 10', () => {
    assert.deepEqual(
      { ...FREEBSD_RLIMITS },
      table(CLASSIC, { SBSIZE: 9, VMEM: 10, AS: 10, NPTS: 11, SWAP: 12, KQUEUES: 13, UMTXP: 14, PIPEBUF: 15 }),
    );
    assert.equal(FREEBSD_RLIM_INFINITY, 0x7fffffffffffffffn);
  });

  it('OpenBSD: the classic nine', () => {
    assert.deepEqual({ ...OPENBSD_RLIMITS }, table(CLASSIC));
    assert.equal(OPENBSD_RLIM_INFINITY, 0x7fffffffffffffffn);
  });

  it('NetBSD: SBSIZE 9, AS = VMEM 10, NTHR 11', () => {
    assert.deepEqual({ ...NETBSD_RLIMITS }, table(CLASSIC, { SBSIZE: 9, AS: 10, VMEM: 10, NTHR: 11 }));
    assert.equal(NETBSD_RLIM_INFINITY, 0x7fffffffffffffffn);
  });

  it('DragonFly: SBSIZE 9, VMEM = AS 10, POSIXLOCKS 11', () => {
    assert.deepEqual({ ...DRAGONFLY_RLIMITS }, table(CLASSIC, { SBSIZE: 9, VMEM: 10, AS: 10, POSIXLOCKS: 11 }));
    assert.equal(DRAGONFLY_RLIM_INFINITY, 0x7fffffffffffffffn);
  });

  it('illumos: NOFILE 5, VMEM = AS 6, no RSS/MEMLOCK/NPROC; RLIM_INFINITY is (rlim_t)-3', () => {
    assert.deepEqual(
      { ...SUNOS_RLIMITS },
      table(['CPU', 'FSIZE', 'DATA', 'STACK', 'CORE', 'NOFILE', 'VMEM'], { AS: 6 }),
    );
    assert.equal(SUNOS_RLIM_INFINITY, 0xfffffffffffffffdn);
  });
});
