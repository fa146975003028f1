// The bench's reference rows claim to do the library's work without the
// library: that only holds if they get the library's answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { inlineAsDict, inlineSnapshot, readWithFs } from '../../../bench/reference.js';
import { procAsDict } from '../../../src/index.js';
import { deadPid, spawnCommand } from '../../helpers/children.js';
import { needs } from '../../helpers/requirements.js';

const NEEDS_SETPRIV = needs({ root: 'for setpriv to set groups', commands: ['setpriv'] });

test('the inline procAsDict answers what procAsDict answers', { skip: NEEDS_SETPRIV }, async (t) => {
  // A child with a umask of 027, SIGUSR2 ignored and groups of its own.
  const child = await spawnCommand(
    ['setpriv', '--groups', '4,24,100', '--', 'sh', '-c', "umask 027; trap '' USR2; exec sleep 60"],
    'sleep',
  );
  t.after(() => child.stop());
  const inline = inlineAsDict(child.pid);
  assert.ok(inline, 'the child answered');
  assert.deepEqual(inline, procAsDict(child.pid));
  assert.equal(inline.umask, 0o027);
  assert.deepEqual(inline.groups, [4, 24, 100]);
  assert.ok(inline.sigmasks?.ignored.has(12));
  // The same for this process, whose masks and groups differ.
  assert.deepEqual(inlineAsDict(process.pid), procAsDict(process.pid));
});

test('the inline snapshot answers for gone PIDs with undefined, and counts the live ones', () => {
  assert.equal(inlineAsDict(deadPid()), undefined);
  assert.ok(inlineSnapshot() >= 2, 'at least this process and its parent');
});

test('the node:fs reference read reads the whole status file', () => {
  assert.equal(readWithFs('/proc/self/status'), readFileSync('/proc/self/status').length);
});
