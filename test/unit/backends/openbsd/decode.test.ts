// OpenBSD kinfo_proc, kinfo_file and kern.proc_args images built at the
// offsets of docs/platform-facts.md ("OpenBSD").
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  countFileRecords,
  decodeArgv,
  decodeKinfoProc,
  decodeKinfoProcList,
} from '../../../../src/backends/openbsd/decode.js';
import { image } from '../../../helpers/image.js';

function kinfo(size: number, extra: Parameters<typeof image>[1] = []): Buffer {
  return image(size, [
    [108, 'i32', 777], // p_pid
    [116, 'i32', 700], // p_sid
    [120, 'i32', 770], // p__pgid
    [128, 'u32', 1001], // p_uid (effective)
    [132, 'u32', 1000], // p_ruid
    [136, 'u32', 1000], // p_gid (egid, not in p_groups)
    [144, 'u32[]', [0, 5, 9]], // p_groups
    [208, 'i16', 3], // p_ngroups
    [220, 'u32', 12], // p_rtime_sec
    [224, 'u32', 500_000], // p_rtime_usec
    [288, 'i32', 1 << 1], // p_siglist: SIGINT
    [292, 'u32', 1 << 14], // p_sigmask: SIGALRM
    [296, 'u32', 1 << 12], // p_sigignore: SIGPIPE
    [300, 'u32', 0x80000000], // p_sigcatch: signal 32
    [304, 'i8', 3], // p_stat: SSLEEP
    [384, 'i32', 300], // p_vm_rssize
    [392, 'i32', 40], // p_vm_dsize
    [396, 'i32', 3], // p_vm_ssize
    [400, 'i64', 1n], // p_uvalid
    [408, 'u64', 1_600_000_000n], // p_ustart_sec
    [416, 'u32', 250_000], // p_ustart_usec
    [568, 'u32', 1002], // p_svuid
    ...extra,
  ]);
}

function withComm(buf: Buffer, comm: Buffer): Buffer {
  comm.copy(buf, 312); // p_comm, 24 bytes
  return buf;
}

describe('OpenBSD decodeKinfoProc', () => {
  it('reads the 576-byte prefix the backend requests', () => {
    const r = decodeKinfoProc(withComm(kinfo(576), Buffer.from('sshd\0')));
    assert.equal(r.pid, 777);
    assert.equal(r.pgid, 770);
    assert.equal(r.sid, 700);
    assert.deepEqual(r.groups, [0, 5, 9]);
    assert.deepEqual([...r.sigmasks.pending], [2]);
    assert.deepEqual([...r.sigmasks.blocked], [15]);
    assert.deepEqual([...r.sigmasks.ignored], [13]);
    assert.deepEqual([...r.sigmasks.caught], [32]);
    assert.equal(r.startMicros, 1_600_000_000_250_000);
    assert.equal(r.zombie, false);
    assert.equal(r.name, 'sshd');
    assert.deepEqual(r.uids, { real: 1000, effective: 1001, saved: 1002 });
    assert.deepEqual(r.usage, { cpuMicros: 12_500_000, residentPages: 300, dataPages: 40, stackPages: 3 });
  });

  it('decodes the name as UTF-8, bad bytes as U+FFFD, a full array whole', () => {
    assert.equal(decodeKinfoProc(withComm(kinfo(576), Buffer.from('café\0x'))).name, 'café');
    assert.equal(decodeKinfoProc(withComm(kinfo(576), Buffer.from([0x61, 0xff, 0x62, 0]))).name, 'a\ufffdb');
    assert.equal(decodeKinfoProc(withComm(kinfo(576), Buffer.alloc(24, 0x7a))).name, 'z'.repeat(24));
  });

  it("a zombie's zero start time (p_uvalid 0) is unknown, not a time; it has no memory figures", () => {
    const r = decodeKinfoProc(
      kinfo(648, [
        [304, 'i8', 6], // SDEAD
        [384, 'i32', 0],
        [400, 'i64', 0n],
        [408, 'u64', 0n],
        [416, 'u32', 0],
      ]),
    );
    assert.equal(r.zombie, true);
    assert.equal(r.startMicros, undefined);
    assert.deepEqual(r.usage, { cpuMicros: 12_500_000 }, 'p_rtime is kept; the vm sizes are not filled');
  });

  it('refuses less than the prefix', () => {
    assert.throws(() => decodeKinfoProc(Buffer.alloc(572)), { code: 'EBADMSG' });
  });

  it('splits a kern.proc list into prefix-sized records', () => {
    const list = Buffer.concat([kinfo(576), kinfo(576, [[108, 'i32', 0]])]);
    assert.deepEqual(
      decodeKinfoProcList(list).map((r) => r.pid),
      [777, 0],
    );
    assert.deepEqual(decodeKinfoProcList(Buffer.alloc(0)), []);
    assert.throws(() => decodeKinfoProcList(list.subarray(0, 600)), { code: 'EBADMSG' });
  });
});

describe('OpenBSD kern.file', () => {
  const file = (fd: number) => image(384, [[380, 'i32', fd]]); // fd_fd

  it('counts descriptors, not the text, cwd, root and trace vnodes (fd_fd -1 .. -4)', () => {
    const buf = Buffer.concat([file(-1), file(-2), file(-3), file(-4), file(0), file(1), file(2), file(7)]);
    assert.equal(countFileRecords(buf), 4);
    assert.equal(countFileRecords(Buffer.concat([file(-1), file(-2)])), 0);
  });

  it('refuses a ragged answer', () => {
    assert.throws(() => countFileRecords(Buffer.alloc(400)), { code: 'EBADMSG' });
  });
});

/**
 * What sysctl_proc_args writes into a buffer at address `base`: room for
 * cnt + 1 pointers, then the strings; `copied` of them (a NULL argv entry
 * stops the kernel early).
 */
function argvAnswer(base: bigint, args: readonly string[], cnt = args.length): Buffer {
  const strings = args.map((a) => Buffer.concat([Buffer.from(a), Buffer.alloc(1)]));
  const vector = Buffer.alloc((cnt + 1) * 8);
  let at = base + BigInt(vector.length);
  strings.forEach((s, i) => {
    vector.writeBigUInt64LE(at, i * 8);
    at += BigInt(s.length);
  });
  return Buffer.concat([vector, ...strings]);
}

describe('OpenBSD kern.proc_args argv', () => {
  it('takes the strings the pointers describe, in order', () => {
    assert.deepEqual(decodeArgv(argvAnswer(0x7f7f_0000_1000n, ['/bin/ksh', '-c', '', 'echo é'])), [
      '/bin/ksh',
      '-c',
      '',
      'echo é',
    ]);
  });

  it('an empty vector is one NULL pointer', () => {
    assert.deepEqual(decodeArgv(argvAnswer(0x1000n, [])), []);
  });

  it('a vector the kernel stopped early at a NULL entry leaves unused slots', () => {
    assert.deepEqual(decodeArgv(argvAnswer(0x2000n, ['a', 'bc'], 5)), ['a', 'bc']);
  });

  it('refuses strings whose lengths disagree with the pointers, or a vector with no end', () => {
    const bad = argvAnswer(0x1000n, ['ab', 'c']);
    bad.writeBigUInt64LE(0x1000n + 24n + 5n, 8); // second pointer off by two
    assert.throws(() => decodeArgv(bad), { code: 'EBADMSG' });
    assert.throws(() => decodeArgv(Buffer.alloc(4, 1)), { code: 'EBADMSG' });
    const unterminated = argvAnswer(0x1000n, ['ab']);
    assert.throws(() => decodeArgv(unterminated.subarray(0, unterminated.length - 1)), { code: 'EBADMSG' });
  });
});
