import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPLICAS_HEADING } from '../../bench/replicas-report.ts';
import { keepManualSections, MANUAL_END, MANUAL_START, manualSections, replaceManualSection } from '../../bench/manual-sections.ts';

const manual = (body: string) => `${MANUAL_START}\n${body}\n${MANUAL_END}`;

describe('hand-written benchmark sections', () => {
  it('keeps every marked section of the old report after the new generated one', () => {
    const previous = `# Benchmarks\n\nold figures\n\n${manual('### (d) Store\n\n| a | 1 |')}\n\nstray text\n\n${manual('### (e) Other')}\n`;
    const next = keepManualSections('# Benchmarks\n\nnew figures\n', previous);
    expect(next).toBe(`# Benchmarks\n\nnew figures\n\n${manual('### (d) Store\n\n| a | 1 |')}\n\n${manual('### (e) Other')}\n`);
    expect(next).not.toContain('old figures');
    expect(next).not.toContain('stray text');
  });

  it('leaves the generated report alone when nothing was marked, or there was no old report', () => {
    expect(keepManualSections('# New\n', '# Old\n\n### (d) unmarked\n')).toBe('# New\n');
    expect(keepManualSections('# New\n', undefined)).toBe('# New\n');
  });

  it('keeps an unclosed section to the end of the file rather than losing it', () => {
    expect(manualSections(`x\n${MANUAL_START}\n### (d)\nrest\n`)).toEqual([`${MANUAL_START}\n### (d)\nrest`]);
  });

  it('rewrites only the manual section with the given heading, or appends it when there is none', () => {
    const report = `# Benchmarks\n\ngenerated\n\n${manual('### (d) Store\n\nold d')}\n\n${manual('### (e) Replicas\n\nold e')}\n`;
    const next = replaceManualSection(report, '### (e) Replicas', '### (e) Replicas\n\nnew e $& $1');
    expect(next).toBe(`# Benchmarks\n\ngenerated\n\n${manual('### (d) Store\n\nold d')}\n\n${manual('### (e) Replicas\n\nnew e $& $1')}\n`);
    expect(replaceManualSection('# Benchmarks\n\ngenerated\n', '### (e) Replicas', '### (e) Replicas\n\nfirst')).toBe(`# Benchmarks\n\ngenerated\n\n${manual('### (e) Replicas\n\nfirst')}\n`);
  });

  it('marks section (d) of docs/benchmarks.md, so the next run keeps it', () => {
    const report = readFileSync(new URL('../../docs/benchmarks.md', import.meta.url), 'utf8');
    const sections = manualSections(report);
    // The compiled-vs-tsx cold start and install size (measured by hand), and (d) the state store.
    expect(sections.some((section) => section.includes('### (d) State store on PostgreSQL'))).toBe(true);
    expect(sections.some((section) => section.includes('Compiled JavaScript vs TypeScript'))).toBe(true);
    // (e) is rewritten in place by `npm run bench:replicas`, found by its heading.
    expect(sections.some((section) => section.includes(REPLICAS_HEADING))).toBe(true);
  });
});
