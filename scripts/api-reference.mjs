// Renders docs/api.md, the API reference, from src/index.ts's exports and
// their doc comments (read with the TypeScript compiler API), and the
// platforms of each function from the same data as the README's table
// (dist/availability-table.js, so build first).
//   node scripts/api-reference.mjs          print the reference
//   node scripts/api-reference.mjs --write  replace docs/api.md
// test/unit/api-reference.test.ts fails when docs/api.md and the sources differ.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import * as prettier from 'prettier';

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const OUTPUT = new URL('../docs/api.md', import.meta.url);

// Process methods that are not one of api.ts's PROCESS_GETTERS, and the
// function each one calls.
const METHOD_FUNCTIONS = {
  getrlimit: 'procGetrlimit',
  rlimit: 'procRlimit',
  getrlimitUsage: 'procGetrlimitUsage',
  getAllRlimits: 'procGetAllRlimits',
  asDict: 'procAsDict',
  oneshot: 'oneshotProc',
};

function program() {
  const configPath = `${ROOT}tsconfig.build.json`;
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  return ts.createProgram([`${ROOT}src/index.ts`], { ...parsed.options, noEmit: true });
}

const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });

// The signatures a caller sees: the overloads, or the one declaration.
function callable(decls) {
  const overloads = decls.filter((d) => d.body === undefined);
  return overloads.length > 0 ? overloads : decls;
}

function printSignature(decl, prefix) {
  const f = ts.factory;
  let node;
  if (ts.isFunctionDeclaration(decl)) {
    node = f.createFunctionDeclaration(
      undefined,
      undefined,
      decl.name,
      decl.typeParameters,
      decl.parameters,
      decl.type,
      undefined,
    );
  } else if (ts.isMethodDeclaration(decl)) {
    node = f.createMethodDeclaration(
      undefined,
      undefined,
      decl.name,
      undefined,
      decl.typeParameters,
      decl.parameters,
      decl.type,
      undefined,
    );
  } else if (ts.isConstructorDeclaration(decl)) {
    // Defaults are the implementation's business: a defaulted parameter shows as optional.
    const params = decl.parameters.map((q) =>
      q.initializer === undefined
        ? q
        : f.createParameterDeclaration(
            undefined,
            q.dotDotDotToken,
            q.name,
            f.createToken(ts.SyntaxKind.QuestionToken),
            q.type,
            undefined,
          ),
    );
    node = f.createConstructorDeclaration(undefined, params, undefined);
  } else {
    node = decl;
  }
  const text = printer.printNode(ts.EmitHint.Unspecified, node, decl.getSourceFile());
  return `${prefix}${text.replace(/^constructor/, '').replace(/;?\s*$/, '')};`;
}

function docOf(decls) {
  for (const d of decls) {
    const docs = ts.getJSDocCommentsAndTags(d).filter(ts.isJSDoc);
    if (docs.length > 0) return docs[docs.length - 1];
  }
  return undefined;
}

function commentText(comment) {
  if (comment === undefined) return '';
  const text = typeof comment === 'string' ? comment : comment.map((c) => c.text).join('');
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function tags(doc, kind) {
  return (doc?.tags ?? []).filter((t) => t.tagName.text === kind);
}

function describeCallable(name, decls, platforms, heading, prefix, calls) {
  const doc = docOf(decls);
  const out = [`${heading} \`${name}\``, ''];
  out.push('```ts', ...callable(decls).map((d) => printSignature(d, prefix)), '```', '');
  const summary = commentText(doc?.comment);
  if (summary) out.push(summary, '');
  const first = callable(decls)[0];
  const params = first.parameters ?? [];
  if (params.length > 0) {
    out.push('**Parameters**', '');
    const paramDocs = new Map(tags(doc, 'param').map((t) => [t.name.getText(), commentText(t.comment)]));
    for (const p of params) {
      const pname = p.name.getText();
      const optional = p.questionToken !== undefined || p.initializer !== undefined ? ' (optional)' : '';
      const about = paramDocs.get(pname);
      const type = p.type === undefined ? '' : ` \`${p.type.getText().replace(/\s+/g, ' ')}\``;
      out.push(`- \`${pname}\`${type}${optional}${about ? `: ${about}` : ''}`);
    }
    out.push('');
  }
  const returns = tags(doc, 'returns');
  if (returns.length > 0) out.push(`**Returns** ${commentText(returns[0].comment)}`, '');
  const throws = tags(doc, 'throws');
  if (throws.length > 0) {
    out.push('**Throws**', '');
    for (const t of throws) {
      const type = t.typeExpression === undefined ? '' : `\`${t.typeExpression.type.getText()}\` `;
      out.push(`- ${type}${commentText(t.comment)}`);
    }
    out.push('');
  }
  if (calls) out.push(calls, '');
  if (platforms) out.push(`**Platforms** ${platforms}`, '');
  return out;
}

function platformsOf(fn) {
  const { NOTES, PLATFORMS, PLATFORM_NAMES } = require('../dist/availability.js');
  const table = require('../dist/availability-table.js').availabilityTable();
  const on = PLATFORMS.filter((p) => p !== 'other' && table[p][fn]).map((p) => {
    const note = NOTES[p]?.[fn];
    return note === undefined ? PLATFORM_NAMES[p] : `${PLATFORM_NAMES[p]} (${note})`;
  });
  return on.length === 0 ? 'none' : `${on.join('; ')}. Elsewhere it throws \`ENOTSUP\`.`;
}

async function format(markdownLines) {
  // Code blocks through prettier, so long overloads wrap as in the sources.
  const out = [];
  for (let i = 0; i < markdownLines.length; i++) {
    if (markdownLines[i] !== '```ts') {
      out.push(markdownLines[i]);
      continue;
    }
    const code = [];
    for (i++; markdownLines[i] !== '```'; i++) code.push(markdownLines[i]);
    const source = code
      .join('\n')
      .replace(/^new (\w+)\(/gm, 'declare function __new_$1(')
      .replace(/^(\w+)([<(])/gm, 'declare function $1$2');
    let pretty;
    try {
      pretty = await prettier.format(source, { parser: 'typescript', printWidth: 100, singleQuote: true });
    } catch {
      pretty = code.join('\n'); // not a declaration prettier parses on its own (a class heading)
    }
    pretty = pretty.replace(/^declare function __new_(\w+)/gm, 'new $1');
    out.push('```ts', pretty.trimEnd().replace(/^declare function /gm, ''), '```');
  }
  return out;
}

/** The reference as Markdown. */
export async function renderReference() {
  const prog = program();
  const checker = prog.getTypeChecker();
  const index = prog.getSourceFile(`${ROOT}src/index.ts`);
  const moduleSymbol = checker.getSymbolAtLocation(index);
  const { FUNCTIONS } = require('../dist/availability.js');

  const functions = [];
  const classes = [];
  const values = [];
  const types = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const name = exported.getName();
    let symbol = exported;
    const decl = exported.declarations?.[0];
    if (decl !== undefined && ts.isBindingElement(decl)) {
      // export const { x } = module: the property of that module's namespace.
      const init = decl.parent.parent.initializer;
      symbol = checker.getPropertyOfType(checker.getTypeAtLocation(init), name) ?? exported;
    }
    if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const decls = symbol.declarations ?? [];
    if (symbol.flags & ts.SymbolFlags.Class) classes.push({ name, symbol, decls });
    else if (symbol.flags & ts.SymbolFlags.Function) functions.push({ name, decls });
    else if (symbol.flags & ts.SymbolFlags.Variable) values.push({ name, symbol, decls });
    else if (symbol.flags & (ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Interface)) types.push({ name, decls });
  }
  const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const order = (a, b) => {
    const ia = FUNCTIONS.indexOf(a.name);
    const ib = FUNCTIONS.indexOf(b.name);
    if (ia >= 0 && ib >= 0) return ia - ib;
    if (ia >= 0 || ib >= 0) return ia >= 0 ? -1 : 1;
    return byName(a, b);
  };

  const lines = [
    '# API reference',
    '',
    '<!-- Generated by scripts/api-reference.mjs from the doc comments in src/ and the platform data; run: node scripts/api-reference.mjs --write -->',
    '',
    "Every export of `psutil-extra`, from the sources' doc comments. How errors are shaped is in the README's [Errors](../README.md#errors) table; which platform serves what, in its [Platforms](../README.md#platforms) table, which the **Platforms** line of each function repeats.",
    '',
    '## Functions',
    '',
  ];
  for (const fn of functions.sort(order)) {
    const platforms = FUNCTIONS.includes(fn.name) ? platformsOf(fn.name) : undefined;
    lines.push(...describeCallable(fn.name, fn.decls, platforms, '###', ''));
  }

  lines.push('## Classes', '');
  const getters = gettersOf(prog);
  for (const cls of classes.sort(byName)) {
    const classDecl = cls.decls.find(ts.isClassDeclaration);
    lines.push(`### \`${cls.name}\``, '');
    const heritage = classDecl.heritageClauses?.map((h) => h.getText()).join(' ');
    lines.push('```ts', `class ${cls.name}${heritage ? ` ${heritage}` : ''}`, '```', '');
    const summary = commentText(docOf([classDecl])?.comment);
    if (summary) lines.push(summary, '');
    const type = checker.getDeclaredTypeOfSymbol(cls.symbol);
    const ctor = classDecl.members.filter(ts.isConstructorDeclaration);
    if (ctor.length > 0) {
      const platforms = cls.name === 'Process' ? platformsOf('processIdentity') : undefined;
      lines.push(...describeCallable(`new ${cls.name}()`, ctor, platforms, '####', `new ${cls.name}`));
    }
    const members = checker
      .getPropertiesOfType(type)
      .filter((m) => !m.getName().startsWith('__') && !m.getName().startsWith('#'));
    for (const member of members.sort(byName)) {
      const mname = member.getName();
      const mdecls = (member.declarations ?? []).filter(
        (d) => ts.getNameOfDeclaration(d)?.kind !== ts.SyntaxKind.PrivateIdentifier,
      );
      if (mdecls.length === 0) continue;
      const d = mdecls[0];
      if (d.getSourceFile().isDeclarationFile) continue; // inherited from Error, Set, ...
      const fn = getters.get(mname) ?? METHOD_FUNCTIONS[mname];
      const platforms =
        cls.name === 'Process' && fn !== undefined && FUNCTIONS.includes(fn) ? platformsOf(fn) : undefined;
      if (ts.isMethodDeclaration(d)) {
        const calls = fn === undefined ? undefined : `Calls \`${fn}(this, ...)\`: it throws what that throws.`;
        lines.push(...describeCallable(`${cls.name}#${mname}`, mdecls, platforms, '####', '', calls));
      } else if (ts.isGetAccessorDeclaration(d) || ts.isPropertyDeclaration(d)) {
        const mtype = checker.typeToString(checker.getTypeOfSymbol(member));
        lines.push(`#### \`${cls.name}#${mname}\``, '', '```ts', `readonly ${mname}: ${mtype};`, '```', '');
        const summary = commentText(docOf(mdecls)?.comment);
        if (summary) lines.push(summary, '');
      } else if (ts.isPropertyAssignment(d) && fn !== undefined) {
        // A getter installed from api.ts's PROCESS_GETTERS.
        const sig = checker.getSignaturesOfType(checker.getTypeOfSymbol(member), ts.SignatureKind.Call)[0];
        lines.push(
          `#### \`${cls.name}#${mname}\``,
          '',
          '```ts',
          `${mname}${checker.signatureToString(sig)};`,
          '```',
          '',
        );
        const summary = commentText(docOf(mdecls)?.comment);
        if (summary) lines.push(summary, '');
        lines.push(`Calls \`${fn}(this)\`: it throws what that throws.`, '');
        if (platforms) lines.push(`**Platforms** ${platforms}`, '');
      }
    }
  }

  lines.push('## Values', '');
  for (const value of values.sort(byName)) {
    const decl = value.decls[0];
    const type = checker.typeToString(
      checker.getTypeOfSymbol(value.symbol),
      undefined,
      ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope,
    );
    lines.push(`### \`${value.name}\``, '', '```ts', `const ${value.name}: ${type};`, '```', '');
    const summary = commentText(docOf(ts.isVariableDeclaration(decl) ? [decl.parent.parent, decl] : [decl])?.comment);
    if (summary) lines.push(summary, '');
  }

  lines.push('## Types', '');
  for (const type of types.sort(byName)) {
    const decl = type.decls[0];
    lines.push(`### \`${type.name}\``, '', '```ts');
    lines.push(printer.printNode(ts.EmitHint.Unspecified, stripExport(decl), decl.getSourceFile()));
    lines.push('```', '');
    const summary = commentText(docOf([decl])?.comment);
    if (summary) lines.push(summary, '');
  }
  const formatted = await format(lines);
  return `${formatted.join('\n').trimEnd()}\n`;
}

function stripExport(decl) {
  const f = ts.factory;
  if (ts.isInterfaceDeclaration(decl))
    return f.updateInterfaceDeclaration(
      decl,
      undefined,
      decl.name,
      decl.typeParameters,
      decl.heritageClauses,
      decl.members,
    );
  if (ts.isTypeAliasDeclaration(decl))
    return f.updateTypeAliasDeclaration(decl, undefined, decl.name, decl.typeParameters, decl.type);
  return decl;
}

// PROCESS_GETTERS in api.ts: method name -> function name.
function gettersOf(prog) {
  const api = prog.getSourceFile(`${ROOT}src/api.ts`);
  const map = new Map();
  const visit = (node) => {
    if (ts.isVariableDeclaration(node) && node.name.getText() === 'PROCESS_GETTERS') {
      const visitObject = (n) => {
        if (ts.isPropertyAssignment(n)) map.set(n.name.getText(), n.initializer.getText());
        ts.forEachChild(n, visitObject);
      };
      visitObject(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(api);
  return map;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = await renderReference();
  if (process.argv.includes('--write')) writeFileSync(OUTPUT, text);
  else process.stdout.write(text);
}

export function current() {
  return readFileSync(OUTPUT, 'utf8');
}
