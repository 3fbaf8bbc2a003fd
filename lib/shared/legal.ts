import { z } from "zod";
import { readVariables } from "./env";

/**
 * What the legal pages name and that differs from one deployment to another: the host, the data
 * protection officer's and the accessibility contact's addresses (README, "Configuration").
 */
export const LEGAL_VARIABLES = {
  LEGAL_HOST: z.string().optional(),
  DPO_EMAIL: z.string().regex(/^[^@\s]+@[^@\s]+$/, "une adresse électronique est attendue, par exemple dpo@example.fr").optional(),
  ACCESSIBILITY_EMAIL: z.string().regex(/^[^@\s]+@[^@\s]+$/, "une adresse électronique est attendue, par exemple accessibilite@example.fr").optional(),
};

export type LegalSettings = { host: string; dpoEmail: string | null; accessibilityEmail: string | null };

export const CNAM_ADDRESS = "292 rue Saint-Martin, 75003 Paris";
const DEFAULT_HOST = `Conservatoire national des arts et métiers, direction des systèmes d'information, ${CNAM_ADDRESS}`;

export function legalSettings(env: Record<string, string | undefined> = process.env): LegalSettings {
  const read = readVariables(LEGAL_VARIABLES, env);
  const values = read.ok ? read.values : {};
  return { host: values.LEGAL_HOST ?? DEFAULT_HOST, dpoEmail: values.DPO_EMAIL ?? null, accessibilityEmail: values.ACCESSIBILITY_EMAIL ?? null };
}
