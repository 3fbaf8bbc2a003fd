import { foldText } from "@/lib/shared/text";

/**
 * Heading anchors: lower case, without accents, words joined by dashes ("Complément demandé" →
 * "complement-demande"), so that a link to a section survives a change of page layout.
 */
export function slugify(text: string): string {
  return foldText(text)
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** A valid explicit anchor, as written after a heading: `## Complément demandé {#correction-requested}`. */
export const ANCHOR_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The anchors of one page's headings, in order. An explicit anchor is kept as written (links from
 * the application point to it) and must be unique; the others are slugs of the heading text, made
 * distinct with a number ("exemple", "exemple-2") and never taking an explicit one.
 */
export function assignAnchors(headings: readonly { text: string; explicitAnchor?: string }[]): string[] {
  const explicit = new Set<string>();
  for (const { explicitAnchor } of headings) {
    if (explicitAnchor === undefined) continue;
    if (!ANCHOR_PATTERN.test(explicitAnchor)) throw new Error(`Ancre « ${explicitAnchor} » invalide : minuscules sans accent, chiffres et tirets uniquement.`);
    if (explicit.has(explicitAnchor)) throw new Error(`Ancre « ${explicitAnchor} » utilisée deux fois dans la même page.`);
    explicit.add(explicitAnchor);
  }
  const used = new Set(explicit);
  return headings.map(({ text, explicitAnchor }) => {
    if (explicitAnchor !== undefined) return explicitAnchor;
    const base = slugify(text) || "section";
    let candidate = base;
    for (let n = 2; used.has(candidate); n += 1) candidate = `${base}-${n}`;
    used.add(candidate);
    return candidate;
  });
}
