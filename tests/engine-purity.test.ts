/**
 * src/engine is pure TypeScript that runs the same in Node and in the browser, reads no clock
 * and no Math.random: this test parses every engine file and lists any import of Phaser, Howler
 * or a Node built-in, and any use of the DOM, browser storage, the clock or unseeded randomness.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

const ENGINE = join(ROOT, 'src', 'engine');

/** Globals the engine must not touch at all. */
const RESTRICTED_GLOBALS = ['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'performance', 'process', 'crypto'];
/** Members of globals that read the clock or unseeded randomness. */
const RESTRICTED_MEMBERS: Record<string, string[]> = {
  Math: ['random'],
  Date: ['now'],
  performance: ['now'],
  crypto: ['getRandomValues', 'randomUUID'],
};
const NODE_BUILTINS = new Set(builtinModules);

function forbiddenModule(specifier: string): string | null {
  const base = specifier.split('/')[0]!;
  if (base === 'phaser' || base === 'howler') return `imports the front end ("${specifier}")`;
  if (specifier.startsWith('node:') || NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(base))
    return `imports a Node built-in ("${specifier}")`;
  return null;
}

/** Names a file declares itself (variables, parameters, functions, classes, imports), which shadow globals. */
function declaredNames(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const bind = (name: ts.BindingName | undefined) => {
    if (!name) return;
    if (ts.isIdentifier(name)) names.add(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) bind(element.name);
  };
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isBindingElement(node)) bind(node.name);
    if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) && node.name) names.add(node.name.text);
    if (ts.isImportClause(node) && node.name) names.add(node.name.text);
    if (ts.isImportSpecifier(node) || ts.isNamespaceImport(node)) names.add(node.name.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

/** Whether an identifier is read as a value (not a property name, a key, or a declaration). */
function isValueUse(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if (
    (ts.isPropertyAssignment(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isPropertySignature(parent) ||
      ts.isMethodDeclaration(parent)) &&
    parent.name === node
  )
    return false;
  if (ts.isQualifiedName(parent) || ts.isTypeReferenceNode(parent)) return false;
  if ((ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isBindingElement(parent)) && parent.name === node) return false;
  if (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent) || ts.isImportClause(parent)) return false;
  return true;
}

/** The offences in one file's text, as "file:line: what". */
export function offences(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const shadowed = declaredNames(source);
  const found: string[] = [];
  const report = (node: ts.Node, what: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    found.push(`${fileName}:${line + 1}: ${what}`);
  };
  const checkModule = (node: ts.Node, specifier: ts.Expression | undefined) => {
    if (specifier && ts.isStringLiteralLike(specifier)) {
      const problem = forbiddenModule(specifier.text);
      if (problem) report(node, problem);
    }
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) checkModule(node, node.moduleSpecifier);
    if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference))
      checkModule(node, node.moduleReference.expression);
    if (ts.isCallExpression(node)) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) checkModule(node, node.arguments[0]);
      if (ts.isIdentifier(node.expression) && node.expression.text === 'require') checkModule(node, node.arguments[0]);
      if (ts.isIdentifier(node.expression) && node.expression.text === 'Date' && !shadowed.has('Date'))
        report(node, 'calls Date() (reads the clock)');
    }
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Date' && !shadowed.has('Date')) {
      report(node, 'uses new Date (reads the clock)');
    }
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      const object = node.expression;
      const member = ts.isPropertyAccessExpression(node)
        ? node.name.text
        : ts.isStringLiteralLike(node.argumentExpression)
          ? node.argumentExpression.text
          : null;
      if (ts.isIdentifier(object) && member !== null && !shadowed.has(object.text) && RESTRICTED_MEMBERS[object.text]?.includes(member)) {
        report(node, `uses ${object.text}.${member}`);
      }
      if (ts.isIdentifier(object) && object.text === 'globalThis' && member !== null && RESTRICTED_GLOBALS.includes(member)) {
        report(node, `uses globalThis.${member}`);
      }
    }
    if (ts.isIdentifier(node) && RESTRICTED_GLOBALS.includes(node.text) && !shadowed.has(node.text) && isValueUse(node)) {
      report(node, `uses the global ${node.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function engineFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return engineFiles(path);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(entry.name) ? [path] : [];
  });
}

describe('the engine is pure', () => {
  const files = engineFiles(ENGINE);

  it('has files to scan', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.map((file) => relative(ENGINE, file))).toContain(join('rules', 'round.ts'));
  });

  it('imports no front end and no Node built-in; touches no DOM, storage, clock or Math.random', () => {
    const found = files.flatMap((file) => offences(relative(ROOT, file), readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });
});

describe('the purity scanner', () => {
  it('finds every kind of offence', () => {
    const text = [
      "import { readFileSync } from 'node:fs';",
      "import path from 'path';",
      "import Phaser from 'phaser';",
      "export { Howl } from 'howler';",
      "const os = await import('os');",
      'const a = Math.random();',
      'const b = Date.now();',
      'const c = new Date();',
      'const d = performance.now();',
      'window.alert(1);',
      "document.title = 'x';",
      "localStorage.setItem('k', 'v');",
      "const e = Math['random']();",
      'const f = globalThis.localStorage;',
      'const g = process.env;',
      'const h = Date();',
    ].join('\n');
    const found = offences('fake.ts', text);
    const lines = found.map((item) => Number(item.split(':')[1]));
    for (let line = 1; line <= 16; line++) expect(lines, `line ${line}`).toContain(line);
    expect(found).toContain('fake.ts:1: imports a Node built-in ("node:fs")');
    expect(found).toContain('fake.ts:6: uses Math.random');
    expect(found).toContain('fake.ts:8: uses new Date (reads the clock)');
  });

  it('does not flag local names, properties or text that merely mention the globals', () => {
    const text = [
      '// window, document and Math.random() in a comment',
      "const note = 'document.title and Date.now()';",
      'function read(document: { format: string }) { return document.format; }',
      'const state = { window: 1, performance: 2 };',
      'const value = state.window + state.performance;',
      "import { Dice } from '../random.ts';",
      'type Document = { id: string };',
      'const date = { now: () => 0 }; date.now();',
    ].join('\n');
    expect(offences('clean.ts', text)).toEqual([]);
  });
});
