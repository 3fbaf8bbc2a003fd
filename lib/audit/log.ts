import type { Database, Transaction } from "@/lib/shared/db/database";
import type { Role } from "@/lib/auth/domain/policy";
import type { AuditEvent } from "./events";

export type AuditActor = { id: string; role: Role; ip?: string | null };

/**
 * Appends one row to the audit log, in the caller's transaction when there is one, so that the
 * action and its trace commit together. Nothing ever updates or deletes these rows.
 */
export async function recordAudit(client: Database | Transaction, actor: AuditActor, event: AuditEvent, at: Date = new Date()): Promise<void> {
  const requestId = "requestId" in event ? (event.requestId ?? null) : null;
  const target = targetOf(event);
  await client.auditLog.create({
    data: {
      at,
      actorId: actor.id,
      actorRole: actor.role,
      action: event.action,
      requestId,
      targetType: target?.type ?? null,
      targetId: target?.id ?? null,
      ip: actor.ip ?? null,
      details: JSON.parse(JSON.stringify(event.details)),
    },
  });
}

function targetOf(event: AuditEvent): { type: string; id: string } | null {
  switch (event.action) {
    case "document.review":
    case "document.download":
      return { type: "document", id: event.details.documentId };
    case "centre.create":
    case "centre.update":
      return { type: "centre", id: event.details.code };
    case "account.create":
    case "account.update":
    case "learner.confirmNumber":
      return { type: "user", id: event.details.userId };
    default:
      return null;
  }
}
