// A --require preload that makes this Node process look like another OS before
// the package is imported: process.platform and os.type() answer what
// PSUTIL_EXTRA_SIMULATE says ("platform:ostype[:koffi-first]"). With
// koffi-first, koffi is loaded under the real platform first, so its native
// module works and the simulated backend fails at its own C library instead.
const os = require('node:os') as typeof import('node:os');

const [platform = '', osType = '', mode] = (process.env.PSUTIL_EXTRA_SIMULATE ?? '').split(':');
if (mode === 'koffi-first') require('koffi');
Object.defineProperty(process, 'platform', { value: platform, configurable: true, enumerable: true });
Object.defineProperty(os, 'type', { value: () => osType, configurable: true, writable: true });
