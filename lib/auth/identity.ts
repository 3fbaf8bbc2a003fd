import { db } from "../shared/db";
import { verifyAgainstDecoy, verifyPassword } from "./password-hash";
import type { Role } from "@/lib/auth/domain/policy";

export type DirectoryUser = { id: string; identifier: string; displayName: string; role: Role };

/**
 * Checks an ENF identifier and password. The local implementation reads the User table; an LDAP
 * or OpenID Connect directory can implement the same interface without touching the pages.
 */
export interface IdentityDirectory {
  authenticate(identifier: string, password: string): Promise<DirectoryUser | null>;
}

export const localDirectory: IdentityDirectory = {
  async authenticate(identifier, password) {
    const user = await db.user.findUnique({
      where: { identifier },
      select: { id: true, identifier: true, displayName: true, role: true, active: true, passwordHash: true },
    });
    if (!user || !user.active) {
      await verifyAgainstDecoy(password);
      return null;
    }
    if (!(await verifyPassword(user.passwordHash, password))) return null;
    return { id: user.id, identifier: user.identifier, displayName: user.displayName, role: user.role };
  },
};
