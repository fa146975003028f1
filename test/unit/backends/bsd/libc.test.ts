// Binding another OS's libc on this Linux machine: it must fail with one clear
// FfiUnavailable (never reach a foreign function), and keep failing the same way.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { type LibcSpec, bsdLibc } from '../../../../src/backends/bsd/libc.js';
import { FfiUnavailable, ffiAvailable } from '../../../../src/ffi/koffi.js';

describe('bsdLibc', { skip: !ffiAvailable() && 'koffi does not load here' }, () => {
  it('names the OS whose C library is absent, and keeps that answer', () => {
    const spec: LibcSpec = { platform: 'FreeBSD', paths: () => ['libc.so.7'], errnoSymbol: '__error' };
    let first: unknown;
    assert.throws(
      () => bsdLibc(spec),
      (err: unknown) => {
        first = err;
        return err instanceof FfiUnavailable && /FreeBSD C library could not be loaded.*libc\.so\.7/.test(err.message);
      },
    );
    assert.throws(
      () => bsdLibc(spec),
      (err: unknown) => err === first,
    );
  });

  it("refuses a library that lacks the OS's symbols (glibc has no sysctl since 2.32)", () => {
    const spec: LibcSpec = { platform: 'Test', paths: () => ['libc.so.6'], errnoSymbol: '__errno_location' };
    assert.throws(
      () => bsdLibc(spec),
      (err: unknown) => err instanceof FfiUnavailable && /lacks a needed symbol/.test(err.message),
    );
  });

  it('with no candidate path at all', () => {
    const spec: LibcSpec = { platform: 'OpenBSD', paths: () => [], errnoSymbol: '__errno' };
    assert.throws(() => bsdLibc(spec), /OpenBSD C library could not be loaded \(no candidate found\)/);
  });
});
