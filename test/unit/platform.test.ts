import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { detectPlatform } from '../../src/platform.js';

describe('detectPlatform', () => {
  it('process.platform, with os.type() settling NetBSD and DragonFly', () => {
    const cases: [string, string, string][] = [
      ['linux', 'Linux', 'linux'],
      ['darwin', 'Darwin', 'darwin'],
      ['freebsd', 'FreeBSD', 'freebsd'],
      ['openbsd', 'OpenBSD', 'openbsd'],
      ['netbsd', 'NetBSD', 'netbsd'],
      ['freebsd', 'NetBSD', 'netbsd'],
      ['freebsd', 'DragonFly', 'dragonfly'],
      ['dragonfly', 'DragonFly', 'dragonfly'],
      ['sunos', 'SunOS', 'sunos'],
      ['win32', 'Windows_NT', 'other'],
      ['aix', 'AIX', 'other'],
      ['android', 'Linux', 'other'],
    ];
    for (const [platform, type, id] of cases) assert.equal(detectPlatform(platform, type), id, `${platform}/${type}`);
  });
});
