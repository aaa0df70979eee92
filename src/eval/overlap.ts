/**
 * When a quote "overlaps" a gold string: one contains the other, or they share a common substring at
 * least MIN_SHARED characters long and at least half as long as the shorter of the two. So a quote of
 * the right sentence counts whether it is cut shorter or longer than the gold text, but two sentences
 * that merely share a phrase like "的模型" do not.
 */
export const MIN_SHARED = 8;

/** Length of the longest common substring (dynamic programming over UTF-16 units; inputs are short). */
export function longestCommonSubstring(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  let previous = new Uint16Array(b.length + 1);
  let current = new Uint16Array(b.length + 1);
  let best = 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : 0;
      if (current[j]! > best) best = current[j]!;
    }
    [previous, current] = [current, previous];
    current.fill(0);
  }
  return best;
}

export function overlaps(quote: string, gold: string): boolean {
  const a = quote.trim();
  const b = gold.trim();
  if (a === '' || b === '') return false;
  if (a.includes(b) || b.includes(a)) return true;
  const shared = longestCommonSubstring(a, b);
  return shared >= MIN_SHARED && shared >= Math.ceil(Math.min(a.length, b.length) / 2);
}

/**
 * The strict reading of "overlaps": the quote contains the gold string, or the gold string contains the
 * quote. An outside scorer may read the metric this way, so the report shows it beside the lenient one.
 */
export function containsEither(quote: string, gold: string): boolean {
  const a = quote.trim();
  const b = gold.trim();
  if (a === '' || b === '') return false;
  return a.includes(b) || b.includes(a);
}
