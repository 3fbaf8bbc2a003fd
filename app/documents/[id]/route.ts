import { Readable } from "node:stream";
import { getCurrentUser } from "@/lib/auth/session";
import { openDocument } from "@/lib/requests/documents";
import { ipFromHeaders } from "@/lib/shared/request-ip";
import { log } from "@/lib/shared/log";
import { idParam } from "@/lib/shared/params";
import { StorageUnavailableError } from "@/lib/shared/storage";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "private, no-store" };

/** RFC 6266 with an RFC 5987 UTF-8 name, and an ASCII fallback for clients that ignore it. */
function contentDisposition(type: "attachment" | "inline", fileName: string): string {
  const ascii = fileName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Downloads a pièce justificative: for the learner who owns the request and the staff who may see
 * it. `?apercu=1` shows it in the browser (staff preview) inside a sandbox, so that a crafted file
 * can run nothing on this origin.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response(null, { status: 401, headers: NO_STORE });
  const documentId = idParam((await params).id);
  if (!documentId) return new Response(null, { status: 404, headers: NO_STORE });
  const document = await openDocument({ ...user, ip: ipFromHeaders(request.headers) }, documentId).catch((error: unknown) => {
    if (!(error instanceof StorageUnavailableError)) throw error;
    log.error({ err: error, documentId }, "document not opened: storage unavailable");
    return "unavailable" as const;
  });
  if (document === "unavailable") {
    return new Response("Téléchargement impossible pour le moment, réessayez plus tard.", { status: 503, headers: { ...NO_STORE, "Content-Type": "text/plain; charset=utf-8", "Retry-After": "60" } });
  }
  // Missing and not visible look the same, so that document ids cannot be probed.
  if (!document) return new Response(null, { status: 404, headers: NO_STORE });

  const inline = new URL(request.url).searchParams.get("apercu") === "1";
  const headers: Record<string, string> = {
    ...NO_STORE,
    "Content-Type": document.mimeType,
    "Content-Length": String(document.size),
    "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", document.fileName),
    "X-Content-Type-Options": "nosniff",
  };
  if (inline) headers["Content-Security-Policy"] = "sandbox";
  return new Response(Readable.toWeb(document.stream) as ReadableStream<Uint8Array>, { headers });
}
