import { receiptData, receiptPdfSize } from "@/lib/requests/receipt";
import { letterPdfSize, type LetterEntry } from "@/lib/requests/letters";
import type { RequestDetail } from "@/lib/requests/queries";
import { downloadLabel } from "@/lib/shared/files";

const PDF = "application/pdf";

/**
 * A generated document where it is offered: its PDF, with format and size in the link (RGAA 6.1),
 * and right beside it the same document as a web page, for those the PDF does not serve.
 */
function DocumentDownload({ pdfHref, label, size, accessibleHref, of }: { pdfHref: string; label: string; size: number; accessibleHref: string; of: string }) {
  return (
    <span className="flex flex-col gap-1">
      <a href={pdfHref} className="font-medium">
        {downloadLabel(label, { mimeType: PDF, size })}
      </a>
      <a href={accessibleHref} className="text-sm">
        Version accessible (page web)<span className="sr-only"> {of}</span>
      </a>
    </span>
  );
}

/** The récépissé of a deposited request (nothing for a draft). */
export async function ReceiptDownload({ request, linked, label = "Récépissé de dépôt" }: { request: RequestDetail; linked: RequestDetail | null; label?: string }) {
  const data = receiptData(request, linked);
  if (!data) return null;
  return (
    <DocumentDownload
      pdfHref={`/demandes/${request.id}/recepisse`}
      label={label}
      size={await receiptPdfSize(data)}
      accessibleHref={`/demandes/${request.id}/recepisse/version-accessible`}
      of="du récépissé"
    />
  );
}

/** A decision letter of the request (or of its joint request, given as `request`). */
export async function LetterDownload({ request, letter, label = letter.label }: { request: RequestDetail; letter: LetterEntry; label?: string }) {
  return (
    <DocumentDownload
      pdfHref={`/demandes/${letter.requestId}/lettres/${letter.eventId}`}
      label={label}
      size={await letterPdfSize(request, letter)}
      accessibleHref={`/demandes/${letter.requestId}/lettres/${letter.eventId}/version-accessible`}
      of={`du courrier « ${letter.label} »`}
    />
  );
}
