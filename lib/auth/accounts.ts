import { db } from "@/lib/shared/db";
import { isUniqueViolation } from "@/lib/shared/db-errors";
import { accountDecision, displayNameOf, type DirectoryPerson, type GroupRoles } from "@/lib/auth/domain/directory";
import type { DirectoryUser } from "./identity";

export type AccountOutcome = { ok: true; user: DirectoryUser } | { ok: false; reason: "disabled" | "staff-unknown" };

const SELECT = { id: true, identifier: true, displayName: true, role: true, active: true } as const;

/**
 * The D3 account of a person the directory has just accepted (lib/auth/domain/directory.ts,
 * accountDecision): opened as it is, provisioned at the first login (a learner, or a staff member
 * whose directory groups map to a role), or refused when disabled in D3. With an external directory
 * the names, email and learner number it gives are kept up to date; D3 stores no password.
 */
export async function accountFor(person: DirectoryPerson, options: { external: boolean; groupRoles: GroupRoles }): Promise<AccountOutcome> {
  const existing = await db.user.findUnique({ where: { identifier: person.identifier }, select: SELECT });
  const decision = accountDecision(person.identifier, existing, person.groups, options.groupRoles);
  if (decision.kind === "disabled" || decision.kind === "staff-unknown") return { ok: false, reason: decision.kind };
  const fromDirectory = {
    displayName: displayNameOf(person),
    ...(person.email ? { email: person.email } : {}),
    directoryLearnerNumber: person.learnerNumber,
  };
  if (decision.kind === "open") {
    if (!options.external) return { ok: true, user: toUser(existing!) };
    // A hash left from before the switch to the ENF's directory goes: D3 keeps no password then.
    const updated = await db.user.update({ where: { id: decision.userId }, data: { ...fromDirectory, passwordHash: null }, select: SELECT });
    return { ok: true, user: toUser(updated) };
  }
  try {
    const created = await db.user.create({
      data: { identifier: person.identifier, role: decision.role, passwordHash: null, email: "", ...fromDirectory },
      select: SELECT,
    });
    return { ok: true, user: toUser(created) };
  } catch (error) {
    // Two first logins at once: the other one created the account.
    if (!isUniqueViolation(error)) throw error;
    return accountFor(person, options);
  }
}

function toUser(row: { id: string; identifier: string; displayName: string; role: DirectoryUser["role"] }): DirectoryUser {
  return { id: row.id, identifier: row.identifier, displayName: row.displayName, role: row.role };
}
