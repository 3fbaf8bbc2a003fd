/**
 * IDENTITY_PROVIDER=oidc: NextAuth's provider as configured (discovery, PKCE and state) and what
 * D3 does with the ID token's claims (provisioning, mapping, disabled accounts, our session row).
 * The exchange with a real provider (npm oidc-provider) runs in the browser test
 * tests/e2e/enf-sign-in.directories.spec.ts.
 */
import type { NextAuthOptions, User } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { db } from "@/lib/shared/db";

const saved = { ...process.env };
let authOptions: NextAuthOptions;
let providerId: string;

beforeAll(async () => {
  Object.assign(process.env, {
    IDENTITY_PROVIDER: "oidc",
    OIDC_ISSUER: "https://login.enf.example.test/tenant/v2.0/",
    OIDC_CLIENT_ID: "d3",
    OIDC_CLIENT_SECRET: "secret",
    ENF_PASSWORD_RESET_URL: "https://enf.example.test/mdp",
    DIRECTORY_GROUP_ROLES: "AGENT_NATIONAL=d3-jury",
  });
  // The providers are read from the configuration when the module loads.
  ({ authOptions, OIDC_PROVIDER_ID: providerId } = await import("@/lib/auth/auth-options"));
});
afterAll(() => {
  process.env = saved;
});

function provider(): OAuthConfig<Record<string, unknown> & { sub: string }> {
  expect(authOptions.providers).toHaveLength(1);
  return authOptions.providers[0] as unknown as OAuthConfig<Record<string, unknown> & { sub: string }>;
}

async function signInWith(claims: Record<string, unknown>): Promise<{ allowed: string | boolean; user: User }> {
  const user = await provider().profile!({ sub: `sub-${Math.random()}`, ...claims }, {});
  const account = { provider: providerId, type: "oauth" as const, providerAccountId: "x" };
  const allowed = await authOptions.callbacks!.signIn!({ user, account });
  return { allowed, user };
}

describe("OpenID Connect provider", () => {
  test("found through the issuer's discovery document, code flow with PKCE and state checked", () => {
    expect(provider()).toMatchObject({
      id: "enf-oidc",
      type: "oauth",
      wellKnown: "https://login.enf.example.test/tenant/v2.0/.well-known/openid-configuration",
      clientId: "d3",
      idToken: true,
      checks: ["pkce", "state"],
    });
  });

  test("a learner known only to the ENF is provisioned from the ID token's claims, then gets our session row", async () => {
    const identifier = `oscar.o${Date.now().toString(36).replace(/\d/g, "x")}.auditeur`;
    const { allowed, user } = await signInWith({ preferred_username: identifier.toUpperCase(), given_name: "Oscar", family_name: "Oidc", email: "oscar@enf.test", learner_number: "100900777" });
    expect(allowed).toBe(true);
    expect(user).toMatchObject({ role: "AUDITEUR", profileComplete: false, name: "Oscar Oidc" });
    const row = await db.user.findUniqueOrThrow({ where: { identifier }, omit: { passwordHash: false } });
    expect(row).toMatchObject({ role: "AUDITEUR", passwordHash: null, email: "oscar@enf.test", directoryLearnerNumber: "100900777", displayName: "Oscar Oidc" });
    expect(await db.session.findUnique({ where: { id: user.sid } })).toMatchObject({ userId: row.id });

    const token = await authOptions.callbacks!.jwt!({ token: {} as never, user, account: null });
    expect(token).toMatchObject({ sid: user.sid, role: "AUDITEUR", profileComplete: false });
  });

  test("staff: not opened in D3 → sent back with a message; a mapped group opens it; disabled in D3 → refused", async () => {
    const suffix = Date.now().toString(36).replace(/\d/g, "y");
    expect((await signInWith({ preferred_username: `olga.a${suffix}`, groups: ["autre"] })).allowed).toBe("/connexion?erreur=NOT_OPENED");
    const mapped = await signInWith({ preferred_username: `olga.a${suffix}`, groups: ["d3-jury"] });
    expect(mapped.allowed).toBe(true);
    expect(mapped.user).toMatchObject({ role: "AGENT_NATIONAL" });

    await db.user.update({ where: { identifier: `olga.a${suffix}` }, data: { active: false } });
    const sessions = await db.session.count({ where: { user: { identifier: `olga.a${suffix}` } } });
    expect((await signInWith({ preferred_username: `olga.a${suffix}`, groups: ["d3-jury"] })).allowed).toBe("/connexion?erreur=INVALID_CREDENTIALS");
    expect(await db.session.count({ where: { user: { identifier: `olga.a${suffix}` } } })).toBe(sessions);
  });

  test("a claim that is not an ENF identifier is refused", async () => {
    expect((await signInWith({ preferred_username: "quelqu'un@enf.test" })).allowed).toBe("/connexion?erreur=INVALID_FORMAT");
    expect((await signInWith({})).allowed).toBe("/connexion?erreur=INVALID_FORMAT");
  });
});
