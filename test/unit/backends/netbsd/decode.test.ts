// NetBSD kinfo_proc2 and kinfo_file images built at the offsets of the facts
// sheet ("NetBSD").
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  countFile2Records,
  decodeKinfoProc2,
  decodeKinfoProc2List,
  decodeQuad,
} from '../../../../src/backends/netbsd/decode.js';
import { image, sigWords } from '../../../helpers/image.js';

function kinfo2(extra: Parameters<typeof image>[1] = []): Buffer {
  return image(680, [
    [116, 'i32', 555], // p_pid
    [124, 'i32', 500], // p_sid
    [128, 'i32', 550], // p__pgid
    [152, 'u32[]', [0, 69]], // p_groups
    [216, 'i16', 2], // p_ngroups
    [296, 'u32[]', sigWords([3, 63])], // p_siglist
    [312, 'u32[]', sigWords([15, 34])], // p_sigmask
    [328, 'u32[]', sigWords([13])], // p_sigignore
    [344, 'u32[]', sigWords([1, 2])], // p_sigcatch
    [360, 'i8', 2], // p_stat: LSRUN, the chosen LWP's state
    [448, 'i64', 1n], // p_uvalid
    [456, 'u32', 1_700_000_001], // p_ustart_sec
    [460, 'u32', 42], // p_ustart_usec
    [632, 'u64', 2n], // p_realstat: SACTIVE
    ...extra,
  ]);
}

describe('NetBSD decodeKinfoProc2', () => {
  it('reads ids, supplementary groups, 128-bit masks and the start time', () => {
    const r = decodeKinfoProc2(kinfo2());
    assert.equal(r.pid, 555);
    assert.equal(r.pgid, 550);
    assert.equal(r.sid, 500);
    assert.deepEqual(r.groups, [0, 69]);
    assert.deepEqual([...r.sigmasks.pending], [3, 63]);
    assert.deepEqual([...r.sigmasks.blocked], [15, 34]);
    assert.deepEqual([...r.sigmasks.ignored], [13]);
    assert.deepEqual([...r.sigmasks.caught], [1, 2]);
    assert.equal(r.startMicros, 1_700_000_001_000_042);
    assert.equal(r.zombie, false);
  });

  it('a zombie (p_realstat SZOMB or SDEAD) has p_uvalid 0: its start time is unknown', () => {
    for (const stat of [5, 6]) {
      const r = decodeKinfoProc2(
        kinfo2([
          [360, 'i8', stat],
          [632, 'u64', BigInt(stat)],
          [448, 'i64', 0n],
          [456, 'u32', 0],
          [460, 'u32', 0],
        ]),
      );
      assert.equal(r.zombie, true);
      assert.equal(r.startMicros, undefined);
    }
  });

  it("the process state is p_realstat: a live process's p_stat carries an LWP state", () => {
    // fill_kproc2 overwrites p_stat with the chosen LWP's l_stat for a live
    // process: LSZOMB (5) for an exited LWP of a running process, and 3
    // (LSSLEEP, the same number as the process state SDYING).
    for (const lwpStat of [3, 5]) {
      const r = decodeKinfoProc2(kinfo2([[360, 'i8', lwpStat]]));
      assert.equal(r.zombie, false, `p_stat ${lwpStat} with p_realstat SACTIVE`);
      assert.deepEqual(r.usage.dataPages !== undefined, true);
    }
    // A zombie keeps its own state in p_stat too, and p_realstat says so.
    const dead = decodeKinfoProc2(kinfo2([[632, 'u64', 5n]]));
    assert.equal(dead.zombie, true);
    assert.deepEqual(dead.usage, {});
  });

  it('refuses a record of another size', () => {
    assert.throws(() => decodeKinfoProc2(Buffer.alloc(688)), { code: 'EBADMSG' });
  });

  it('a proc.PID.rlimit node value is one rlim_t', () => {
    assert.equal(decodeQuad(image(8, [[0, 'u64', (1n << 63n) - 1n]])), (1n << 63n) - 1n);
    assert.throws(() => decodeQuad(Buffer.alloc(0)), { code: 'EBADMSG' });
  });
});

describe('NetBSD name, uids and usage figures', () => {
  const full = (extra: Parameters<typeof image>[1] = []) => {
    const buf = kinfo2([
      [136, 'u32', 0], // p_uid (effective)
      [140, 'u32', 1000], // p_ruid
      [228, 'u32', 61], // p_rtime_sec
      [232, 'u32', 5], // p_rtime_usec
      [432, 'i32', 900], // p_vm_rssize
      [440, 'i32', 120], // p_vm_dsize
      [444, 'i32', 4], // p_vm_ssize
      [640, 'u32', 1000], // p_svuid
      [664, 'i64', 30_000n], // p_vm_vsize
      ...extra,
    ]);
    Buffer.from('sshd\0').copy(buf, 368); // p_comm
    return buf;
  };

  it('reads p_comm, the three uids and the figures in their units', () => {
    const r = decodeKinfoProc2(full());
    assert.equal(r.name, 'sshd');
    assert.deepEqual(r.uids, { real: 1000, effective: 0, saved: 1000 });
    assert.deepEqual(r.usage, {
      cpuMicros: 61_000_005,
      residentPages: 900,
      dataPages: 120,
      stackPages: 4,
      virtualPages: 30_000,
    });
  });

  it('a zombie has no figures: fill_kproc2 leaves them unset', () => {
    // A zombie: p_stat and p_realstat both SZOMB.
    assert.deepEqual(
      decodeKinfoProc2(
        full([
          [360, 'i8', 5],
          [632, 'u64', 5n],
        ]),
      ).usage,
      {},
    );
  });

  it('KERN_PROC_ALL: 680-byte records end to end', () => {
    const list = Buffer.concat([kinfo2(), kinfo2([[116, 'i32', 0]])]);
    assert.deepEqual(
      decodeKinfoProc2List(list).map((r) => r.pid),
      [555, 0],
    );
    assert.throws(() => decodeKinfoProc2List(list.subarray(0, 681)), { code: 'EBADMSG' });
  });
});

describe('NetBSD kern.file2', () => {
  const file = (pid: number, fd: number) =>
    image(120, [
      [104, 'i32', pid], // ki_pid
      [108, 'i32', fd], // ki_fd
    ]);

  it('one record per open descriptor of the process', () => {
    assert.equal(countFile2Records(Buffer.concat([file(9, 0), file(9, 1), file(9, 5)]), 9), 3);
    assert.equal(countFile2Records(Buffer.alloc(0), 9), 0);
  });

  it("refuses another process's record or a ragged answer", () => {
    assert.throws(() => countFile2Records(Buffer.concat([file(9, 0), file(10, 0)]), 9), { code: 'EBADMSG' });
    assert.throws(() => countFile2Records(Buffer.alloc(100), 9), { code: 'EBADMSG' });
  });
});
