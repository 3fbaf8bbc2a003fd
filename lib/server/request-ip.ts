import "server-only";
import { headers } from "next/headers";

/** The client's address as seen by the reverse proxy (first X-Forwarded-For hop), for the audit log. */
export async function clientIp(): Promise<string | null> {
  const h = await headers();
  const forwarded = h.get("x-forwarded-for");
  if (forwarded) return forwarded.split(",")[0]!.trim() || null;
  return h.get("x-real-ip");
}
