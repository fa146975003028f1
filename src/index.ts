// The public surface of psutil-extra: re-exports only.
import * as api from './api.js';

// The functions are exported as data properties, not through the accessors
// tsc writes for `export { ... } from`: a CommonJS caller's pkg.procGetpgid(pid),
// and TypeScript compiled to CommonJS, would otherwise call a getter on every
// use, a measurable part of a 300 ns call (issue 4). Their documentation is on
// their declarations in api.ts.
export const {
  procGetUmask,
  procGetgroups,
  procGetrlimit,
  procRlimit,
  procGetpgid,
  procGetsid,
  procGetSigmasks,
  procAsDict,
  oneshotProc,
  AS_DICT_ATTRS,
} = api;
export type {
  ProcLike,
  Resource,
  RlimitOptions,
  Limits,
  BigLimits,
  LimitValue,
  Sigmasks,
  AsDictAttr,
  AsDictOptions,
  ProcInfo,
} from './api.js';
export { Process } from './process.js';
export { PsutilError, NoSuchProcess, ZombieProcess, AccessDenied } from './errors.js';
export type { SystemError } from './errors.js';
export { constants } from './constants.js';
export type { Constants } from './constants.js';
export { availability, platform } from './availability-public.js';
export { getProcfsPath, setProcfsPath } from './procfs-path.js';
