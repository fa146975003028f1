// The public surface of psutil-extra: re-exports only.
export {
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
} from './api.js';
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
