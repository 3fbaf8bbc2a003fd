import { getCurrentUser } from "@/lib/auth/session";
import { receiptPdf } from "@/lib/requests/receipt";
import { idParam } from "@/lib/shared/params";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "private, no-store" };

/** The récépissé de dépôt of a request, for the same viewers as the request itself. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response(null, { status: 401, headers: NO_STORE });
  const id = idParam((await params).id);
  const receipt = id ? await receiptPdf(user, id) : null;
  // Missing, not visible and not yet deposited look the same.
  if (!receipt) return new Response(null, { status: 404, headers: NO_STORE });
  return new Response(new Uint8Array(receipt.pdf), {
    headers: {
      ...NO_STORE,
      "Content-Type": "application/pdf",
      "Content-Length": String(receipt.pdf.byteLength),
      "Content-Disposition": `attachment; filename="${receipt.fileName}"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
