/**
 * The states and kinds of a request and their French names, with nothing else: a leaf module that
 * browser code (help links, labels) can import without the command registry and its schemas
 * (lib/requests/domain/commands.ts). request-lifecycle.ts re-exports all of it.
 */

export type RequestKind = "DIPLOMA" | "EXPERIENCE";
export type ExperienceMode = "ANTICIPEE" | "CONJOINTE";

export const REQUEST_STATES = [
  "DRAFT",
  "SUBMITTED",
  "IN_REVIEW",
  "CORRECTION_REQUESTED",
  "FORWARDED",
  "FAVOURABLE",
  "FAVOURABLE_WITH_CONDITION",
  "CONDITION_REVIEW",
  "UNFAVOURABLE",
  "VALIDATED",
  "EDITED",
  "SENT_TO_CENTRE",
  "HANDED_OVER",
  "REFUSED",
  "WITHDRAWN",
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];


export const KIND_LABELS: Record<RequestKind, string> = {
  DIPLOMA: "Demande de délivrance de diplôme",
  EXPERIENCE: "Demande d'analyse de l'expérience professionnelle",
};

export const MODE_LABELS: Record<ExperienceMode, string> = {
  ANTICIPEE: "Analyse anticipée",
  CONJOINTE: "Analyse conjointe à la demande de diplôme",
};

export const STATE_LABELS: Record<RequestState, string> = {
  DRAFT: "Brouillon",
  SUBMITTED: "Déposée",
  IN_REVIEW: "En instruction",
  CORRECTION_REQUESTED: "Complément demandé",
  FORWARDED: "Transmise au national / au jury",
  FAVOURABLE: "Avis favorable",
  FAVOURABLE_WITH_CONDITION: "Avis favorable sous condition",
  CONDITION_REVIEW: "Stage en cours de vérification",
  UNFAVOURABLE: "Avis défavorable",
  VALIDATED: "Validée",
  EDITED: "Diplôme édité",
  SENT_TO_CENTRE: "Diplôme envoyé au centre",
  HANDED_OVER: "Diplôme remis",
  REFUSED: "Refusée",
  WITHDRAWN: "Abandonnée",
};
