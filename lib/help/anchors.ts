import { REQUEST_STATES, STATE_LABELS, type RequestState } from "@/lib/requests/domain/states";
import { slugify } from "./slug";

/**
 * Links from the application's screens to the section of the help that explains them. The help
 * pages give these sections explicit anchors (`## Complément demandé {#complement-demande}`), so
 * renaming a heading does not break a link; tests/unit/help/help-search.test.ts checks that every
 * anchor below exists in the rendered page. Anchors are French words, as the addresses are.
 *
 * The step of a request is explained at `/aide/etapes#<its label as a slug>`: « Complément
 * demandé » at `#complement-demande`.
 */
export function stateAnchor(state: RequestState): string {
  return slugify(STATE_LABELS[state]);
}

/** `/aide/etapes#en-instruction` for `IN_REVIEW`. */
export function helpLinkForState(state: RequestState): string {
  return `/aide/etapes#${stateAnchor(state)}`;
}

/**
 * The anchors of /aide/etapes before they were French (the state's code: `#in-review`,
 * `#correction-requested`), still in bookmarks and in pages and emails sent before: each leads to
 * its French anchor (components/help/LegacyAnchors.tsx follows them in the browser).
 */
export function legacyAnchorsOf(pageSlug: string): Record<string, string> {
  if (pageSlug !== "etapes") return {};
  return Object.fromEntries(REQUEST_STATES.map((state) => [state.toLowerCase().replace(/_/g, "-"), stateAnchor(state)]));
}

/** The section of the help about the jury's opinion, its three outcomes below it. */
export const JURY_SECTION_ANCHOR = "avis-du-jury";

/**
 * The help of one step of a request's path: a state's own section, and for the jury's step (« Avis
 * du jury », key DECISION) the section about the jury's opinion until it is given, then the section
 * of the opinion given (« Avis favorable sous condition » while the internship is checked too).
 */
export function helpLinkForStep(step: RequestState | "DECISION", state: RequestState): string {
  if (step !== "DECISION") return helpLinkForState(step);
  if (state === "FAVOURABLE" || state === "FAVOURABLE_WITH_CONDITION" || state === "UNFAVOURABLE") return helpLinkForState(state);
  if (state === "CONDITION_REVIEW") return helpLinkForState("FAVOURABLE_WITH_CONDITION");
  return `/aide/etapes#${JURY_SECTION_ANCHOR}`;
}

export const HELP_FIELDS = ["identifier", "learnerNumber", "workingTimePercent", "inField", "documents"] as const;
export type HelpField = (typeof HELP_FIELDS)[number];

/** The page (file name without `.md`) and anchor explaining each form field that needs help. */
export const FIELD_HELP: Record<HelpField, { page: string; anchor: string }> = {
  identifier: { page: "acces", anchor: "identifiant" },
  learnerNumber: { page: "premiere-connexion", anchor: "numero-auditeur" },
  workingTimePercent: { page: "analyse-experience", anchor: "temps-de-travail" },
  inField: { page: "analyse-experience", anchor: "dans-le-domaine" },
  documents: { page: "analyse-experience", anchor: "pieces-justificatives" },
};

/** `/aide/analyse-experience#temps-de-travail` for `workingTimePercent`. */
export function helpLinkForField(field: HelpField): string {
  const { page, anchor } = FIELD_HELP[field];
  return `/aide/${page}#${anchor}`;
}
