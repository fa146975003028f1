// DragonFly kinfo_proc images built at the offsets of the facts sheet §7.2,
// and procfs text as procfs_status.c and procfs_rlimit.c print it. Covers
// src/backends/dragonfly/decode.ts and the parse-rlimit.ts and parse-status.ts
// beside it.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { decodeKinfoProc } from '../../../../src/backends/dragonfly/decode.js';
import { parseDragonflyRlimit } from '../../../../src/backends/dragonfly/parse-rlimit.js';
import { parseDragonflyStatus } from '../../../../src/backends/dragonfly/parse-status.js';
import { image } from '../../../helpers/image.js';

function kinfo(size: number): Buffer {
  return image(size, [
    [12, 'i32', 2], // kp_stat: SACTIVE
    [96, 'i64', 1_690_000_000n], // kp_start.tv_sec
    [104, 'i64', 7n], // kp_start.tv_usec
    [136, 'i16', 3], // kp_ngroups
    [140, 'u32[]', [0, 0, 5]], // kp_groups: egid first
    [220, 'i32', 91], // kp_pid
    [228, 'i32', 90], // kp_pgid
    [236, 'i32', 80], // kp_sid
  ]);
}

describe('DragonFly decodeKinfoProc', () => {
  it('reads both record sizes (976, and 992 with kinfo_lwp.kl_comm)', () => {
    for (const size of [976, 992]) {
      const r = decodeKinfoProc(kinfo(size));
      assert.deepEqual(
        [r.pid, r.pgid, r.sid, r.groups, r.startMicros, r.zombie],
        [91, 90, 80, [0, 0, 5], 1_690_000_000_000_007, false],
      );
    }
  });

  it('refuses any other size', () => {
    assert.throws(() => decodeKinfoProc(Buffer.alloc(1024)), { code: 'EBADMSG' });
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
  it('reads pgid, sid, the groups (egid first) and the start time', () => {
    const s = parseDragonflyStatus(
      'sleep 812 1 812 700 -1,-1 noflags 1700000000,5000 0,0 0,1000 nanslp 0 0 0,0,5,69 -\n',
    );
    assert.deepEqual(s, { pid: 812, pgid: 812, sid: 700, groups: [0, 5, 69], startMicros: 1_700_000_000_005_000 });
  });

  it('a command name with spaces does not shift the fields (the Python original split on spaces)', () => {
    const s = parseDragonflyStatus(
      'a b 7 c 44 1 44 40 5,1 ctty 1700000000,9 0,0 0,0 ttyin 1001 1001 1001,1001 jail1\n',
    );
    assert.deepEqual([s.pid, s.pgid, s.sid, s.groups], [44, 44, 40, [1001]]);
  });

  it('other text is a format error', () => {
    assert.throws(() => parseDragonflyStatus('garbage\n'), { code: 'EBADMSG' });
  });
});
