import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig, Provider } from "next-auth/providers/index";
import { SESSION_MAX_AGE_S, endSession, logIn, logInFromProvider } from "@/lib/auth/login";
import { personFrom, type DirectoryPerson } from "@/lib/auth/domain/directory";
import type { Role } from "@/lib/auth/domain/policy";
import { identityProvider, oidcSettings } from "@/lib/auth/directory-config";
import { LOCKED_PREFIX } from "@/lib/auth/domain/login-messages";
import { ipFromHeaders } from "@/lib/shared/request-ip";

/** NextAuth hands `authorize` the request's headers as a plain object, not a Headers. */
function clientIp(headers: Record<string, unknown> | undefined): string | null {
  return ipFromHeaders({ get: (name) => (typeof headers?.[name] === "string" ? headers[name] : null) });
}

/** The id of the OpenID Connect provider, for signIn() and the callback address /api/auth/callback/enf-oidc. */
export const OIDC_PROVIDER_ID = "enf-oidc";

type OidcProfile = Record<string, unknown> & { sub: string };

/**
 * IDENTITY_PROVIDER=oidc: the ENF's OpenID Connect provider (Microsoft Entra ID and others), found
 * through its discovery document. The authorisation code flow with PKCE and state, both checked by
 * NextAuth on the way back; the ID token's claims give the identifier and the person.
 */
function oidcProvider(): OAuthConfig<OidcProfile> {
  const settings = oidcSettings();
  return {
    id: OIDC_PROVIDER_ID,
    name: "ENF",
    type: "oauth",
    wellKnown: `${settings.issuer}/.well-known/openid-configuration`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorization: { params: { scope: "openid profile email" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile(claims) {
      const identifier = typeof claims[settings.identifierClaim] === "string" ? (claims[settings.identifierClaim] as string) : "";
      // sid, role and profileComplete are set by the signIn callback once D3 has opened the account.
      return { id: claims.sub, sid: "", role: "AUDITEUR", profileComplete: false, person: personFrom(identifier, claims, settings.claims) };
    },
  };
}

/** The password form (local accounts or the ENF's LDAP directory). */
function passwordProvider(): Provider {
  return CredentialsProvider({
    id: "enf",
    name: "ENF",
    credentials: { identifier: { label: "Identifiant", type: "text" }, password: { label: "Mot de passe", type: "password" } },
    async authorize(credentials, req) {
      const result = await logIn({ identifier: credentials?.identifier ?? "", password: credentials?.password ?? "", ip: clientIp(req?.headers) });
      if (!result.ok) {
        // NextAuth hands the thrown message back to signIn() as `error`.
        throw new Error(result.code === "INVALID_CREDENTIALS" ? result.code : LOCKED_PREFIX + result.message);
      }
      return { id: result.user.id, name: result.user.displayName, role: result.user.role, sid: result.sessionId, profileComplete: result.user.profileComplete };
    },
  });
}

/**
 * NextAuth carries a signed, encrypted JWT whose `sid` names a Session row. lib/auth/session.ts
 * checks that row on every request, so deleting it (logout, new password, first profile saved)
 * ends the session for real.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/connexion", error: "/connexion" },
  providers: [identityProvider() === "oidc" ? oidcProvider() : passwordProvider()],
  callbacks: {
    /** OpenID Connect: the same account rules and session row as the form (lib/auth/login.ts). */
    async signIn({ user, account }) {
      if (account?.provider !== OIDC_PROVIDER_ID) return true;
      if (!user.person) return `/connexion?erreur=INVALID_FORMAT`;
      const result = await logInFromProvider(user.person, oidcSettings().groupRoles);
      if (!result.ok) return `/connexion?erreur=${result.code}`;
      // Without a database adapter, NextAuth hands this same object to the jwt callback.
      Object.assign(user, { sid: result.sessionId, role: result.user.role, profileComplete: result.user.profileComplete, name: result.user.displayName, person: undefined });
      return true;
    },
    jwt({ token, user }) {
      if (user) {
        token.sid = user.sid;
        token.role = user.role;
        token.profileComplete = user.profileComplete;
      }
      return token;
    },
    // What /api/auth/session shows to page scripts: no session row id (lib/auth/session.ts reads
    // it with serverSessionOptions, on the server only).
    session({ session, token }) {
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
    /** OpenID Connect only, between the provider's answer and the signIn callback. */
    person?: DirectoryPerson;
  }
  interface Session {
    /** Set on the server only (lib/auth/session.ts): never sent to the browser. */
    sid?: string;
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
