import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AccessibleLetter } from "@/components/documents/AccessibleLetter";
import { backToRequest } from "@/components/documents/DocumentLinks";
import { requireUser } from "@/lib/auth/session";
import { letterContentFor } from "@/lib/requests/letters";
import { downloadLabel } from "@/lib/shared/files";
import { idParam } from "@/lib/shared/params";
import { pageTitle } from "@/lib/shared/text";

type Params = { params: Promise<{ id: string; eventId: string }> };

/** The letter's content for this viewer, loaded once for the title and the page; null when the PDF would be a 404. */
const loadLetter = cache(async (rawId: string, rawEventId: string) => {
  const user = await requireUser();
  const [id, eventId] = [idParam(rawId), idParam(rawEventId)];
  const found = id && eventId ? await letterContentFor(user, id, eventId) : null;
  return found && id ? { user, id, ...found } : null;
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id, eventId } = await params;
  const found = await loadLetter(id, eventId);
  return { title: found ? pageTitle(found.content.documentTitle, "version accessible") : "Courrier introuvable" };
}

/** A decision letter as a web page: the same viewers and the same words as its PDF. */
export default async function AccessibleLetterPage({ params }: Params) {
  const { id, eventId } = await params;
  const found = await loadLetter(id, eventId);
  // A request missing or not visible, and an event that is not a decision of it, look the same.
  if (!found) notFound();
  const { user, content, entry, pdfSize } = found;
  return (
    <AccessibleLetter
      content={content}
      back={backToRequest(user.role, found.id)}
      pdf={{ href: `/demandes/${entry.requestId}/lettres/${entry.eventId}`, label: downloadLabel("Télécharger le courrier", { mimeType: "application/pdf", size: pdfSize }) }}
    />
  );
}
