/**
 * Every staff action written to the audit log, as a discriminated union: the compiler knows each
 * action and its details. Add a member here before logging a new kind of action.
 */
export type AuditEvent =
  | {
      action: "request.transition";
      requestId: string;
      details: { transition: string; from: string; to: string; comment?: string; payload?: Record<string, string | number>; creditedUnits?: string[] };
    }
  | { action: "request.assign"; requestId: string; details: { assigneeId: string; from: string; to: string } }
  | { action: "request.edition"; requestId: string; details: { diplomaNumber: string } }
  | { action: "request.message"; requestId: string; details: { messageId: string } }
  | { action: "document.review"; requestId: string; details: { documentId: string; status: string; reason?: string } }
  | { action: "document.download"; requestId: string; details: { documentId: string } }
  | { action: "centre.create" | "centre.update"; details: { code: string; name: string } }
  | { action: "account.create"; details: { userId: string; identifier: string; role: string; centreCode: string | null } }
  | { action: "account.update"; details: { userId: string; changes: Record<string, string | boolean | null> } }
  | { action: "catalogue.import"; details: { diplomas: number; units: number; centres: number } }
  | { action: "results.import"; details: { rows: number; learners: number } }
  | { action: "outbox.retry"; details: { emails: number } }
  // Written for whoever sent the file (a learner too): a refused upload is a security event.
  | { action: "upload.infected"; requestId?: string; details: { signature: string; fileName: string; size: number; sha256: string } }
  | { action: "learner.confirmNumber"; details: { userId: string; learnerNumber: string } };

export type AuditAction = AuditEvent["action"];
