// A procfs tree of another OS in a temporary directory, for driving a backend's
// file route on this machine (setProcfsPath points the backend at it).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setProcfsPath } from '../../src/procfs-path.js';

export interface ProcTree {
  readonly root: string;
  write(pid: number | string, name: string, content: string | Buffer): void;
  remove(pid: number | string): void;
  /** Points the library back at /proc and deletes the tree. */
  dispose(): void;
}

export function procTree(): ProcTree {
  const root = mkdtempSync(join(tmpdir(), 'psutil-extra-proc-'));
  setProcfsPath(root);
  return {
    root,
    write(pid, name, content) {
      mkdirSync(join(root, String(pid)), { recursive: true });
      writeFileSync(join(root, String(pid), name), content);
    },
    remove(pid) {
      rmSync(join(root, String(pid)), { recursive: true, force: true });
    },
    dispose() {
      setProcfsPath('/proc');
      rmSync(root, { recursive: true, force: true });
    },
  };
}
