import "server-only";
import { headers } from "next/headers";

/** The client's address as seen by the reverse proxy (first X-Forwarded-For hop), for the audit log. */
export function ipFromHeaders(h: Pick<Headers, "get">): string | null {
  const forwarded = h.get("x-forwarded-for");
  if (forwarded) return forwarded.split(",")[0]!.trim() || null;
  return h.get("x-real-ip");
}

/** The same, inside a server action or a server component. */
export async function clientIp(): Promise<string | null> {
  return ipFromHeaders(await headers());
}
