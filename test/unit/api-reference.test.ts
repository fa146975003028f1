// docs/api.md is generated from src/index.ts's exports and their doc comments
// (by scripts/api-reference.mjs); this fails when someone changes one without
// the other.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { FUNCTIONS } from '../../src/availability.js';
import type * as ApiScript from '../../scripts/api-reference.mjs' with { 'resolution-mode': 'import' };
import { ROOT } from '../helpers/paths.js';

describe('docs/api.md', () => {
  it('holds exactly what scripts/api-reference.mjs renders from the sources', async () => {
    const script = (await import(pathToFileURL(`${ROOT}/scripts/api-reference.mjs`).href)) as typeof ApiScript;
    const rendered = await script.renderReference();
    assert.equal(readFileSync(`${ROOT}/docs/api.md`, 'utf8'), rendered, 'run: node scripts/api-reference.mjs --write');
  });

  it('documents every public function with its errors and platforms, and is linked from the README', () => {
    const api = readFileSync(`${ROOT}/docs/api.md`, 'utf8');
    for (const fn of FUNCTIONS.filter((f) => f !== 'processIdentity')) {
      const start = api.indexOf(`### \`${fn}\``);
      assert.ok(start >= 0, `${fn} has a section`);
      const section = api.slice(start, api.indexOf('\n### ', start + 1));
      assert.match(section, /\*\*Throws\*\*/, `${fn} lists what it throws`);
      assert.match(section, /\*\*Platforms\*\* Linux/, `${fn} lists its platforms`);
    }
    assert.match(readFileSync(`${ROOT}/README.md`, 'utf8'), /\]\(docs\/api\.md\)/);
  });
});
