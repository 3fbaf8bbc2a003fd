import type { Role } from "@/lib/auth/domain/policy";
import type { RequestState } from "@/lib/requests/domain/request-lifecycle";

/**
 * Which history rows are decisions that the learner receives a letter for, and what each one
 * decided, read from the row alone (its transition, new state, comment and payload), so that a
 * letter can always be produced again from the history.
 */

export type LetterKind = "EXPERIENCE_FAVOURABLE" | "EXPERIENCE_FAVOURABLE_WITH_CONDITION" | "EXPERIENCE_UNFAVOURABLE" | "DIPLOMA_VALIDATED" | "REFUSED";

export type Decision =
  | { kind: "EXPERIENCE_FAVOURABLE" }
  | { kind: "EXPERIENCE_FAVOURABLE_WITH_CONDITION"; internshipMonths: number; conditionText: string }
  | { kind: "EXPERIENCE_UNFAVOURABLE"; reason: string }
  | { kind: "DIPLOMA_VALIDATED" }
  /** The centre refuses while instructing, the national level once the request is forwarded. */
  | { kind: "REFUSED"; reason: string; by: "CENTRE" | "NATIONAL" };

export type DecisionEvent = {
  id: number;
  at: Date;
  transition: string;
  toState: RequestState;
  actorRole: Role;
  comment: string | null;
  payload: unknown;
};

export const LETTER_LABELS: Record<LetterKind, string> = {
  EXPERIENCE_FAVOURABLE: "Avis favorable du jury",
  EXPERIENCE_FAVOURABLE_WITH_CONDITION: "Avis favorable sous condition du jury",
  EXPERIENCE_UNFAVOURABLE: "Avis défavorable du jury",
  DIPLOMA_VALIDATED: "Validation du diplôme",
  REFUSED: "Refus de la demande",
};

const FILE_SLUGS: Record<LetterKind, string> = {
  EXPERIENCE_FAVOURABLE: "avis-favorable",
  EXPERIENCE_FAVOURABLE_WITH_CONDITION: "avis-favorable-sous-condition",
  EXPERIENCE_UNFAVOURABLE: "avis-defavorable",
  DIPLOMA_VALIDATED: "validation-diplome",
  REFUSED: "refus",
};

function payloadOf(event: DecisionEvent): Record<string, unknown> {
  return event.payload !== null && typeof event.payload === "object" && !Array.isArray(event.payload) ? (event.payload as Record<string, unknown>) : {};
}

/** The condition or reason: in the payload when the deciding code put it there, otherwise the row's comment. */
function textOf(event: DecisionEvent, key: "conditionText" | "reason"): string {
  const fromPayload = payloadOf(event)[key];
  return (typeof fromPayload === "string" && fromPayload.trim() ? fromPayload : (event.comment ?? "")).trim();
}

/** The decision a history row records, or null when the row is not a decision with a letter. */
export function decisionOf(event: DecisionEvent): Decision | null {
  switch (event.transition) {
    case "decideExperience": {
      if (event.toState === "FAVOURABLE") return { kind: "EXPERIENCE_FAVOURABLE" };
      if (event.toState === "UNFAVOURABLE") return { kind: "EXPERIENCE_UNFAVOURABLE", reason: textOf(event, "reason") };
      const months = Number(payloadOf(event).internshipMonths);
      if (event.toState === "FAVOURABLE_WITH_CONDITION" && Number.isInteger(months) && months > 0) {
        return { kind: "EXPERIENCE_FAVOURABLE_WITH_CONDITION", internshipMonths: months, conditionText: textOf(event, "conditionText") };
      }
      return null;
    }
    case "validateDiploma":
      return event.toState === "VALIDATED" ? { kind: "DIPLOMA_VALIDATED" } : null;
    case "refuse":
    // A diploma request refused with the analysis it relied on (or the other way round): a refusal, with the closure's reason.
    case "closeWithLinkedRequest":
      return event.toState === "REFUSED" ? { kind: "REFUSED", reason: textOf(event, "reason"), by: event.actorRole === "AGENT_NATIONAL" ? "NATIONAL" : "CENTRE" } : null;
    // The centre's finding on the internship a favourable opinion under condition asked for.
    case "recordConditionMet":
      return event.toState === "FAVOURABLE" ? { kind: "EXPERIENCE_FAVOURABLE" } : null;
    case "recordConditionNotMet":
      return event.toState === "UNFAVOURABLE" ? { kind: "EXPERIENCE_UNFAVOURABLE", reason: textOf(event, "reason") } : null;
    default:
      return null;
  }
}

export type LetterEntry = { requestId: string; eventId: number; kind: LetterKind; label: string; decidedAt: Date; fileName: string };

/** The letters a request has: one per decision in its history (none before it is numbered). */
export function decisionEvents(request: { id: string; number: string | null; events: readonly DecisionEvent[] }): LetterEntry[] {
  const number = request.number;
  if (!number) return [];
  return request.events.flatMap((event) => {
    const decision = decisionOf(event);
    if (!decision) return [];
    return [{ requestId: request.id, eventId: event.id, kind: decision.kind, label: LETTER_LABELS[decision.kind], decidedAt: event.at, fileName: `courrier-${number}-${FILE_SLUGS[decision.kind]}.pdf` }];
  });
}

export type DecisionTone = "positive" | "conditional" | "negative";

/** How a decision reads: a refusal or an unfavourable opinion is never shown as a success. */
export function toneOf(decision: Decision): DecisionTone {
  switch (decision.kind) {
    case "EXPERIENCE_FAVOURABLE":
    case "DIPLOMA_VALIDATED":
      return "positive";
    case "EXPERIENCE_FAVOURABLE_WITH_CONDITION":
      return "conditional";
    case "EXPERIENCE_UNFAVOURABLE":
    case "REFUSED":
      return "negative";
  }
}

/** The request's last decision with its letter, or null when nothing has been decided. */
export function latestDecision(request: { id: string; number: string | null; events: readonly DecisionEvent[] }): { decision: Decision; letter: LetterEntry } | null {
  const letter = decisionEvents(request).at(-1);
  const event = letter ? request.events.find((candidate) => candidate.id === letter.eventId) : undefined;
  const decision = event ? decisionOf(event) : null;
  return letter && decision ? { decision, letter } : null;
}
