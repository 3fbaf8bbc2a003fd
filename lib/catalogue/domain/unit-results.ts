import type { ObtainedBy } from "./eligibility";
import { searchKey } from "../../shared/text";

/**
 * One line of a learners' results file (CSV or JSON), checked on its own: formats and ranges.
 * Whether the learner number and the unit exist is the importer's business (it needs the database).
 */

export const RESULT_COLUMNS = ["numero_auditeur", "ue", "annee", "note", "mode", "centre"] as const;
export type ResultColumn = (typeof RESULT_COLUMNS)[number];
export type RawResultLine = Partial<Record<ResultColumn, unknown>>;

export type ResultLine = { learnerNumber: string; unitCode: string; year: number; grade: number | null; obtainedBy: ObtainedBy; centreCode: string | null };

export const FIRST_RESULT_YEAR = 1950;

const MODES: Record<string, ObtainedBy> = {
  passed: "PASSED",
  reussie: "PASSED",
  reussi: "PASSED",
  equivalence: "EQUIVALENCE",
  ves: "VES",
  vae: "VAE",
};

const LEARNER_NUMBER = /^[A-Z0-9]{6,15}$/;
const UNIT_CODE = /^[A-Z0-9]{2,20}$/;
const CENTRE_CODE = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;

function text(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "\u0000";
}

/** "PASSED", "réussie", "Équivalence", "ves"… → the stored mode; null when unknown. */
export function parseObtainedBy(raw: string): ObtainedBy | null {
  return MODES[searchKey(raw)] ?? null;
}

/** "12,5" or "12.5" → 12.5; null for an empty cell; NaN when not a number. */
export function parseGrade(raw: string): number | null {
  if (raw === "") return null;
  if (!/^\d{1,2}(?:[.,]\d{1,2})?$/.test(raw)) return Number.NaN;
  return Number(raw.replace(",", "."));
}

export function parseResultLine(raw: RawResultLine, currentYear: number): { ok: true; line: ResultLine } | { ok: false; message: string } {
  const problems: string[] = [];
  const learnerNumber = text(raw.numero_auditeur).toUpperCase();
  const unitCode = text(raw.ue).toUpperCase();
  const yearText = text(raw.annee);
  const gradeText = text(raw.note);
  const modeText = text(raw.mode);
  const centreText = text(raw.centre).toUpperCase();

  if (!LEARNER_NUMBER.test(learnerNumber)) problems.push(learnerNumber ? `numéro d'auditeur « ${learnerNumber} » mal formé (6 à 15 lettres ou chiffres)` : "numéro d'auditeur manquant");
  if (!UNIT_CODE.test(unitCode)) problems.push(unitCode ? `code d'unité d'enseignement « ${unitCode} » mal formé` : "code d'unité d'enseignement manquant");

  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN;
  if (!(year >= FIRST_RESULT_YEAR && year <= currentYear)) problems.push(`année « ${yearText} » hors de ${FIRST_RESULT_YEAR} à ${currentYear}`);

  const obtainedBy = parseObtainedBy(modeText);
  if (!obtainedBy) problems.push(`mode « ${modeText} » inconnu (PASSED ou réussie, EQUIVALENCE ou équivalence, VES, VAE)`);

  const grade = parseGrade(gradeText);
  if (grade !== null && !(grade >= 0 && grade <= 20)) problems.push(`note « ${gradeText} » invalide (de 0 à 20, décimale avec , ou .)`);
  else if (grade === null && obtainedBy === "PASSED") problems.push("note obligatoire pour une unité réussie");

  if (centreText && !CENTRE_CODE.test(centreText)) problems.push(`code de centre « ${centreText} » mal formé`);

  if (problems.length) return { ok: false, message: capitalise(problems.join(" ; ")) };
  return { ok: true, line: { learnerNumber, unitCode, year, grade, obtainedBy: obtainedBy!, centreCode: centreText || null } };
}

function capitalise(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1) + ".";
}
