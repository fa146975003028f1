// A --require preload for runtime-denied.test.ts (not a test itself): node:fs
// refuses every path under /proc the way Deno does without --allow-read,
// with an Error named NotCapable and no errno code, before the kernel is asked.
import fs = require('node:fs');

const table = fs as unknown as Record<string, unknown>;
const SYNC = [
  'openSync',
  'readFileSync',
  'readdirSync',
  'statSync',
  'lstatSync',
  'accessSync',
  'opendirSync',
  'readlinkSync',
];
const CALLBACK = ['open', 'readFile', 'readdir', 'stat'];

function refusal(path: string): Error {
  const err = new Error(`Requires read access to "${path}", run again with the --allow-read flag`);
  err.name = 'NotCapable';
  return err;
}

function underProc(path: unknown): path is string {
  return typeof path === 'string' && (path === '/proc' || path.startsWith('/proc/'));
}

for (const name of [...SYNC, ...CALLBACK]) {
  const original = table[name] as (...args: unknown[]) => unknown;
  const callback = CALLBACK.includes(name);
  table[name] = function (this: unknown, path: unknown, ...rest: unknown[]): unknown {
    if (!underProc(path)) return original.call(this, path, ...rest);
    if (!callback) throw refusal(path);
    const done = rest[rest.length - 1] as (err: Error) => void;
    process.nextTick(() => done(refusal(path)));
    return undefined;
  };
}
const exists = fs.existsSync;
table['existsSync'] = (path: fs.PathLike): boolean => (underProc(path) ? false : exists(path));
