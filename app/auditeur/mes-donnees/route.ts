import { Readable } from "node:stream";
import { exportLearnerData } from "@/lib/privacy/export";
import { getCurrentUser } from "@/lib/auth/session";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "private, no-store" };

/** "Télécharger mes données": the logged-in learner's own data, as one ZIP streamed as it is built. */
export async function GET() {
  const user = await getCurrentUser();
  if (!user) return new Response(null, { status: 401, headers: NO_STORE });
  if (user.role !== "AUDITEUR") return new Response(null, { status: 403, headers: NO_STORE });
  const exported = await exportLearnerData(user.id);
  if (!exported) return new Response(null, { status: 404, headers: NO_STORE });
  return new Response(Readable.toWeb(exported.stream) as ReadableStream<Uint8Array>, {
    headers: {
      ...NO_STORE,
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${exported.fileName}"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
