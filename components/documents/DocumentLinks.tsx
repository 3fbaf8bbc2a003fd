import type { Role } from "@/lib/auth/domain/policy";

export type DocumentLink = { href: string; label: string };

/** Above an accessible document: the way back to the request and the same document as a PDF. */
export function DocumentLinks({ back, pdf }: { back: DocumentLink; pdf: DocumentLink }) {
  return (
    <nav aria-label="Autour de ce document" className="flex flex-wrap gap-x-6 gap-y-2">
      <a href={back.href}>← {back.label}</a>
      <a href={pdf.href} download>
        {pdf.label}
      </a>
    </nav>
  );
}

/** The request's page in the viewer's own space. */
export function backToRequest(role: Role, requestId: string): DocumentLink {
  const space = role === "AGENT_CENTRE" ? "/centre" : role === "AGENT_NATIONAL" ? "/national" : "";
  return { href: `${space}/demandes/${requestId}`, label: "Retour à la demande" };
}
