// FreeBSD kinfo_proc and kinfo_file images built at the offsets of the facts
// sheet ("FreeBSD").
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  countDescriptors,
  decodeGroupList,
  decodeKinfoProc,
  decodeKinfoProcList,
  decodeRlimit,
  decodeUmask,
  encodeRlimit,
} from '../../../../src/backends/freebsd/decode.js';
import { image, sigWords } from '../../../helpers/image.js';

const GROUPS = Array.from({ length: 16 }, (_, i) => 1000 + i);

function kinfo(extra: Parameters<typeof image>[1] = []): Buffer {
  return image(1088, [
    [0, 'i32', 1088], // ki_structsize
    [72, 'i32', 4242], // ki_pid
    [80, 'i32', 4200], // ki_pgid
    [88, 'i32', 4100], // ki_sid
    [104, 'u32[]', sigWords([2, 65])], // ki_siglist
    [120, 'u32[]', sigWords([15, 33, 128])], // ki_sigmask
    [136, 'u32[]', sigWords([13])], // ki_sigignore
    [152, 'u32[]', sigWords([1, 34])], // ki_sigcatch
    [188, 'i16', 16], // ki_ngroups
    [192, 'u32[]', GROUPS], // ki_groups
    [336, 'i64', 1_700_000_000n], // ki_start.tv_sec
    [344, 'i64', 123_456n], // ki_start.tv_usec
    [388, 'i8', 3], // ki_stat: SSLEEP
    ...extra,
  ]);
}

describe('FreeBSD decodeKinfoProc', () => {
  it('reads ids, 128-bit signal sets, groups and the start time', () => {
    const r = decodeKinfoProc(kinfo());
    assert.equal(r.pid, 4242);
    assert.equal(r.pgid, 4200);
    assert.equal(r.sid, 4100);
    assert.deepEqual([...r.sigmasks.pending], [2, 65]);
    assert.deepEqual([...r.sigmasks.processPending], [2, 65]);
    assert.deepEqual([...r.sigmasks.blocked], [15, 33, 128]);
    assert.deepEqual([...r.sigmasks.ignored], [13]);
    assert.deepEqual([...r.sigmasks.caught], [1, 34]);
    assert.deepEqual(r.groups, GROUPS);
    assert.equal(r.groupsTruncated, false);
    assert.equal(r.startMicros, 1_700_000_000_123_456);
    assert.equal(r.zombie, false);
  });

  it('flags a truncated 16-entry group list (KI_CRF_GRP_OVERFLOW in ki_cr_flags)', () => {
    const r = decodeKinfoProc(kinfo([[588, 'u32', 0x80000000]]));
    assert.equal(r.groups.length, 16);
    assert.equal(r.groupsTruncated, true);
  });

  it('knows a zombie (SZOMB) and keeps its start time', () => {
    const r = decodeKinfoProc(kinfo([[388, 'i8', 5]]));
    assert.equal(r.zombie, true);
    assert.equal(r.startMicros, 1_700_000_000_123_456);
  });

  it('refuses a record whose size or ki_structsize is not KINFO_PROC_SIZE', () => {
    assert.throws(() => decodeKinfoProc(Buffer.alloc(1088)), { code: 'EBADMSG' });
    assert.throws(() => decodeKinfoProc(kinfo().subarray(0, 1000)), { code: 'EBADMSG' });
  });
});

describe('FreeBSD per-PID nodes', () => {
  it('KERN_PROC_GROUPS: the whole list, more than 16 entries', () => {
    const list = Array.from({ length: 40 }, (_, i) => 5000 + i);
    assert.deepEqual(decodeGroupList(image(160, [[0, 'u32[]', list]])), list);
    assert.deepEqual(decodeGroupList(Buffer.alloc(0)), []);
    assert.throws(() => decodeGroupList(Buffer.alloc(6)), { code: 'EBADMSG' });
  });

  it('KERN_PROC_GROUPS on FreeBSD 15: cr_gid, then the supplementary groups, read egid first as on 14', () => {
    // 14: cr_groups copied whole, cr_groups[0] being the egid.
    const on14 = image(12, [[0, 'u32[]', [20, 0, 5]]]);
    // 15: SYSCTL_OUT of cr_gid, then cr_ngroups entries of cr_groups (supplementary only).
    const on15 = Buffer.concat([image(4, [[0, 'u32', 20]]), image(8, [[0, 'u32[]', [0, 5]]])]);
    assert.deepEqual(decodeGroupList(on14), [20, 0, 5]);
    assert.deepEqual(decodeGroupList(on15), decodeGroupList(on14));
    // An egid that is also a supplementary group on 15 is listed twice, as the kernel gives it.
    const twice = Buffer.concat([image(4, [[0, 'u32', 20]]), image(8, [[0, 'u32[]', [20, 5]]])]);
    assert.deepEqual(decodeGroupList(twice), [20, 20, 5]);
  });

  it('KERN_PROC_RLIMIT: struct rlimit both ways, RLIM_INFINITY = 2**63 - 1', () => {
    const inf = (1n << 63n) - 1n;
    const buf = image(16, [
      [0, 'u64', 1024n],
      [8, 'u64', inf],
    ]);
    assert.deepEqual(decodeRlimit(buf), [1024n, inf]);
    assert.deepEqual(encodeRlimit([1024n, inf]), buf);
    assert.throws(() => decodeRlimit(Buffer.alloc(8)), { code: 'EBADMSG' });
  });

  it('KERN_PROC_UMASK: a u_short', () => {
    assert.equal(decodeUmask(Buffer.from([0x12, 0x00])), 0o22);
    assert.throws(() => decodeUmask(Buffer.alloc(4)), { code: 'EBADMSG' });
  });
});

describe('FreeBSD name, uids and usage figures', () => {
  const named = (extra: Parameters<typeof image>[1] = []) => {
    const buf = kinfo([
      [168, 'u32', 1001], // ki_uid (effective)
      [172, 'u32', 1000], // ki_ruid
      [176, 'u32', 1002], // ki_svuid
      [256, 'u64', 3n << 30n], // ki_size, bytes
      [264, 'i64', 2500n], // ki_rssize, pages
      [288, 'i64', 700n], // ki_dsize, pages
      [296, 'i64', 32n], // ki_ssize, pages
      [328, 'u64', 90_250_000n], // ki_runtime, microseconds
      ...extra,
    ]);
    Buffer.from('münchen\0').copy(buf, 447); // ki_comm[20]
    return buf;
  };

  it('reads ki_comm as UTF-8 and the real, effective and saved uids', () => {
    const r = decodeKinfoProc(named());
    assert.equal(r.name, 'münchen');
    assert.deepEqual(r.uids, { real: 1000, effective: 1001, saved: 1002 });
  });

  it('usage: ki_runtime in µs, ki_size in bytes, the rest in pages', () => {
    assert.deepEqual(decodeKinfoProc(named()).usage, {
      cpuMicros: 90_250_000,
      virtualBytes: 3 * 2 ** 30,
      residentPages: 2500,
      dataPages: 700,
      stackPages: 32,
    });
  });

  it('a zombie keeps its run time and has no memory figures', () => {
    assert.deepEqual(decodeKinfoProc(named([[388, 'i8', 5]])).usage, { cpuMicros: 90_250_000 });
  });

  it('KERN_PROC_PROC: records of KINFO_PROC_SIZE end to end', () => {
    const list = Buffer.concat([kinfo(), kinfo([[72, 'i32', 0]])]);
    assert.deepEqual(
      decodeKinfoProcList(list).map((r) => r.pid),
      [4242, 0],
    );
    assert.throws(() => decodeKinfoProcList(list.subarray(0, 1500)), { code: 'EBADMSG' });
  });
});

/** A packed kinfo_file: kf_structsize (rounded up to 8 by pack_kinfo), kf_type, kf_fd. */
function kinfoFile(fd: number, structsize = 1392): Buffer {
  return image(structsize, [
    [0, 'i32', structsize],
    [4, 'i32', 1], // kf_type: KF_TYPE_VNODE
    [8, 'i32', fd],
  ]);
}

describe('FreeBSD KERN_PROC_FILEDESC', () => {
  it('counts the records with kf_fd >= 0, not the cwd, root, text or jail vnodes', () => {
    const buf = Buffer.concat([
      kinfoFile(-1, 104), // KF_FD_TYPE_CWD, packed short
      kinfoFile(-2, 104), // KF_FD_TYPE_ROOT
      kinfoFile(-5, 112), // KF_FD_TYPE_TEXT
      kinfoFile(0, 120),
      kinfoFile(1, 1392),
      kinfoFile(7, 200),
    ]);
    assert.equal(countDescriptors(buf), 3);
    assert.equal(countDescriptors(Buffer.alloc(0)), 0);
  });

  it('refuses a kf_structsize that is not a multiple of 8, too small, or past the end', () => {
    assert.throws(() => countDescriptors(kinfoFile(0, 100)), { code: 'EBADMSG' });
    assert.throws(() => countDescriptors(image(16, [[0, 'i32', 8]])), { code: 'EBADMSG' });
    assert.throws(() => countDescriptors(kinfoFile(0, 120).subarray(0, 64)), { code: 'EBADMSG' });
  });
});
