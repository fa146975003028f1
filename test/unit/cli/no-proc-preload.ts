// A --require preload for platform.simulated.test.ts (not a test itself):
// records every path under /proc that this process asks node:fs about, and
// writes them as the last line of stderr at exit: "PROC [paths]".
import fs = require('node:fs');

const asked: string[] = [];
const table = fs as unknown as Record<string, unknown>;
const NAMES = [
  'openSync',
  'open',
  'readFileSync',
  'readFile',
  'readdirSync',
  'readdir',
  'opendirSync',
  'statSync',
  'stat',
  'lstatSync',
  'existsSync',
  'accessSync',
  'readlinkSync',
  'realpathSync',
] as const;
for (const name of NAMES) {
  const original = table[name];
  if (typeof original !== 'function') continue;
  table[name] = function (this: unknown, path: unknown, ...rest: unknown[]): unknown {
    const text =
      path instanceof URL
        ? path.pathname
        : typeof path === 'string'
          ? path
          : path instanceof Buffer
            ? path.toString()
            : '';
    if (text === '/proc' || text.startsWith('/proc/')) asked.push(`${name} ${text}`);
    return (original as (...args: unknown[]) => unknown).call(this, path, ...rest);
  };
}

process.on('exit', () => {
  process.stderr.write(`\nPROC ${JSON.stringify(asked)}`);
});
