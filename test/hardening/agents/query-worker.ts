// A worker_threads body for the concurrency test: loads the built package in
// its own thread and checks many calls on processes whose state is known.
import { parentPort, workerData } from 'node:worker_threads';
import { DIST } from '../support.js';

type Lib = typeof import('../../../src/index.js');

export interface Known {
  pid: number;
  umask: number;
  sid: number;
  nofile: [number, number];
}

const lib = require(DIST) as Lib;
const { known, iterations, seed } = workerData as { known: Known[]; iterations: number; seed: number };

let state = seed;
function random(n: number): number {
  state = (state * 1103515245 + 12345) % 2147483648;
  return state % n;
}

let calls = 0;
const wrong: string[] = [];

function expect(what: string, got: unknown, want: unknown): void {
  calls++;
  if (JSON.stringify(got) !== JSON.stringify(want))
    wrong.push(`${what}: ${JSON.stringify(got)} != ${JSON.stringify(want)}`);
}

for (let i = 0; i < iterations; i++) {
  const k = known[random(known.length)]!;
  expect(`umask(${k.pid})`, lib.procGetUmask(k.pid), k.umask);
  expect(`sid(${k.pid})`, lib.procGetsid(k.pid), k.sid);
  expect(`nofile(${k.pid})`, lib.procGetrlimit(k.pid, 'nofile'), k.nofile);
  expect(`asDict(${k.pid})`, lib.procAsDict(k.pid, { attrs: ['umask', 'sid'] }), { umask: k.umask, sid: k.sid });
  const other = known[random(known.length)]!;
  lib.oneshotProc(k.pid, () => {
    expect(`oneshot umask(${k.pid})`, lib.procGetUmask(k.pid), k.umask);
    expect(`nested umask(${other.pid})`, lib.procGetUmask(other.pid), other.umask);
    expect(`oneshot sid(${k.pid})`, lib.procGetsid(k.pid), k.sid);
  });
  const handle = new lib.Process(k.pid);
  expect(`handle umask(${k.pid})`, handle.getUmask(), k.umask);
  handle.close();
}

parentPort?.postMessage({ calls, wrong: wrong.slice(0, 20) });
