// User and group names from /etc/passwd and /etc/group (passwd(5), group(5)),
// read once when first asked; ids without an entry (or without readable
// files, as on Windows) have no name. Names are returned as the files spell
// them: whoever prints one passes it through visible() first.
import { readText } from './system.js';

export interface Names {
  user(uid: number): string | undefined;
  group(gid: number): string | undefined;
  /** The uid of a user name, or undefined when the name is not in the file. */
  uidOf(name: string): number | undefined;
}

/** Names from the local files. NSS sources (LDAP, systemd-userdb) are not consulted. */
export function localNames(): Names {
  let users: IdNames | undefined;
  let groups: IdNames | undefined;
  const passwd = (): IdNames => (users ??= parseIdNames(readText('/etc/passwd') ?? ''));
  return {
    user: (uid) => passwd().byId.get(uid),
    group(gid) {
      groups ??= parseIdNames(readText('/etc/group') ?? '');
      return groups.byId.get(gid);
    },
    uidOf: (name) => passwd().byName.get(name),
  };
}

export interface IdNames {
  readonly byId: Map<number, string>;
  readonly byName: Map<string, number>;
}

/** id → name and name → id from /etc/passwd or /etc/group (name is field 1, the id field 3); the first entry wins. */
export function parseIdNames(text: string): IdNames {
  const byId = new Map<number, string>();
  const byName = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const fields = line.split(':');
    const name = fields[0];
    const idText = fields[2];
    if (!name || idText === undefined || !/^[0-9]+$/.test(idText)) continue;
    const id = Number(idText);
    if (!byId.has(id)) byId.set(id, name);
    if (!byName.has(name)) byName.set(name, id);
  }
  return { byId, byName };
}
