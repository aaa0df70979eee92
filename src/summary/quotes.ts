/** True when two quote texts overlap (one contains the other): shown together they repeat each other. */
export function overlaps(a: string, b: string): boolean {
  return a.includes(b) || b.includes(a);
}
