// The README's availability table is generated from src/availability.ts (by
// scripts/availability-table.mjs); this fails when someone edits one without
// the other.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { FUNCTIONS, PLATFORMS } from '../../src/availability.js';
import { availabilityTable } from '../../src/availability-table.js';
import type * as TableScript from '../../scripts/availability-table.mjs' with { 'resolution-mode': 'import' };
import { ROOT } from '../helpers/paths.js';

describe('README ## Platforms', () => {
  it('holds exactly the table scripts/availability-table.mjs renders from the data', async () => {
    const script = (await import(pathToFileURL(`${ROOT}/scripts/availability-table.mjs`).href)) as typeof TableScript;
    const readme = readFileSync(`${ROOT}/README.md`, 'utf8');
    assert.match(readme, /^## Platforms$/m);
    assert.equal(readme, script.withTable(readme), 'run: node scripts/availability-table.mjs --write');
  });

  it('the rendered table has one tick per available function and platform', async () => {
    const script = (await import(pathToFileURL(`${ROOT}/scripts/availability-table.mjs`).href)) as typeof TableScript;
    const rows = script
      .renderTable()
      .split('\n')
      .filter((l) => l.startsWith('| `'));
    assert.equal(rows.length, FUNCTIONS.length);
    const columns = PLATFORMS.filter((p) => p !== 'other');
    FUNCTIONS.forEach((fn, i) => {
      const cells = rows[i]!.split('|').slice(2, -1);
      columns.forEach((p, j) => assert.equal(cells[j]!.includes('✓'), availabilityTable()[p][fn], `${fn} on ${p}`));
    });
  });
});
