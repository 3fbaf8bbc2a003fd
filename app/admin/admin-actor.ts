import "server-only";
import type { AuditActor } from "@/lib/audit/log";
import { clientIp } from "@/lib/server/request-ip";
import { requireUser } from "@/lib/server/session";

/** The gate of every administration action, with what the audit log needs: who and from where. */
export async function adminActor(): Promise<AuditActor> {
  const user = await requireUser({ space: "admin" });
  return { id: user.id, role: user.role, ip: await clientIp() };
}
