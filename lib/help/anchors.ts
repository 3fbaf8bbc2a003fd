import type { RequestState } from "@/lib/requests/domain/request-lifecycle";

/**
 * Links from the application's screens to the section of the help that explains them. The help
 * pages give these sections explicit anchors (`## Complément demandé {#correction-requested}`), so
 * renaming a heading does not break a link; tests/unit/help/help-search.test.ts checks that every
 * anchor below exists in the rendered page.
 *
 * The step of a request in state `CORRECTION_REQUESTED` is explained at
 * `/aide/etapes#correction-requested`: the state identifier in lower case, `_` replaced by `-`.
 */
export function stateAnchor(state: RequestState): string {
  return state.toLowerCase().replace(/_/g, "-");
}

/** `/aide/etapes#in-review` for `IN_REVIEW`. */
export function helpLinkForState(state: RequestState): string {
  return `/aide/etapes#${stateAnchor(state)}`;
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
