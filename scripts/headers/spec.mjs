// A spec made complete from the built modules, and the measured numbers
// compared with them.
import { requireBuilt } from './paths.mjs';

// Every field of the built layout, probed as the C member of the same name
// unless the spec names another (`ki_start_sec: 'ki_start.tv_sec'`), in the
// C type the layout names: a field added to a layout is probed without a
// change to the spec.
export function withMembers(s) {
  const layout = requireBuilt(`./${s.module}.js`)[s.layout];
  const members = Object.fromEntries(Object.keys(layout.fields).map((f) => [f, s.members?.[f] ?? f]));
  return { ...s, type: layout.name, members };
}

// Each `{ keysOf }` entry becomes one constant per key of the built object
// (optional where the entry names the key as one).
export function expandConstants(spec) {
  return spec.constants.flatMap((c) => {
    if (!c.keysOf) return [c];
    const { module, objectName, optional } = c.keysOf;
    const object = requireBuilt(`./${module}.js`)[objectName];
    return Object.keys(object).map((key) => ({
      key: `${module}:${objectName}.${key}`,
      expr: key,
      ...(optional?.[key] ? { optional: optional[key] } : {}),
    }));
  });
}

// The built module's number for a key, as the unsigned 64-bit pattern the
// probe reads (so that -1 and 2^64 - 1 compare equal, as in C).
export function sourceValue(key) {
  const [module, path] = key.split(':');
  let v = requireBuilt(`./${module}.js`);
  for (const part of path.split('.')) v = v?.[part];
  if (typeof v !== 'number' && typeof v !== 'bigint') throw new Error(`${key} is not a number in build/src`);
  return BigInt.asUintN(64, BigInt(v));
}

export function compare(spec, measured) {
  const problems = [];
  for (const t of measured.targets) {
    for (const [name, s] of Object.entries(t.structs)) {
      const module = spec.structs.find((x) => x.layout === name).module;
      const layout = requireBuilt(`./${module}.js`)[name];
      if (layout.size !== s.size)
        problems.push(`${t.target} sizeof ${s.type}: source ${layout.size}, header ${s.size}`);
      for (const [field, [offset, size]] of Object.entries(s.fields)) {
        const f = layout.fields[field];
        if (f.offset !== offset || f.size !== size)
          problems.push(`${t.target} ${s.type}.${field}: source [${f.offset}, ${f.size}], header [${offset}, ${size}]`);
      }
      const extra = Object.keys(layout.fields).filter((k) => !(k in s.fields));
      if (extra.length > 0) problems.push(`${name}: fields without a probe: ${extra.join(', ')}`);
    }
    for (const [key, c] of Object.entries(t.constants)) {
      if (c.value === null) continue;
      const ours = sourceValue(key);
      if (ours !== BigInt(c.value)) problems.push(`${t.target} ${c.expr}: source ${ours}, header ${c.value}`);
    }
  }
  return problems;
}
