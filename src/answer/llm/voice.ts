/**
 * The persona talks ABOUT the guest, never AS him. A model sentence that uses the first person outside
 * quotation marks ("I think data matters", "我认为…") would put words in the guest's mouth in the
 * bot's voice, so such sentences are dropped. Deliberately simple: pronoun patterns, English and
 * Chinese; quoted spans are ignored because quotes are the guest's own words.
 */
const QUOTED = /“[^”]*”|"[^"]*"|「[^」]*」|『[^』]*』|‘[^’]*’/g;
const ENGLISH_FIRST_PERSON = /\bI\b|\b(?:[Mm]e|[Mm]y|[Mm]ine|[Mm]yself|[Ww]e|[Oo]ur|[Oo]urs|[Oo]urselves|us)\b/;
/** 我 / 我们 / 咱们, but not 自我 ("self"), which is not a pronoun. */
const CHINESE_FIRST_PERSON = /(?<!自)我|咱们/;

/** True when the sentence speaks in the first person outside quotation marks. */
export function speaksInFirstPerson(sentence: string): boolean {
  const unquoted = sentence.replace(QUOTED, ' ');
  return ENGLISH_FIRST_PERSON.test(unquoted) || CHINESE_FIRST_PERSON.test(unquoted);
}
