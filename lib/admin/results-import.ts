import { db } from "@/lib/shared/db";
import { recordAudit, type AuditActor } from "@/lib/audit/log";
import { can } from "@/lib/requests/domain/staff-policy";
import { RESULT_COLUMNS, parseResultLine, type RawResultLine, type ResultLine } from "@/lib/catalogue/domain/unit-results";
import { detectSeparator, parseCsv, stripBom } from "./csv";
import { ADMIN_ONLY } from "./centres";
import { plural } from "@/lib/shared/text";

export type RejectedLine = { line: number; message: string };

export type ResultsImportReport =
  | { ok: true; format: "csv" | "json"; rows: number; learners: number }
  | { ok: false; format: "csv" | "json" | null; message: string; rejected: RejectedLine[] };

/** Beyond this, the file should be split: the import is one transaction. */
export const MAX_RESULT_LINES = 20_000;

/** Lookups by batches: PostgreSQL and SQLite both cap the number of bound parameters. */
const LOOKUP_BATCH = 1_000;

const NOTHING_IMPORTED = "Aucune ligne n'a été importée : corrigez les lignes ci-dessous puis importez le fichier entier à nouveau.";

type NumberedLine = { line: number; raw: RawResultLine };

type Read = { ok: true; lines: NumberedLine[] } | { ok: false; message: string; rejected: RejectedLine[] };

function readCsv(text: string): Read {
  const parsed = parseCsv(text, detectSeparator(text));
  if (!parsed.ok) return { ok: false, message: "", rejected: [{ line: parsed.line, message: `Fichier CSV illisible : ${parsed.message}.` }] };
  const [header, ...records] = parsed.records;
  const names = header?.fields.map((name) => name.trim().toLowerCase()) ?? [];
  const missing = RESULT_COLUMNS.filter((column) => !names.includes(column));
  if (!header || missing.length) {
    return { ok: false, message: "", rejected: [{ line: header?.line ?? 1, message: `En-tête attendu : ${RESULT_COLUMNS.join(";")} (${plural(missing.length, "colonne")} ${plural(missing.length, "manquante")} : ${missing.join(", ")}).` }] };
  }
  const rejected: RejectedLine[] = [];
  const lines: NumberedLine[] = [];
  for (const record of records) {
    if (record.fields.length !== names.length) {
      rejected.push({ line: record.line, message: `${record.fields.length} champ(s) au lieu de ${names.length} : vérifiez le séparateur et les guillemets.` });
      continue;
    }
    lines.push({ line: record.line, raw: Object.fromEntries(names.map((name, i) => [name, record.fields[i]])) });
  }
  return rejected.length ? { ok: false, message: "", rejected } : { ok: true, lines };
}

function readJson(text: string): Read {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `Le fichier n'est pas un JSON valide : ${(error as Error).message}`, rejected: [] };
  }
  if (!Array.isArray(data)) return { ok: false, message: `Le fichier JSON doit être un tableau d'objets { ${RESULT_COLUMNS.join(", ")} }.`, rejected: [] };
  const rejected: RejectedLine[] = [];
  const lines: NumberedLine[] = [];
  data.forEach((item, index) => {
    if (item === null || typeof item !== "object" || Array.isArray(item)) rejected.push({ line: index + 1, message: "Cet élément n'est pas un objet." });
    else lines.push({ line: index + 1, raw: item as RawResultLine });
  });
  return rejected.length ? { ok: false, message: "", rejected } : { ok: true, lines };
}

async function inBatches<T, R>(values: T[], query: (batch: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < values.length; i += LOOKUP_BATCH) out.push(...(await query(values.slice(i, i + LOOKUP_BATCH))));
  return out;
}

/**
 * Learners' results, from a CSV (`numero_auditeur;ue;annee;note;mode;centre`, `;` or `,`, UTF-8
 * with or without BOM) or a JSON array of objects with the same keys. Every line is checked and
 * every rejected one reported with its line number (its position, from 1, in a JSON array).
 * All or nothing: one rejected line and nothing is written. A result is keyed by learner, unit
 * and year: importing a file again updates, never duplicates.
 */
export async function importResults(actor: AuditActor, file: { name: string; text: string }, now: Date = new Date()): Promise<ResultsImportReport> {
  if (!can({ role: actor.role, centreCode: null }, "importResults")) return { ok: false, format: null, message: ADMIN_ONLY, rejected: [] };
  const text = stripBom(file.text);
  const format = file.name.toLowerCase().endsWith(".json") || text.trimStart().startsWith("[") ? "json" : "csv";
  const read = format === "json" ? readJson(text) : readCsv(text);
  if (!read.ok) return { ok: false, format, message: read.message || NOTHING_IMPORTED, rejected: read.rejected };
  if (read.lines.length === 0) return { ok: false, format, message: "Le fichier ne contient aucune ligne de résultat.", rejected: [] };
  if (read.lines.length > MAX_RESULT_LINES) return { ok: false, format, message: `Le fichier contient ${read.lines.length} lignes ; découpez-le en fichiers de ${MAX_RESULT_LINES} lignes au plus.`, rejected: [] };

  const rejected: RejectedLine[] = [];
  const valid: { line: number; result: ResultLine }[] = [];
  for (const { line, raw } of read.lines) {
    const checked = parseResultLine(raw, now.getUTCFullYear());
    if (checked.ok) valid.push({ line, result: checked.line });
    else rejected.push({ line, message: checked.message });
  }

  const unique = <T>(values: T[]) => [...new Set(values)];
  const learners = new Map(
    (await inBatches(unique(valid.map((v) => v.result.learnerNumber)), (batch) => db.confirmedLearnerNumber.findMany({ where: { learnerNumber: { in: batch } }, select: { learnerNumber: true, userId: true } }))).map((p) => [p.learnerNumber, p.userId]),
  );
  const units = new Set((await inBatches(unique(valid.map((v) => v.result.unitCode)), (batch) => db.catalogueUnit.findMany({ where: { code: { in: batch } }, select: { code: true } }))).map((u) => u.code));
  const centres = new Set(
    (await inBatches(unique(valid.flatMap((v) => (v.result.centreCode ? [v.result.centreCode] : []))), (batch) => db.centre.findMany({ where: { code: { in: batch } }, select: { code: true } }))).map((c) => c.code),
  );

  const seen = new Map<string, number>();
  const rows: (ResultLine & { learnerId: string })[] = [];
  for (const { line, result } of valid) {
    const problems: string[] = [];
    const learnerId = learners.get(result.learnerNumber);
    // Only confirmed numbers (directory or centre, lib/profile/learner-number.ts): a number a learner
    // merely typed in their profile never receives results.
    if (!learnerId) problems.push(`le numéro ${result.learnerNumber} n'est confirmé pour aucun compte d'auditeur (un numéro déclaré par l'auditeur se confirme par son centre, Espace centre › Numéros à confirmer)`);
    if (!units.has(result.unitCode)) problems.push(`l'UE ${result.unitCode} n'est pas au catalogue`);
    if (result.centreCode && !centres.has(result.centreCode)) problems.push(`le centre ${result.centreCode} n'existe pas`);
    const key = `${result.learnerNumber}|${result.unitCode}|${result.year}`;
    const first = seen.get(key);
    if (first !== undefined) problems.push(`même auditeur, même UE et même année qu'à la ligne ${first}`);
    else seen.set(key, line);
    if (problems.length || !learnerId) rejected.push({ line, message: problems.join(" ; ").replace(/^./, (c) => c.toUpperCase()) + "." });
    else rows.push({ ...result, learnerId });
  }

  if (rejected.length) {
    return { ok: false, format, message: NOTHING_IMPORTED, rejected: rejected.sort((a, b) => a.line - b.line) };
  }

  const learnerCount = new Set(rows.map((r) => r.learnerId)).size;
  await db.$transaction(
    async (tx) => {
      for (const { learnerId, unitCode, year, grade, obtainedBy, centreCode } of rows) {
        const data = { grade, obtainedBy, centreCode };
        await tx.unitResult.upsert({ where: { learnerId_unitCode_year: { learnerId, unitCode, year } }, create: { learnerId, unitCode, year, ...data }, update: data });
      }
      await recordAudit(tx, actor, { action: "results.import", details: { rows: rows.length, learners: learnerCount } });
    },
    { timeout: 120_000 },
  );
  return { ok: true, format, rows: rows.length, learners: learnerCount };
}
