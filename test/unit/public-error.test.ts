// toPublicError: the one translation of internal failures, fed failures of
// the shapes the backends and runtimes throw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AccessDenied } from '../../src/errors.js';
import { toPublicError } from '../../src/public-error.js';
import { currentProcfsView } from '../../src/procfs-path.js';
import { unsupportedBackend } from '../../src/backends/unsupported.js';
import { malformed, unsupported } from '../../src/failures.js';

const translate = (err: unknown): Error =>
  toPublicError(err, 1234, unsupportedBackend, 'procGetName', currentProcfsView());

test("a runtime's own refusal (Deno's NotCapable, PermissionDenied) is AccessDenied, keeping the cause", () => {
  for (const name of ['NotCapable', 'PermissionDenied']) {
    const raw = new Error('Requires read access to "/proc/1234/status", run again with the --allow-read flag');
    raw.name = name;
    const err = translate(raw);
    assert.ok(err instanceof AccessDenied, name);
    assert.equal(err.code, 'EACCES');
    assert.equal(err.cause, raw);
  }
  // The message says which permission Deno wants.
  const read = new Error('Requires read access to "/host/proc/1234/status", run again with the --allow-read flag');
  read.name = 'NotCapable';
  assert.match(translate(read).message, /Deno needs --allow-read to read \/host\/proc\/1234\/status/);
  // /proc is opened by -A alone, whichever flag Deno names.
  for (const flag of ['--allow-all', '--allow-read']) {
    const proc = new Error(`Requires read access to "/proc/1234/status", run again with the ${flag} flag`);
    proc.name = 'NotCapable';
    assert.match(translate(proc).message, /Deno needs --allow-all \(-A\) to read \/proc\/1234\/status/);
  }
  const unknown = new Error('refused');
  unknown.name = 'PermissionDenied';
  assert.match(translate(unknown).message, /the runtime does not allow it/);
  // Any other error without a code passes through as it is.
  const other = new Error('x');
  assert.equal(translate(other), other);
});

test('a malformed file names its full path and the field; ENOTSUP names function, platform and reason', () => {
  const err = translate(malformed('status', 'Umask')) as Error & { code: string; path: string };
  assert.equal(err.code, 'EBADMSG');
  assert.equal(err.path, `${currentProcfsView().root}/1234/status`);
  assert.match(err.message, /unexpected format of Umask/);
  const notSup = translate(unsupported('procGetName', 'procfs is not mounted')) as Error & { code: string };
  assert.equal(notSup.code, 'ENOTSUP');
  assert.match(notSup.message, /^ENOTSUP: operation not supported, procGetName \(procfs is not mounted\)$/);
});
