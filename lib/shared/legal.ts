import { LEGAL_VARIABLES, readVariables } from "./env";

/**
 * What the legal pages name and that differs from one deployment to another (LEGAL_VARIABLES in
 * env.ts, checked at start; README, "Configuration").
 */
export type LegalSettings = { host: string; dpoEmail: string | null; accessibilityEmail: string | null };

export const CNAM_ADDRESS = "292 rue Saint-Martin, 75003 Paris";
const DEFAULT_HOST = `Conservatoire national des arts et métiers, direction des systèmes d'information, ${CNAM_ADDRESS}`;

export function legalSettings(env: Record<string, string | undefined> = process.env): LegalSettings {
  const read = readVariables(LEGAL_VARIABLES, env);
  const values = read.ok ? read.values : {};
  return { host: values.LEGAL_HOST ?? DEFAULT_HOST, dpoEmail: values.DPO_EMAIL ?? null, accessibilityEmail: values.ACCESSIBILITY_EMAIL ?? null };
}
