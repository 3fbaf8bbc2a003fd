import { pageTitle } from "../../shared/text";
import { STATE_LABELS, type RequestKind, type RequestState } from "./request-lifecycle";

type Titled = { number: string | null; kind: RequestKind; state: RequestState; diploma: { code: string | null; title: string } };

const DRAFT_KIND: Record<RequestKind, string> = { DIPLOMA: "Demande de diplôme", EXPERIENCE: "Analyse de l'expérience" };

/**
 * The title of a request's page (RGAA 8.6: each page its own title): the request's number and its
 * state, « Demande D3-2026-000123 – Déposée », then the space for a staff page (« Espace centre »);
 * a draft has no number yet and is named by its kind and diploma (« Demande de diplôme LG02501A –
 * Brouillon »). The root layout adds « – D3 – Cnam ».
 */
export function requestPageTitle(request: Titled, space?: string): string {
  const name = request.number ? `Demande ${request.number}` : `${DRAFT_KIND[request.kind]} ${request.diploma.code ?? request.diploma.title}`;
  return pageTitle(name, STATE_LABELS[request.state], space);
}
