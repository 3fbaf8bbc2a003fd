/**
 * Development and demonstration data: the real Cnam centres (from prisma/data/cnam-catalogue.json)
 * and one demo account per role. Refuses to run in production. Idempotent: existing rows are kept.
 *   npm run db:seed
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { createDatabaseClient, type Database } from "../lib/shared/db/database";
import { hashPassword } from "../lib/auth/password-hash";
import { importCatalogue } from "../lib/catalogue/import-catalogue";
import type { ObtainedBy } from "../lib/catalogue/domain/eligibility";
import type { Role } from "../lib/auth/domain/policy";

export const DEMO_PASSWORD = "D3-demo-2026!";

type DemoProfile = { civility: "MADAME" | "MONSIEUR"; learnerNumber: string; centreCode: string; results: DemoResult[] };
type DemoAccount = { identifier: string; displayName: string; role: Role; centreCode?: string; profile?: DemoProfile };
type DemoResult = [unitCode: string, year: number, grade: number | null, obtainedBy: ObtainedBy];

/**
 * Real units of the licence informatique LG02501A (prisma/data/cnam-catalogue.json): the common
 * core, one unit in each of three L3 themes, project management and English.
 */
const LICENCE_UNITS: DemoResult[] = [
  ["UTC501", 2021, null, "EQUIVALENCE"],
  ["UTC502", 2021, 12.5, "PASSED"],
  ["UTC503", 2022, 14, "PASSED"],
  ["UTC504", 2022, 11, "PASSED"],
  ["UTC505", 2022, 13.5, "PASSED"],
  ["NFP121", 2023, 15, "PASSED"],
  ["NFP107", 2023, 10.5, "PASSED"],
  ["RSX101", 2024, 12, "PASSED"],
  ["GDN100", 2024, 16, "PASSED"],
  ["ANG320", 2024, 11.5, "PASSED"],
];
/** The licence's experience unit for a direct entry in L3. */
const LICENCE_EXPERIENCE: DemoResult = ["UAAL0T", 2025, null, "VAE"];

/** The README's table of demo accounts lists exactly these. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { identifier: "marie.martin.auditeur", displayName: "Marie Martin", role: "AUDITEUR" },
  {
    identifier: "jean.dupont.auditeur",
    displayName: "Jean Dupont",
    role: "AUDITEUR",
    profile: { civility: "MONSIEUR", learnerNumber: "100200300", centreCode: "PARIS", results: [...LICENCE_UNITS, LICENCE_EXPERIENCE] },
  },
  {
    identifier: "hugo.roux.auditeur",
    displayName: "Hugo Roux",
    role: "AUDITEUR",
    profile: { civility: "MONSIEUR", learnerNumber: "100200301", centreCode: "PARIS", results: LICENCE_UNITS },
  },
  {
    identifier: "lea.petit.auditeur",
    displayName: "Léa Petit",
    role: "AUDITEUR",
    // Two units short of the licence: NFP107 failed (8/20) and no English yet.
    profile: {
      civility: "MADAME",
      learnerNumber: "100200302",
      centreCode: "NOUVELLE-AQUITAINE",
      results: [...LICENCE_UNITS.filter(([code]) => code !== "NFP107" && code !== "ANG320"), ["NFP107", 2023, 8, "PASSED"]],
    },
  },
  { identifier: "sophie.bernard", displayName: "Sophie Bernard", role: "AGENT_CENTRE", centreCode: "PARIS" },
  { identifier: "karim.haddad", displayName: "Karim Haddad", role: "AGENT_CENTRE", centreCode: "NOUVELLE-AQUITAINE" },
  { identifier: "claire.moreau", displayName: "Claire Moreau", role: "AGENT_NATIONAL" },
  { identifier: "nadia.leroy", displayName: "Nadia Leroy", role: "ADMIN" },
];

/** The real catalogue: centres, units and diplomas (the same as `npm run catalogue:import`). */
export async function seedCatalogue(db: Database): Promise<void> {
  const report = await importCatalogue(db, JSON.parse(readFileSync(path.join(__dirname, "data", "cnam-catalogue.json"), "utf8")));
  if (!report.ok) throw new Error(`Catalogue invalide :\n${report.errors.map((e) => `${e.path} : ${e.message}`).join("\n")}`);
}

export async function seedDemoAccounts(db: Database): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of DEMO_ACCOUNTS) {
    const [firstName, lastName] = account.displayName.split(" ") as [string, string];
    const email = `${account.identifier.replace(/\.auditeur$/, "")}@demo.d3.localhost`;
    const { profile } = account;
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
        results: profile ? { create: profile.results.map(([unitCode, year, grade, obtainedBy]) => ({ unitCode, year, grade, obtainedBy, centreCode: profile.centreCode })) } : undefined,
        // Demo learners' numbers are the centre's: confirmed, so that results imported for them attach.
        confirmedLearnerNumber: profile ? { create: { learnerNumber: profile.learnerNumber, source: "CENTRE" } } : undefined,
        profile: profile
          ? {
              create: {
                civility: profile.civility,
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
                learnerNumber: profile.learnerNumber,
                centreCode: profile.centreCode,
              },
            }
          : undefined,
      },
    });
  }
}

export async function seed(db: Database): Promise<void> {
  await seedCatalogue(db);
  await seedDemoAccounts(db);
}

if (require.main === module) {
  if (process.env.NODE_ENV === "production") {
    console.error("Refus : les données de démonstration ne se chargent pas en production (NODE_ENV=production).");
    process.exit(1);
  }
  // Imported here only: the embedded server is for this command, not for whoever imports seed().
  void import("./scripts/with-database").then(({ withDatabase }) => withDatabase(async (url) => {
    const db = createDatabaseClient(url);
    try {
      await seed(db);
      console.log(`Données de démonstration chargées : ${DEMO_ACCOUNTS.length} comptes (mot de passe ${DEMO_PASSWORD}).`);
    } finally {
      await db.$disconnect();
    }
  }));
}
