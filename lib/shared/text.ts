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

const frenchNumber = new Intl.NumberFormat("fr-FR");

/**
 * The word that goes with a count, in French: singular for 0 and 1 (« 0 demande », « 1 non lue »),
 * plural from 2. The plural is the singular with an « s » unless given (« travaux »).
 */
export function plural(count: number, singular: string, pluralForm: string = `${singular}s`): string {
  return Math.abs(count) >= 2 ? pluralForm : singular;
}

/** A count and its word, the count written the French way (« 1 234 demandes »). */
export function countOf(count: number, singular: string, pluralForm?: string): string {
  return `${frenchNumber.format(count)} ${plural(count, singular, pluralForm)}`;
}

/**
 * A page's title, from its most specific part to the most general (« Demande D3-2026-00012 –
 * Complément demandé », « Centres – Administration »); empty parts are left out. The root layout
 * adds « – D3 – Cnam ». Every page has its own: a screen reader user tells tabs apart by it.
 */
export function pageTitle(...parts: readonly (string | null | undefined | false)[]): string {
  return parts.filter((part): part is string => Boolean(part && part.trim())).join(" – ");
}
