import { getCurrentUser } from "@/lib/auth/session";
import { letterFor } from "@/lib/requests/letters";
import { idParam } from "@/lib/shared/params";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "private, no-store" };

/** A decision letter (PDF) of a request, for the same viewers as the request itself. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; eventId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response(null, { status: 401, headers: NO_STORE });
  const { id: rawId, eventId: rawEventId } = await params;
  const [id, eventId] = [idParam(rawId), idParam(rawEventId)];
  const letter = id && eventId ? await letterFor(user, id, eventId) : null;
  // A request missing or not visible, and an event that is not a decision of it, look the same.
  if (!letter) return new Response(null, { status: 404, headers: NO_STORE });
  return new Response(new Uint8Array(letter.pdf), {
    headers: {
      ...NO_STORE,
      "Content-Type": "application/pdf",
      "Content-Length": String(letter.pdf.byteLength),
      "Content-Disposition": `attachment; filename="${letter.fileName}"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
