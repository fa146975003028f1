// macOS kinfo_proc, KERN_PROCARGS2 and proc_pidinfo images built at the
// offsets of docs/platform-facts.md ("macOS").
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  countFdinfo,
  decodeKinfoProc,
  decodeKinfoProcList,
  decodeProcargs2,
  decodeTaskinfo,
  decodeTimebase,
} from '../../../../src/backends/darwin/decode.js';
import { image } from '../../../helpers/image.js';

function kinfo(extra: Parameters<typeof image>[1] = []): Buffer {
  return image(648, [
    [0, 'i64', 1_650_000_000n], // p_starttime.tv_sec
    [8, 'i32', 999_999], // p_starttime.tv_usec
    [36, 'i8', 2], // p_stat: SRUN
    [40, 'i32', 321], // p_pid
    [232, 'u32', (1 << 0) | (1 << 12)], // p_sigignore: SIGHUP, SIGPIPE
    [236, 'u32', (1 << 1) | (1 << 30)], // p_sigcatch: SIGINT, SIGUSR2 (31 on macOS)
    [424, 'i16', 3], // e_ucred.cr_ngroups
    [428, 'u32[]', [20, 12, 61]], // e_ucred.cr_groups: egid first
    [564, 'i32', 300], // e_pgid
    ...extra,
  ]);
}

describe('macOS decodeKinfoProc', () => {
  it('reads pid, pgid, groups (egid first), ignored and caught signals, start time', () => {
    const r = decodeKinfoProc(kinfo());
    assert.equal(r.pid, 321);
    assert.equal(r.pgid, 300);
    assert.equal('sid' in r, false, 'kinfo_proc carries no session id');
    assert.deepEqual(r.groups, [20, 12, 61]);
    assert.deepEqual([...r.sigmasks.ignored], [1, 13]);
    assert.deepEqual([...r.sigmasks.caught], [2, 31]);
    assert.equal(r.startMicros, 1_650_000_000_999_999);
    assert.equal(r.zombie, false);
  });

  it('pending and blocked are what the kernel leaves there: nothing', () => {
    const r = decodeKinfoProc(kinfo());
    assert.equal(r.sigmasks.pending.size, 0);
    assert.equal(r.sigmasks.blocked.size, 0);
  });

  it('a zombie (SZOMB) keeps its start time', () => {
    const r = decodeKinfoProc(kinfo([[36, 'i8', 5]]));
    assert.equal(r.zombie, true);
    assert.equal(r.startMicros, 1_650_000_000_999_999);
  });

  it('refuses a record of another size', () => {
    assert.throws(() => decodeKinfoProc(Buffer.alloc(492)), { code: 'EBADMSG' });
  });
});

describe('macOS name and uids', () => {
  it('p_comm (17 bytes) as UTF-8; e_pcred real and saved uids, e_ucred cr_uid effective', () => {
    const buf = kinfo([
      [392, 'u32', 501], // e_pcred.p_ruid
      [396, 'u32', 502], // e_pcred.p_svuid
      [420, 'u32', 0], // e_ucred.cr_uid
    ]);
    Buffer.from('Safari\0').copy(buf, 243); // p_comm
    const r = decodeKinfoProc(buf);
    assert.equal(r.name, 'Safari');
    assert.deepEqual(r.uids, { real: 501, effective: 0, saved: 502 });
  });

  it('P_TRANSLATED (0x20000) in p_flag marks a translated (Rosetta) process', () => {
    assert.equal(decodeKinfoProc(kinfo()).translated, false);
    assert.equal(decodeKinfoProc(kinfo([[32, 'i32', 0x20000 | 0x4]])).translated, true);
  });

  it('a name of MAXCOMLEN bytes fills the array up to its NUL', () => {
    const buf = kinfo();
    Buffer.from('abcdefghijklmnop\0').copy(buf, 243);
    assert.equal(decodeKinfoProc(buf).name, 'abcdefghijklmnop');
  });

  it('KERN_PROC_ALL: 648-byte records end to end', () => {
    const list = Buffer.concat([kinfo(), kinfo([[40, 'i32', 1]])]);
    assert.deepEqual(
      decodeKinfoProcList(list).map((r) => r.pid),
      [321, 1],
    );
    assert.throws(() => decodeKinfoProcList(list.subarray(0, 700)), { code: 'EBADMSG' });
  });
});

/** A KERN_PROCARGS2 answer: argc, then the path NUL-padded to 8 bytes, then the strings. */
function procargs2(argc: number, path: string, strings: string[]): Buffer {
  const head = Buffer.alloc(4);
  head.writeInt32LE(argc);
  const pathBytes = Buffer.from(`${path}\0`);
  const padded = Buffer.alloc(Math.ceil(pathBytes.length / 8) * 8);
  pathBytes.copy(padded);
  return Buffer.concat([head, padded, ...strings.map((a) => Buffer.from(`${a}\0`))]);
}

describe('macOS KERN_PROCARGS2', () => {
  it('takes argc strings after the padded executable path, not the environment', () => {
    const buf = procargs2(3, '/bin/sleep', ['sleep', '', 'ünï', 'HOME=/Users/x', 'PATH=/bin']);
    assert.deepEqual(decodeProcargs2(buf), ['sleep', '', 'ünï']);
  });

  it('skips the NUL padding after the path, whatever its length', () => {
    assert.deepEqual(decodeProcargs2(procargs2(1, '/bin/ls', ['ls'])), ['ls']); // 8 bytes with the NUL
    assert.deepEqual(decodeProcargs2(procargs2(2, '/usr/bin/env', ['env', 'x'])), ['env', 'x']);
  });

  it('argc 0 is no arguments; an area cut short gives what it holds', () => {
    assert.deepEqual(decodeProcargs2(procargs2(0, '/sbin/launchd', [])), []);
    const cut = procargs2(3, '/bin/echo', ['echo', 'a']);
    assert.deepEqual(decodeProcargs2(cut), ['echo', 'a']);
  });

  it('refuses a short answer, a negative argc or a path without NUL', () => {
    assert.throws(() => decodeProcargs2(Buffer.alloc(2)), { code: 'EBADMSG' });
    assert.throws(() => decodeProcargs2(procargs2(-1, '/x', [])), { code: 'EBADMSG' });
    const noNul = Buffer.concat([Buffer.from([1, 0, 0, 0]), Buffer.from('/bin/sh')]);
    assert.throws(() => decodeProcargs2(noNul), { code: 'EBADMSG' });
  });
});

describe('macOS proc_pidinfo', () => {
  it('mach_timebase_info: numer and denom, neither 0', () => {
    assert.deepEqual(
      decodeTimebase(
        image(8, [
          [0, 'u32', 125],
          [4, 'u32', 3],
        ]),
      ),
      { numer: 125, denom: 3 },
    );
    assert.throws(() => decodeTimebase(image(8, [[0, 'u32', 1]])), { code: 'EBADMSG' });
  });

  it('PROC_PIDTASKINFO: the map size in bytes, user + system time in µs through the timebase', () => {
    const info = image(96, [
      [0, 'u64', 5n << 32n], // pti_virtual_size
      [8, 'u64', 1n << 20n], // pti_resident_size
      [16, 'u64', 24_000_000n], // pti_total_user, Mach time units
      [24, 'u64', 6_000_000n], // pti_total_system
    ]);
    // Apple silicon's 125/3: 30e6 units are 1.25e9 ns.
    assert.deepEqual(decodeTaskinfo(info, { numer: 125, denom: 3 }), {
      virtualBytes: 5 * 2 ** 32,
      cpuMicros: 1_250_000,
    });
    // Intel's 1/1: units are nanoseconds.
    assert.equal(decodeTaskinfo(info, { numer: 1, denom: 1 }).cpuMicros, 30_000);
    assert.throws(() => decodeTaskinfo(Buffer.alloc(80), { numer: 1, denom: 1 }), { code: 'EBADMSG' });
  });

  it('PROC_PIDLISTFDS: one 8-byte proc_fdinfo per descriptor', () => {
    assert.equal(countFdinfo(8 * 5), 5);
    assert.equal(countFdinfo(0), 0);
    assert.throws(() => countFdinfo(12), { code: 'EBADMSG' });
  });
});
