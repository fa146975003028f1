// The symbol through which a Process hands the facade its pinned target, so
// that free functions called with a Process read that very process.
export const TARGET = Symbol('psutil-extra.target');
