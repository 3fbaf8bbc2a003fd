/**
 * How French text is compared everywhere (search keys, help search, anchors, catalogue codes):
 * without case or accents, so that "Expérience", "EXPERIENCE" and "expérience" are one word.
 * Pure, so that domain code may use it.
 */

/** Lower case without accents, one character per character where no accent is dropped. */
export function foldAccents(text: string): string {
  return text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();
}

/** Lower case, without accents, runs of white space as one space, no space at either end. */
export function foldText(text: string): string {
  return foldAccents(text).replace(/\s+/g, " ").trim();
}

/** The search key of a request, a diploma or a learner: the domain's name for foldText. */
export const searchKey = foldText;
