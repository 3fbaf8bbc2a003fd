import { randomBytes } from "node:crypto";
import { db } from "@/lib/shared/db";
import { hashPassword } from "@/lib/auth/password-hash";
import type { Role } from "@/lib/auth/domain/policy";

/** Unique per call, so that tests sharing one PostgreSQL database never collide. */
export function uniqueSuffix(): string {
  return randomBytes(8).toString("hex").replace(/\d/g, (d) => "abcdefghij"[Number(d)]!);
}

export async function ensureCentre(code = "PARIS") {
  return db.centre.upsert({ where: { code }, update: {}, create: { code, name: `Cnam ${code}`, region: "Île-de-France", verified: true } });
}

export async function createUser(options: { role?: Role; password?: string; centreCode?: string; active?: boolean } = {}) {
  const role = options.role ?? "AUDITEUR";
  const name = `test${uniqueSuffix()}`;
  const identifier = role === "AUDITEUR" ? `camille.${name}.auditeur` : `camille.${name}`;
  const password = options.password ?? "mot-de-passe-solide";
  const user = await db.user.create({
    data: {
      identifier,
      displayName: "Camille Test",
      email: `${name}@example.fr`,
      passwordHash: await hashPassword(password),
      role,
      active: options.active ?? true,
      centreCode: options.centreCode ?? null,
    },
  });
  return { ...user, password };
}

export function validProfileInput(overrides: Record<string, string> = {}) {
  return {
    civility: "MADAME",
    birthName: "Lefèvre",
    usageName: "",
    firstNames: "Zoé Hélène",
    birthDate: "1990-05-17",
    birthCity: "Lyon",
    birthCountry: "FR",
    nationality: "FR",
    addressLine: "3 place de l'Église",
    postalCode: "69003",
    city: "Lyon",
    country: "FR",
    email: `zoe.${uniqueSuffix()}@example.fr`,
    phone: "06 12 34 56 78",
    learnerNumber: `N${Math.floor(Math.random() * 1e9)}`.padEnd(10, "0"),
    centreCode: "PARIS",
    ...overrides,
  };
}
