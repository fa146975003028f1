// Writes dist/index.mjs and dist/index.d.mts: an ES module face over the one
// CommonJS build, so `import` and `require` share the same classes (instanceof
// NoSuchProcess holds whichever way the package was loaded).
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const names = Object.keys(require('../dist/index.js'))
  .filter((n) => n !== '__esModule' && n !== 'default')
  .sort();
// require() rather than `import cjs from './index.js'`: Deno takes a .js file
// outside node_modules for an ES module whatever package.json's "type" says,
// so importing dist/index.mjs by path would find no default export there.
const lines = [
  "import { createRequire } from 'node:module';",
  '',
  "const cjs = createRequire(import.meta.url)('./index.js');",
  '',
  `export const { ${names.join(', ')} } = cjs;`,
  'export default cjs;',
  '',
];
writeFileSync(new URL('../dist/index.mjs', import.meta.url), lines.join('\n'));
writeFileSync(
  new URL('../dist/index.d.mts', import.meta.url),
  "export * from './index.js';\nimport * as all from './index.js';\nexport default all;\n",
);
