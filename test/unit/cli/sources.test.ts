// The command's sources (src/cli/*.ts) as a whole: it is a client of the
// public API like any other program, so it imports the library only through
// the package entry, and reads nothing under /proc itself; its own reads are
// /etc/passwd, /etc/group and package.json, all in system.ts.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../helpers/paths.js';

const CLI = join(ROOT, 'src', 'cli');
const sources = readdirSync(CLI)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => ({ name, text: readFileSync(join(CLI, name), 'utf8') }));

void test('the library is imported through its package entry only', () => {
  for (const { name, text } of sources) {
    for (const [, spec] of text.matchAll(/(?:from|require\()\s*['"]([^'"]+)['"]/g)) {
      if (spec!.startsWith('./') || spec!.startsWith('node:')) continue;
      assert.equal(spec, '../index.js', `${name} imports ${spec}`);
    }
  }
});

void test('no /proc path, and the file system only in system.ts', () => {
  for (const { name, text } of sources) {
    assert.doesNotMatch(text, /['"`]\/proc\b/, name);
    if (name !== 'system.ts') assert.doesNotMatch(text, /node:fs/, name);
  }
  const system = sources.find((s) => s.name === 'system.ts')!.text;
  assert.match(system, /readFileSync/);
  assert.doesNotMatch(system, /readdirSync|openSync|readSync/);
});
