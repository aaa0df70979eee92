import type { EvalReport } from './evaluate.ts';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** The eval report as terminal text: the metrics, then each failed question with what went wrong. */
export function formatEvalReport(report: EvalReport): string {
  const lines = [
    `Eval: ${report.file} (${report.questions} questions: ${report.answerable} answerable, ${report.unanswerable} not)`,
    '',
    '                     lenient  strict',
    `  hit@1              ${report.hitAt1.toFixed(3)}    ${report.strictHitAt1.toFixed(3)}`,
    `  hit@3              ${report.hitAt3.toFixed(3)}    ${report.strictHitAt3.toFixed(3)}`,
    `  refusal accuracy   ${report.refusalAccuracy.toFixed(3)}`,
    `  answered rate      ${report.answeredRate.toFixed(3)}`,
    `  non-verbatim       ${report.nonVerbatim}`,
    `  misattributed      ${report.misattributed}`,
  ];
  const failures = report.results.filter((r) => r.failure !== null);
  lines.push('', failures.length === 0 ? 'No failures.' : `Failures (${failures.length}, ${pct(failures.length / report.questions)}):`);
  for (const r of failures) {
    lines.push(``, `  [${r.id}] ${r.question}`, `    ${r.failure}; answered: ${r.answered}`);
    for (const issue of [...r.nonVerbatim, ...r.misattributed]) lines.push(`    ! ${issue.reason}: ${issue.quote}`);
    r.quotes.slice(0, 3).forEach((q, i) => lines.push(`    ${i + 1}. ${q}`));
    if (r.quotes.length === 0) lines.push(`    answer: ${r.answer}`);
  }
  return lines.join('\n');
}
