import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { SESSION_MAX_AGE_S, endSession, logIn } from "@/lib/auth/login";
import type { Role } from "@/lib/auth/domain/policy";
import { LOCKED_PREFIX } from "@/lib/auth/schemas";
import { ipFromHeaders } from "@/lib/shared/request-ip";

/** NextAuth hands `authorize` the request's headers as a plain object, not a Headers. */
function clientIp(headers: Record<string, unknown> | undefined): string | null {
  return ipFromHeaders({ get: (name) => (typeof headers?.[name] === "string" ? headers[name] : null) });
}

/**
 * NextAuth carries a signed, encrypted JWT whose `sid` names a Session row. lib/auth/session.ts
 * checks that row on every request, so deleting it (logout, new password, first profile saved)
 * ends the session for real.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/connexion", error: "/connexion" },
  providers: [
    CredentialsProvider({
      id: "enf",
      name: "ENF",
      credentials: { identifier: { label: "Identifiant", type: "text" }, password: { label: "Mot de passe", type: "password" } },
      async authorize(credentials, req) {
        const result = await logIn({ identifier: credentials?.identifier ?? "", password: credentials?.password ?? "", ip: clientIp(req?.headers) });
        if (!result.ok) {
          // NextAuth hands the thrown message back to signIn() as `error`.
          throw new Error(result.code === "LOCKED" ? LOCKED_PREFIX + result.message : result.code);
        }
        return { id: result.user.id, name: result.user.displayName, role: result.user.role, sid: result.sessionId, profileComplete: result.user.profileComplete };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sid = user.sid;
        token.role = user.role;
        token.profileComplete = user.profileComplete;
      }
      return token;
    },
    session({ session, token }) {
      session.sid = token.sid;
      session.role = token.role;
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sid) await endSession(token.sid);
    },
  },
};

declare module "next-auth" {
  interface User {
    role: Role;
    sid: string;
    profileComplete: boolean;
  }
  interface Session {
    sid: string;
    role: Role;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sid: string;
    role: Role;
    profileComplete: boolean;
  }
}
