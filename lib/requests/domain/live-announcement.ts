import { STATE_LABELS, type RequestKind, type RequestState } from "./states";

/**
 * What a screen reader hears when an open request page updates itself (RGAA 7.5): what changed,
 * « Votre demande de diplôme est passée à l'état : En instruction. », not just that something did.
 * Pure; the page's live region (components/requests/LiveRequest.tsx) says it.
 */

export type LiveChange = { kind: "state"; state: RequestState } | { kind: "message" };

/** How the page names the request: « Votre demande de diplôme » for its learner, « La demande D3-2026-000123 » for the staff. */
export function liveSubject(request: { kind: RequestKind; number: string | null }, audience: "learner" | "staff"): string {
  if (audience === "staff") return request.number ? `La demande ${request.number}` : "La demande";
  return request.kind === "DIPLOMA" ? "Votre demande de diplôme" : "Votre demande d'analyse de l'expérience";
}

const lowerFirst = (text: string) => `${text.charAt(0).toLowerCase()}${text.slice(1)}`;

export function liveAnnouncement(subject: string, shownState: RequestState, change: LiveChange): string {
  if (change.kind === "message") return `Nouveau message sur ${lowerFirst(subject)}.`;
  if (change.state !== shownState) return `${subject} est passée à l'état : ${STATE_LABELS[change.state]}.`;
  return `${subject} a été mise à jour ; son état reste : ${STATE_LABELS[change.state]}.`;
}

/** A state read from the server (event stream or polling), or null when it is not one. */
export function asRequestState(value: unknown): RequestState | null {
  return typeof value === "string" && Object.hasOwn(STATE_LABELS, value) ? (value as RequestState) : null;
}
