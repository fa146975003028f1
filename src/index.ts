// The public surface of psutil-extra: re-exports only.
import * as api from './api.js';
import * as publicAvailability from './availability-public.js';
import * as publicConstants from './constants.js';
import * as errors from './errors.js';
import * as handle from './process.js';
import * as procfsPath from './procfs-path.js';
import * as signalNames from './signal-names.js';
import * as signalSet from './signal-set.js';

// Everything is exported as a data property, none through the accessors tsc
// writes for `export { ... } from`. Each accessor would be a getter call on
// every pkg.procGetpgid(pid) from CommonJS; worse, tsc first declares every
// export as a data property and then redefines the re-exports as accessors,
// which turns the exports object into a dictionary, so that every property
// load on it becomes a hash lookup: about 80 instructions a call.
// The values never change, so a live binding gains nothing.
export const {
  procGetUmask,
  procGetgroups,
  procGetrlimit,
  procRlimit,
  procGetpgid,
  procGetsid,
  procGetSigmasks,
  procAsDict,
  procGetName,
  procGetUids,
  procGetCmdline,
  procGetrlimitUsage,
  procGetAllRlimits,
  procNumFds,
  pids,
  oneshotProc,
  AS_DICT_ATTRS,
} = api;
export type {
  ProcLike,
  Resource,
  ResourceName,
  ResourceBaseName,
  RlimitOptions,
  Limits,
  BigLimits,
  LimitValue,
  Sigmasks,
  AsDictAttr,
  DefaultAsDictAttr,
  AsDictOptions,
  ProcInfo,
  RlimitUsage,
  Uids,
} from './api.js';

// Classes are exported as a value and a type of the same name.
export const { Process } = handle;
export type Process = handle.Process;
export const { PsutilError, NoSuchProcess, ZombieProcess, AccessDenied } = errors;
export type PsutilError = errors.PsutilError;
export type NoSuchProcess = errors.NoSuchProcess;
export type ZombieProcess = errors.ZombieProcess;
export type AccessDenied = errors.AccessDenied;
export type { SystemError } from './errors.js';

export const { SignalSet } = signalSet;
export type SignalSet = signalSet.SignalSet;
export const { signalName } = signalNames;

export const { constants } = publicConstants;
export type { Constants, RlimitConstants } from './constants.js';
export const { availability, platform, platformName } = publicAvailability;
export const { getProcfsPath, setProcfsPath } = procfsPath;
