// DragonFly kinfo_proc and kinfo_file images built at the offsets of the
// docs/platform-facts.md ("DragonFly BSD"),
// and procfs text as procfs_status.c and procfs_rlimit.c print it.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  countFileRecords,
  cpuMicrosOfLwps,
  decodeKinfoProc,
  decodeKinfoProcList,
} from '../../../../src/backends/dragonfly/decode.js';
import { parseDragonflyRlimit } from '../../../../src/backends/dragonfly/parse-rlimit.js';
import { parseDragonflyStatus } from '../../../../src/backends/dragonfly/parse-status.js';
import { image } from '../../../helpers/image.js';

function kinfo(size: number, extra: Parameters<typeof image>[1] = []): Buffer {
  return image(size, [
    [12, 'i32', 2], // kp_stat: SACTIVE
    [96, 'i64', 1_690_000_000n], // kp_start.tv_sec
    [104, 'i64', 7n], // kp_start.tv_usec
    [136, 'i16', 3], // kp_ngroups
    [140, 'u32[]', [0, 0, 5]], // kp_groups: egid first
    [220, 'i32', 91], // kp_pid
    [228, 'i32', 90], // kp_pgid
    [236, 'i32', 80], // kp_sid
    ...extra,
  ]);
}

describe('DragonFly decodeKinfoProc', () => {
  it('reads the 992-byte record (kinfo_lwp ends with kl_comm)', () => {
    const r = decodeKinfoProc(kinfo(992));
    assert.deepEqual(
      [r.pid, r.pgid, r.sid, r.groups, r.startMicros, r.zombie],
      [91, 90, 80, [0, 0, 5], 1_690_000_000_000_007, false],
    );
  });

  it('refuses any other size, the pre-4.4 976-byte record without kl_comm included', () => {
    assert.throws(() => decodeKinfoProc(kinfo(976)), { code: 'EBADMSG' });
    assert.throws(() => decodeKinfoProc(Buffer.alloc(1024)), { code: 'EBADMSG' });
  });
});

describe('DragonFly name, uids, flags and usage figures', () => {
  const full = (size: number, extra: Parameters<typeof image>[1] = []) => {
    const buf = kinfo(size, [
      [8, 'i32', 0x4000], // kp_flags: P_CONTROLT only
      [132, 'u32', 1001], // kp_uid (effective)
      [204, 'u32', 1000], // kp_ruid
      [208, 'u32', 1002], // kp_svuid
      [312, 'u64', 1n << 31n], // kp_vm_map_size, bytes
      [320, 'i64', 512n], // kp_vm_rssize, pages
      [344, 'i64', 64n], // kp_vm_dsize, pages
      [352, 'i64', 8n], // kp_vm_ssize, pages
      ...extra,
    ]);
    Buffer.from('dntpd\0').copy(buf, 112); // kp_comm
    return buf;
  };

  it('reads kp_comm, the three uids and the vm figures', () => {
    const r = decodeKinfoProc(full(992));
    assert.equal(r.name, 'dntpd');
    assert.deepEqual(r.uids, { real: 1000, effective: 1001, saved: 1002 });
    assert.equal(r.system, false);
    assert.deepEqual(r.usage, { virtualBytes: 2 ** 31, residentPages: 512, dataPages: 64, stackPages: 8 });
  });

  it('P_SYSTEM (0x200) in kp_flags marks a system process', () => {
    assert.equal(decodeKinfoProc(full(992, [[8, 'i32', 0x200]])).system, true);
  });

  it('KERN_PROC_ALL: records of the size the kernel answers, kernel threads with kp_pid -1', () => {
    const list = Buffer.concat([kinfo(992), kinfo(992, [[220, 'i32', -1]])]);
    assert.deepEqual(
      decodeKinfoProcList(list).map((r) => r.pid),
      [91, -1],
    );
    // A list of 976-byte records (a kernel before kl_comm) does not split into 992-byte ones.
    assert.throws(() => decodeKinfoProcList(Buffer.concat([kinfo(976), kinfo(976)])), { code: 'EBADMSG' });
  });

  it('the CPU time is every LWP record’s kl_uticks + kl_sticks, in microseconds', () => {
    const lwp = (u: bigint, s: bigint) =>
      kinfo(992, [
        [704, 'u64', u], // kl_uticks
        [712, 'u64', s], // kl_sticks
      ]);
    assert.equal(cpuMicrosOfLwps([lwp(1_000_000n, 250_000n), lwp(3n, 4n)], 91), 1_250_007);
    assert.equal(cpuMicrosOfLwps([], 91), 0);
    assert.throws(() => cpuMicrosOfLwps([kinfo(992, [[220, 'i32', 5]])], 91), { code: 'EBADMSG' });
  });
});

describe('DragonFly kern.file', () => {
  const file = (pid: number, fd: number, size = 72n) =>
    image(72, [
      [0, 'u64', size], // f_size
      [8, 'i32', pid], // f_pid
      [16, 'i32', fd], // f_fd
    ]);

  it("counts the records of one process among every process's", () => {
    const buf = Buffer.concat([file(1, 0), file(91, 0), file(91, 1), file(7, 3), file(91, 9)]);
    assert.equal(countFileRecords(buf, 91), 3);
    assert.equal(countFileRecords(buf, 2), 0);
  });

  it('refuses a record whose f_size is not sizeof(struct kinfo_file), or a ragged answer', () => {
    assert.throws(() => countFileRecords(file(1, 0, 80n), 1), { code: 'EBADMSG' });
    assert.throws(() => countFileRecords(Buffer.alloc(100), 1), { code: 'EBADMSG' });
  });
});

const INF = (1n << 63n) - 1n;
const RLIMIT = [
  'cpu -1 -1',
  'fsize -1 -1',
  'data 536870912 -1',
  'stack 8388608 536870912',
  'core -1 -1',
  'rss -1 -1',
  'memlock -1 -1',
  'nproc 2730 2730',
  'nofile 16384 16384',
  'sbsize -1 -1',
  'vmem -1 -1',
  'posixlock -1 -1',
  '',
].join('\n');

describe('parseDragonflyRlimit', () => {
  it('reads the line of the resource number, -1 as RLIM_INFINITY', () => {
    assert.deepEqual(parseDragonflyRlimit(RLIMIT, 8, INF), [16384n, 16384n]);
    assert.deepEqual(parseDragonflyRlimit(RLIMIT, 3, INF), [8388608n, 536870912n]);
    assert.deepEqual(parseDragonflyRlimit(RLIMIT, 2, INF), [536870912n, INF]);
  });

  it('a missing line is a format error', () => {
    assert.throws(() => parseDragonflyRlimit(RLIMIT, 12, INF), { code: 'EBADMSG' });
  });
});

describe('parseDragonflyStatus', () => {
  it('reads the name, pgid, sid, the groups (egid first) and the start time', () => {
    const s = parseDragonflyStatus(
      'sleep 812 1 812 700 -1,-1 noflags 1700000000,5000 0,0 0,1000 nanslp 0 0 0,0,5,69 -\n',
    );
    assert.deepEqual(s, {
      comm: 'sleep',
      pid: 812,
      pgid: 812,
      sid: 700,
      groups: [0, 5, 69],
      startMicros: 1_700_000_000_005_000,
    });
  });

  it('a command name with spaces does not shift the fields (the Python original split on spaces)', () => {
    const s = parseDragonflyStatus(
      'a b 7 c 44 1 44 40 5,1 ctty 1700000000,9 0,0 0,0 ttyin 1001 1001 1001,1001 jail1\n',
    );
    assert.deepEqual([s.comm, s.pid, s.pgid, s.sid, s.groups], ['a b 7 c', 44, 44, 40, [1001]]);
  });

  it('other text is a format error', () => {
    assert.throws(() => parseDragonflyStatus('garbage\n'), { code: 'EBADMSG' });
  });
});
