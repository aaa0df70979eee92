/** A line of a source file with its 1-based number and UTF-16 offsets (line break excluded). */
export interface SourceLine {
  number: number;
  start: number;
  end: number;
  text: string;
}

/** Splits text into lines, accepting \n and \r\n, keeping offsets into the original text. */
export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let start = 0;
  let number = 1;
  while (start <= text.length) {
    let nl = text.indexOf('\n', start);
    if (nl === -1) nl = text.length;
    const end = nl > start && text[nl - 1] === '\r' ? nl - 1 : nl;
    lines.push({ number, start, end, text: text.slice(start, end) });
    if (nl >= text.length) break;
    start = nl + 1;
    number++;
  }
  return lines;
}
