import { db } from "../shared/db";
import { PasswordHashBusyError, verifyAgainstDecoy, verifyPassword } from "./password-hash";
import type { Authentication } from "@/lib/auth/domain/directory";
import type { Role } from "@/lib/auth/domain/policy";

export type DirectoryUser = { id: string; identifier: string; displayName: string; role: Role };

/**
 * Checks an ENF identifier and password. IDENTITY_PROVIDER chooses the implementation
 * (lib/auth/directories.ts): D3's own accounts here, the ENF's LDAP directory in
 * ldap-directory.ts. (With OpenID Connect the ENF's provider checks the password itself, on its
 * own page: see auth-options.ts.) Then lib/auth/accounts.ts decides what the accepted person may
 * open in D3.
 */
export interface IdentityDirectory {
  authenticate(identifier: string, password: string): Promise<Authentication>;
}

/** D3's own accounts (IDENTITY_PROVIDER=local, development and demo). */
export const localDirectory: IdentityDirectory = {
  async authenticate(identifier, password) {
    const user = await db.user.findUnique({
      where: { identifier },
      select: { identifier: true, displayName: true, email: true, active: true, passwordHash: true },
    });
    try {
      if (!user || !user.active || !user.passwordHash) {
        await verifyAgainstDecoy(password);
        return { status: "rejected" };
      }
      if (!(await verifyPassword(user.passwordHash, password))) return { status: "rejected" };
    } catch (error) {
      // Too many logins waiting for a password check (a flood): nothing was checked, as when a
      // directory is down — « réessayez », and not counted toward the lockout.
      if (error instanceof PasswordHashBusyError) return { status: "unavailable" };
      throw error;
    }
    return { status: "accepted", person: { identifier: user.identifier, givenName: null, surname: null, email: user.email, learnerNumber: null, groups: [] } };
  },
};
