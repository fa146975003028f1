// NetBSD procfs text as procfs_status.c and procfs_limit.c print it. Covers
// src/backends/netbsd/parse-limit.ts and parse-status.ts.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseNetbsdLimit } from '../../../../src/backends/netbsd/parse-limit.js';
import { parseNetbsdStatus } from '../../../../src/backends/netbsd/parse-status.js';

// "%20.20s " label, then "%20jd" or "%#20jx" (RLIM_INFINITY) for soft and hard.
function limitLine(label: string, soft: string, hard: string): string {
  return `${label.padStart(20)} ${soft.padStart(20)} ${hard.padStart(20)}\n`;
}
const INF = '0x7fffffffffffffff';
const LIMIT = [
  limitLine('cputime', INF, INF),
  limitLine('filesize', INF, INF),
  limitLine('datasize', '268435456', '3221225472'),
  limitLine('stacksize', '4194304', '67108864'),
  limitLine('coredumpsize', INF, INF),
  limitLine('memoryuse', '4110143488', '4110143488'),
  limitLine('memorylocked', '1370047829', '4110143488'),
  limitLine('maxproc', '160', '1044'),
  limitLine('descriptors', '128', '3404'),
].join('');

describe('parseNetbsdLimit', () => {
  it('reads the line of the resource number, hex RLIM_INFINITY included', () => {
    assert.deepEqual(parseNetbsdLimit(LIMIT, 8), [128n, 3404n]);
    assert.deepEqual(parseNetbsdLimit(LIMIT, 0), [(1n << 63n) - 1n, (1n << 63n) - 1n]);
    assert.deepEqual(parseNetbsdLimit(LIMIT, 2), [268435456n, 3221225472n]);
  });

  it('a resource the kernel did not print is a format error', () => {
    assert.throws(() => parseNetbsdLimit(LIMIT, 11), { code: 'EBADMSG' });
    assert.throws(() => parseNetbsdLimit('', 0), { code: 'EBADMSG' });
  });
});

describe('parseNetbsdStatus', () => {
  it('reads the name, pgid, sid, the groups after the egid and the start time', () => {
    const s = parseNetbsdStatus('sleep 812 1 812 700 -1,-1 noflags 1700000000,5000 0,0 0,1000 nanoslp 0 0,0,5,69\n');
    assert.deepEqual(s, {
      comm: 'sleep',
      pid: 812,
      pgid: 812,
      sid: 700,
      groups: [0, 5, 69],
      startMicros: 1_700_000_000_005_000,
    });
  });

  it('a command name with spaces and digits does not shift the fields', () => {
    const s = parseNetbsdStatus('my 2 app 9 3 1 3 3 5,0 ctty,sldr 1700000000,1 0,0 0,0 ttyin 1000 100\n');
    assert.equal(s.comm, 'my 2 app 9');
    assert.equal(s.pid, 3);
    assert.equal(s.pgid, 3);
    assert.equal(s.sid, 3);
    assert.deepEqual(s.groups, []);
  });

  it('the name is UTF-8 from the bytes procfs printed (read as latin1)', () => {
    const text = Buffer.from('café 5 1 5 5 -1,-1 noflags 1,0 0,0 0,0 nochan 0 0\n').toString('latin1');
    assert.equal(parseNetbsdStatus(text).comm, 'café');
  });

  it('-1,-1 (not in memory) is an unknown start time', () => {
    assert.equal(parseNetbsdStatus('x 5 1 5 5 -1,-1 noflags -1,-1 0,0 0,0 nochan 0 0\n').startMicros, undefined);
  });

  it('IDs of 2^31 and up, which "%d" prints negative, are read back as the unsigned ID', () => {
    // euid 4294967294 (nobody on some systems) prints -2; gid 2^31 prints -2147483648.
    const s = parseNetbsdStatus('svc 40 1 40 40 -1,-1 noflags 1700000000,0 0,0 0,0 nanoslp -2 -2,-2147483648,-1,100\n');
    assert.deepEqual(s.groups, [2 ** 31, 2 ** 32 - 1, 100]);
    assert.equal(s.pid, 40);
  });

  it('an ID outside the 32-bit %d range is a format error', () => {
    assert.throws(() => parseNetbsdStatus('x 5 1 5 5 -1,-1 noflags 1,0 0,0 0,0 nochan 0 0,-2147483649\n'), {
      code: 'EBADMSG',
    });
    assert.throws(() => parseNetbsdStatus('x 5 1 5 5 -1,-1 noflags 1,0 0,0 0,0 nochan 2147483648 0\n'), {
      code: 'EBADMSG',
    });
  });

  it('other text is a format error', () => {
    assert.throws(() => parseNetbsdStatus('Name:\tsleep\nPid:\t1\n'), { code: 'EBADMSG' });
  });
});
