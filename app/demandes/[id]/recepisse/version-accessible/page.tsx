import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AccessibleReceipt } from "@/components/documents/AccessibleReceipt";
import { backToRequest } from "@/components/documents/DocumentLinks";
import { requireUser } from "@/lib/auth/session";
import { receiptContentFor } from "@/lib/requests/receipt";
import { downloadLabel } from "@/lib/shared/files";
import { idParam } from "@/lib/shared/params";
import { pageTitle } from "@/lib/shared/text";

type Params = { params: Promise<{ id: string }> };

/** The receipt's content for this viewer, loaded once for the title and the page; null when the PDF would be a 404. */
const loadReceipt = cache(async (rawId: string) => {
  const user = await requireUser();
  const id = idParam(rawId);
  const receipt = id ? await receiptContentFor(user, id) : null;
  return receipt && id ? { user, id, ...receipt } : null;
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const found = await loadReceipt((await params).id);
  return { title: found ? pageTitle(found.content.documentTitle, "version accessible") : "Récépissé introuvable" };
}

/** The récépissé de dépôt as a web page: the same viewers and the same words as its PDF. */
export default async function AccessibleReceiptPage({ params }: Params) {
  const found = await loadReceipt((await params).id);
  // Missing, not visible and not yet deposited look the same, as for the PDF.
  if (!found) notFound();
  const { user, id, content, pdfSize } = found;
  return (
    <AccessibleReceipt
      content={content}
      back={backToRequest(user.role, id)}
      pdf={{ href: `/demandes/${id}/recepisse`, label: downloadLabel("Télécharger le récépissé", { mimeType: "application/pdf", size: pdfSize }) }}
    />
  );
}
