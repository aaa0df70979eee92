import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const pkg = JSON.parse(read('package.json')) as { license: string; dependencies: Record<string, string>; devDependencies: Record<string, string> };

describe('packaging', () => {
  it('ships the LICENSE package.json promises', () => {
    expect(pkg.license).toBe('MIT');
    expect(read('LICENSE')).toMatch(/^MIT License/);
  });

  it('keeps build and test tools out of the production dependencies', () => {
    for (const devOnly of ['tsx', 'esbuild', '@types/express', '@langchain/community', 'typescript', 'vitest']) {
      expect(pkg.dependencies[devOnly], devOnly).toBeUndefined();
    }
    expect(pkg.devDependencies.tsx).toBeDefined();
    // MiniSearch's radix tree corrects misspelt question words at run time (src/answer/reading/spelling.ts).
    expect(pkg.dependencies.minisearch).toBeDefined();
    expect(pkg.devDependencies['@types/express']).toBeUndefined();
  });

  it('builds dist/ in the Docker build stage, runs it, and has a HEALTHCHECK on /healthz', () => {
    const dockerfile = read('Dockerfile');
    expect(dockerfile).toMatch(/RUN npx tsc -p tsconfig\.build\.json/);
    expect(dockerfile).toMatch(/COPY --from=build \/app\/dist \.\/dist/);
    const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(finalStage).not.toMatch(/COPY src/);
    expect(finalStage).toMatch(/HEALTHCHECK[^\n]*\n[^\n]*\/healthz/);
    expect(existsSync(join(ROOT, 'tsconfig.build.json'))).toBe(true);
  });

  it('documentation cites only files inside the repository', () => {
    for (const name of readdirSync(join(ROOT, 'docs')).filter((n) => n.endsWith('.md'))) {
      expect(read(`docs/${name}`), name).not.toMatch(/\/work\/|NOTES-[\w-]+\.md/);
    }
  });
});
