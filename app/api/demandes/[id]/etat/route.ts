import { getCurrentUser } from "@/lib/auth/session";
import { findVisibleRequestVersion } from "@/lib/requests/visibility";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "private, no-store" };

/** Version and state of one request, polled by pages whose event stream does not get through. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response(null, { status: 401, headers: NO_STORE });
  const current = await findVisibleRequestVersion(user, (await params).id);
  // Missing and not visible look the same, so that request ids cannot be probed.
  if (!current) return new Response(null, { status: 404, headers: NO_STORE });
  return Response.json({ version: current.version, state: current.state }, { headers: NO_STORE });
}
