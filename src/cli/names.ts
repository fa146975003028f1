// User and group names from /etc/passwd and /etc/group, read once when first
// asked; ids without an entry (or without readable files) have no name.
import { parseIdNames } from './proc-text.js';
import { readText } from './system.js';

export interface Names {
  user(uid: number): string | undefined;
  group(gid: number): string | undefined;
}

/** Names from the local files. NSS sources (LDAP, systemd-userdb) are not consulted. */
export function localNames(): Names {
  let users: Map<number, string> | undefined;
  let groups: Map<number, string> | undefined;
  return {
    user(uid) {
      users ??= parseIdNames(readText('/etc/passwd') ?? '');
      return users.get(uid);
    },
    group(gid) {
      groups ??= parseIdNames(readText('/etc/group') ?? '');
      return groups.get(gid);
    },
  };
}
