/**
 * docs/benchmarks.md is rewritten by `npm run bench`, but some sections are measured by other scripts
 * and written by hand (the store benchmark). Such a section sits between these two markers; rewriting
 * the report keeps every one of them, in order, after the generated part.
 */
export const MANUAL_START = '<!-- manual: written by hand; `npm run bench` keeps this section -->';
export const MANUAL_END = '<!-- /manual -->';

/** The marked sections of a report, markers included. An unclosed marker keeps the rest of the file. */
export function manualSections(report: string): string[] {
  const sections: string[] = [];
  let from = report.indexOf(MANUAL_START);
  while (from >= 0) {
    const end = report.indexOf(MANUAL_END, from + MANUAL_START.length);
    const until = end < 0 ? report.length : end + MANUAL_END.length;
    sections.push(report.slice(from, until).trimEnd());
    from = end < 0 ? -1 : report.indexOf(MANUAL_START, until);
  }
  return sections;
}

/** The new generated report with the previous report's manual sections appended. */
export function keepManualSections(generated: string, previous: string | undefined): string {
  const kept = previous ? manualSections(previous) : [];
  if (kept.length === 0) return generated;
  return `${generated.trimEnd()}\n\n${kept.join('\n\n')}\n`;
}

/**
 * The report with the manual section that contains `heading` replaced by `body` (markers added), or
 * with it appended when there is none yet: for a script that measures one section and rewrites only it.
 */
export function replaceManualSection(report: string, heading: string, body: string): string {
  const section = `${MANUAL_START}\n${body.trim()}\n${MANUAL_END}`;
  const old = manualSections(report).find((s) => s.includes(heading));
  if (!old) return `${report.trimEnd()}\n\n${section}\n`;
  return report.replace(old, () => section);
}
