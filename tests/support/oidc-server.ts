/**
 * A real OpenID Connect provider for the tests (npm oidc-provider), standing for an ENF whose
 * identity provider speaks OIDC (Microsoft Entra ID and others): discovery, authorisation code
 * with PKCE required, signed ID tokens. Its login page checks the password of OIDC_PEOPLE, the
 * consent is given at once. oidc-provider is an ES module: load this file with tsx (e2e server,
 * scripts), not from Jest.
 *   npx tsx tests/support/oidc-server.ts <port> <redirect URI>…   runs one until killed
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export const OIDC_CLIENT = { id: "d3-tests", secret: "secret-du-client-d3-pour-les-tests" };

export type OidcPerson = { password: string; claims: Record<string, unknown> };

/** The ENF accounts of the provider, by login (preferred_username). */
export const OIDC_PEOPLE: Record<string, OidcPerson> = {
  "oscar.oidc.auditeur": {
    password: "mot-de-passe-ENF-oscar",
    claims: { given_name: "Oscar", family_name: "Oidc", email: "oscar.oidc@enf.test", learner_number: "100900777" },
  },
  "olga.agent": { password: "mot-de-passe-ENF-olga", claims: { given_name: "Olga", family_name: "Agent", email: "olga.agent@enf.test", groups: ["d3-jury"] } },
};

export type OidcServer = { issuer: string; server: Server; stop(): Promise<void> };

async function body(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid: string, error?: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>ENF de test – connexion</title></head><body>
<main><h1>Espace Numérique de Formation (test)</h1>
${error ? `<p role="alert">${escape(error)}</p>` : ""}
<form method="post" action="/interaction/${escape(uid)}">
<label for="login">Identifiant ENF</label><input id="login" name="login" autocomplete="username" required>
<label for="password">Mot de passe ENF</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Se connecter à l'ENF</button>
</form></main></body></html>`;
}

export async function startOidcServer(options: { port?: number; redirectUris: string[]; people?: Record<string, OidcPerson> }): Promise<OidcServer> {
  const { default: Provider } = await import("oidc-provider");
  const people = options.people ?? OIDC_PEOPLE;
  const port = options.port ?? 0;
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT.id,
        client_secret: OIDC_CLIENT.secret,
        redirect_uris: options.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ["sub"], email: ["email"], profile: ["preferred_username", "given_name", "family_name", "learner_number", "groups"] },
    // The claims in the ID token itself, as Entra ID does for its optional claims.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    cookies: { keys: ["cle-des-cookies-du-fournisseur-de-test"] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    async findAccount(_ctx: unknown, id: string) {
      const person = people[id];
      if (!person) return undefined;
      return { accountId: id, claims: async () => ({ sub: `sub-${id}`, preferred_username: id, ...person.claims }) };
    },
  });
  const handle = provider.callback();

  server.on("request", (req, res) => {
    const match = /^\/interaction\/([\w-]+)$/.exec(req.url ?? "");
    if (!match) return void handle(req, res);
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        if (req.method !== "POST") {
          res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(loginPage(details.uid));
          return;
        }
        const form = await body(req);
        const login = form.get("login") ?? "";
        const person = people[login];
        if (!person || person.password !== form.get("password")) {
          res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(loginPage(details.uid, "Identifiant ou mot de passe ENF incorrect."));
          return;
        }
        const grant = new provider.Grant({ accountId: login, clientId: String(details.params.client_id) });
        grant.addOIDCScope(String(details.params.scope ?? "openid"));
        const grantId = await grant.save();
        await provider.interactionFinished(req, res, { login: { accountId: login }, consent: { grantId } }, { mergeWithLastSubmission: false });
      } catch (error) {
        res.writeHead(500).end(String(error));
      }
    })();
  });

  return {
    issuer,
    server,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

if (process.argv[1]?.endsWith("oidc-server.ts")) {
  const [port, ...redirectUris] = process.argv.slice(2);
  void startOidcServer({ port: Number(port), redirectUris }).then((s) => console.log(`Fournisseur OpenID Connect de test : ${s.issuer}`));
}
