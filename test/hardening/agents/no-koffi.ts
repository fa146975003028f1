// Preloaded with --require: makes require('koffi') fail the way it does on a
// machine without a usable koffi binary, so the library's no-FFI path runs.
import Module = require('node:module');

interface Loader {
  _load(request: string, parent: unknown, isMain: boolean): unknown;
}

const loader = Module as unknown as Loader;
const original = loader._load.bind(loader);
loader._load = (request, parent, isMain) => {
  if (request === 'koffi' || request.startsWith('koffi/')) {
    const err = new Error(`Cannot find module '${request}' (no koffi binary for this platform)`) as Error & {
      code: string;
    };
    err.code = 'MODULE_NOT_FOUND';
    throw err;
  }
  return original(request, parent, isMain);
};
