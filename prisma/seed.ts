/**
 * Development and demonstration data: the real Cnam centres (from prisma/data/cnam-catalogue.json)
 * and one demo account per role. Refuses to run in production. Idempotent: existing rows are kept.
 *   npm run db:seed
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { createDatabaseClient, type Database } from "../lib/server/database";
import { hashPassword } from "../lib/server/password-hash";
import { parseCatalogue } from "../lib/domain/catalogue/import";
import type { Role } from "../lib/domain/policy";

export const DEMO_PASSWORD = "D3-demo-2026!";

type DemoAccount = { identifier: string; displayName: string; role: Role; centreCode?: string; profile?: boolean };

/** The README's table of demo accounts lists exactly these. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { identifier: "marie.martin.auditeur", displayName: "Marie Martin", role: "AUDITEUR" },
  { identifier: "jean.dupont.auditeur", displayName: "Jean Dupont", role: "AUDITEUR", profile: true },
  { identifier: "sophie.bernard", displayName: "Sophie Bernard", role: "AGENT_CENTRE", centreCode: "PARIS" },
  { identifier: "karim.haddad", displayName: "Karim Haddad", role: "AGENT_CENTRE", centreCode: "NOUVELLE-AQUITAINE" },
  { identifier: "claire.moreau", displayName: "Claire Moreau", role: "AGENT_NATIONAL" },
  { identifier: "nadia.leroy", displayName: "Nadia Leroy", role: "ADMIN" },
];

export function loadCatalogue() {
  const raw = JSON.parse(readFileSync(path.join(__dirname, "data", "cnam-catalogue.json"), "utf8"));
  const parsed = parseCatalogue(raw);
  if (!parsed.ok) throw new Error(`Catalogue invalide :\n${parsed.errors.map((e) => `${e.path} : ${e.message}`).join("\n")}`);
  return parsed.catalogue;
}

export async function seedCentres(db: Database): Promise<void> {
  for (const centre of loadCatalogue().centres) {
    const data = { name: centre.name, region: centre.region, verified: centre.verified };
    await db.centre.upsert({ where: { code: centre.code }, create: { code: centre.code, ...data }, update: data });
  }
}

export async function seedDemoAccounts(db: Database): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of DEMO_ACCOUNTS) {
    const [firstName, lastName] = account.displayName.split(" ") as [string, string];
    const email = `${account.identifier.replace(/\.auditeur$/, "")}@demo.d3.localhost`;
    await db.user.upsert({
      where: { identifier: account.identifier },
      update: {},
      create: {
        identifier: account.identifier,
        displayName: account.displayName,
        email,
        passwordHash,
        role: account.role,
        centreCode: account.centreCode ?? null,
        profile: account.profile
          ? {
              create: {
                civility: "MONSIEUR",
                birthName: lastName.toUpperCase(),
                firstNames: firstName,
                birthDate: new Date("1988-04-12T00:00:00Z"),
                birthCity: "Nantes",
                birthCountry: "FR",
                nationality: "FR",
                addressLine: "12 rue des Arts et Métiers",
                postalCode: "75003",
                city: "Paris",
                country: "FR",
                email,
                phone: "0612345678",
                learnerNumber: "100200300",
                centreCode: "PARIS",
              },
            }
          : undefined,
      },
    });
  }
}

export async function seed(db: Database): Promise<void> {
  await seedCentres(db);
  await seedDemoAccounts(db);
}

if (require.main === module) {
  if (process.env.NODE_ENV === "production") {
    console.error("Refus : les données de démonstration ne se chargent pas en production (NODE_ENV=production).");
    process.exit(1);
  }
  const db = createDatabaseClient();
  seed(db)
    .then(() => console.log(`Données de démonstration chargées : ${DEMO_ACCOUNTS.length} comptes (mot de passe ${DEMO_PASSWORD}).`))
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    })
    .finally(() => db.$disconnect());
}
