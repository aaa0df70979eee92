import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Relative imports of a module: static `from '…'`, side-effect `import '…'` and dynamic `import('…')`. */
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

function relativeImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of source.matchAll(RELATIVE_IMPORT)) {
    const target = resolve(dirname(file), match[1]!);
    if (existsSync(target)) found.push(target);
  }
  return found;
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * The test files (paths relative to `root`) whose imports reach `helper`, directly or through
 * harnesses: the files that store bot state through tests/store/test-store.ts. They are the ones worth
 * running a second time on PostgreSQL; a new test joins by using the helper, with no list to keep.
 */
export function testsReaching(root: string, testsDir: string, helper: string): string[] {
  const tests = resolve(root, testsDir);
  const target = resolve(root, helper);
  const imports = new Map<string, string[]>();
  // Only test code can import the helper (src/ never imports tests/), so only test code is followed.
  const importsOf = (file: string) => {
    let list = imports.get(file);
    if (!list) imports.set(file, (list = relativeImports(file).filter((next) => next.startsWith(tests))));
    return list;
  };
  const reaches = (file: string): boolean => {
    const seen = new Set<string>([file]);
    const queue = [file];
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
      if (next === target) return true;
      for (const imported of importsOf(next)) if (!seen.has(imported)) seen.add(imported), queue.push(imported);
    }
    return false;
  };
  return testFiles(tests)
    .filter(reaches)
    .map((file) => relative(root, file))
    .sort();
}
