import type { Corpus } from '../corpus/types.ts';
import { claimCoverage, claimWords, editorialClaims, wordIdf, type EditorialClaim } from './editorial.ts';
import type { GuestSentence, Segment } from './segments.ts';

/** The editors' points a theme makes, and for each the guest sentence that makes it best. */
export interface ClaimMatch {
  claims: EditorialClaim[];
  anchors: GuestSentence[];
}

/** How strongly each kind of editorial text says "this matters": the headline most, then the lede. */
export const CLAIM_WEIGHT: Record<EditorialClaim['kind'], number> = { headline: 3, lede: 2, heading: 1 };

/** A lede line or headline this close to a heading makes the point of that heading's section. */
const SAME_POINT = 0.3;

/**
 * Matches every editorial claim of every source to the guest sentence that makes it (idf-weighted
 * share of the claim's words, in the source's own language, times how well the sentence stands as a
 * claim), and so to the candidate theme holding that sentence. A headline or lede line that restates
 * a heading is looked for in that heading's section.
 */
export function matchClaims(
  corpus: Corpus,
  segments: Segment[],
  quality: (s: GuestSentence) => number,
): Map<Segment, ClaimMatch> {
  const out = new Map<Segment, ClaimMatch>();
  for (const source of corpus.sources) {
    const claims = editorialClaims(source);
    if (claims.length === 0) continue;
    const own = segments.filter((seg) => seg.source === source);
    const sentences = own.flatMap((seg) => seg.units.flatMap((u) => u.sentences.map((s) => ({ s, seg }))));
    const words = sentences.map(({ s }) => claimWords(s.sentence.text));
    const sets = words.map((w) => new Set(w));
    const idf = wordIdf(words);
    const unseen = Math.max(1, ...idf.values());
    const headings = claims
      .filter((c) => c.kind === 'heading')
      .map((c) => ({ claim: c, words: claimWords(c.text) }));

    for (const claim of claims) {
      let claimText = claimWords(claim.text);
      let section = claim.section;
      if (claim.kind !== 'heading') {
        const best = headings
          .map((h) => ({ h, fit: claimCoverage(claimText, new Set(h.words), idf, unseen) }))
          .sort((a, b) => b.fit - a.fit)[0];
        if (best && best.fit >= SAME_POINT) {
          section = best.h.claim.section;
          claimText = [...claimText, ...best.h.words];
        }
      }
      let bestIndex = -1;
      let bestScore = 0;
      sentences.forEach(({ s }, i) => {
        if (section !== null && s.passage.section !== section) return;
        // Coverage dominates: the sentence that says the editors' point nearly word for word wins.
        const score = claimCoverage(claimText, sets[i]!, idf, unseen) ** 3 * quality(s);
        if (score > bestScore) {
          bestScore = score;
          bestIndex = i;
        }
      });
      // A heading whose words the guest never uses still names its section: its headed piece makes the point.
      const segment = bestIndex >= 0 ? sentences[bestIndex]!.seg : own.find((seg) => seg.headed && seg.section === section);
      if (!segment) continue;
      const match = out.get(segment) ?? { claims: [], anchors: [] };
      match.claims.push(claim);
      const anchor = bestIndex >= 0 ? sentences[bestIndex]!.s : undefined;
      if (anchor && !match.anchors.includes(anchor)) match.anchors.push(anchor);
      out.set(segment, match);
    }
  }
  for (const match of out.values()) match.claims.sort((a, b) => CLAIM_WEIGHT[b.kind] - CLAIM_WEIGHT[a.kind]);
  return out;
}

/** How much the editors stress a theme: the summed weight of the claims it makes. */
export function editorialWeight(claims: EditorialClaim[]): number {
  return claims.reduce((sum, c) => sum + CLAIM_WEIGHT[c.kind], 0);
}
