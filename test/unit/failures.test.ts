// errorCode: the errno name of whatever a backend or the runtime throws.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { OsError, errorCode } from '../../src/failures.js';

describe('errorCode', () => {
  it("takes Node's fs error code", () => {
    assert.throws(
      () => readFileSync('/nonexistent/psutil-extra'),
      (err) => errorCode(err) === 'ENOENT',
    );
  });

  it("takes an OsError's code", () => {
    assert.equal(errorCode(new OsError('EBADMSG', 'procGetUmask')), 'EBADMSG');
  });

  it('names the errno of an error that carries only "(os error N)", as Deno gives ESRCH', () => {
    // The message Deno 2.9's node:fs throws for an access under a reaped /proc/PID.
    const denoError = new Error("No such process (os error 3): lstat '/proc/self/fd/24/stat'");
    assert.equal(errorCode(denoError), 'ESRCH');
    assert.equal(errorCode(new Error('Resource temporarily unavailable (os error 11)')), 'EAGAIN');
  });

  it('gives undefined for anything else', () => {
    assert.equal(errorCode(new Error('plain')), undefined);
    assert.equal(errorCode(new Error('(os error 99999)')), undefined);
    assert.equal(errorCode('ENOENT'), undefined);
    assert.equal(errorCode({ code: 3 }), undefined);
  });
});
