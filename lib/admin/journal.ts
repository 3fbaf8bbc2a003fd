import { z } from "zod";
import { db } from "@/lib/shared/db";
import type { AuditAction } from "@/lib/audit/events";
import { ROLE_LABELS, type Role } from "@/lib/auth/domain/policy";
import { normaliseIdentifier } from "@/lib/auth/domain/identifier";
import { parisMidnight } from "@/lib/shared/dates";
import { cleanString } from "@/lib/shared/params";
import { summariseAuditDetails } from "./domain/audit-summary";

/** The audit log, newest first, read by keyset on its id: page N costs what page 1 costs. */

export const ACTION_LABELS: Record<AuditAction, string> = {
  "request.transition": "Changement d'état d'une demande",
  "request.assign": "Attribution d'une demande",
  "request.edition": "Édition d'un diplôme",
  "request.message": "Message sur une demande",
  "document.review": "Examen d'une pièce justificative",
  "document.download": "Téléchargement d'une pièce justificative",
  "centre.create": "Création d'un centre",
  "centre.update": "Modification d'un centre",
  "account.create": "Création d'un compte",
  "account.update": "Modification d'un compte",
  "catalogue.import": "Import du catalogue",
  "results.import": "Import de résultats",
  "outbox.retry": "Nouvel essai des courriels en échec",
  "upload.infected": "Pièce refusée : virus détecté",
  "learner.confirmNumber": "Confirmation d'un numéro d'auditeur",
};

const AUDIT_ACTIONS = Object.keys(ACTION_LABELS) as AuditAction[];

export const JOURNAL_PAGE_SIZE = 50;

const day = z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Date : au format AAAA-MM-JJ.")]);

export const journalFilterSchema = z
  .object({
    acteur: cleanString().pipe(z.string().trim().max(100, "Identifiant : 100 caractères au plus.")).transform(normaliseIdentifier).default(""),
    action: z
      .string()
      .default("")
      .refine((v): v is AuditAction | "" => v === "" || (AUDIT_ACTIONS as string[]).includes(v), "Action : choisissez dans la liste."),
    demande: cleanString().pipe(z.string().trim().toUpperCase().max(30, "Numéro de demande : 30 caractères au plus.")).default(""),
    du: day.default(""),
    au: day.default(""),
    avant: z.union([z.literal(""), z.string().regex(/^\d{1,12}$/)]).default(""),
  })
  .refine((f) => !f.du || !f.au || f.du <= f.au, {
    path: ["au"],
    message: "Période : la date de fin précède la date de début.",
    // Checked even when another filter is wrong, so that every error shows at once.
    when: (payload) => {
      const v = payload.value as { du?: unknown; au?: unknown } | null;
      return typeof v?.du === "string" && typeof v?.au === "string";
    },
  });

export type JournalFilters = z.output<typeof journalFilterSchema>;

const JOURNAL_PARAMS = ["acteur", "action", "demande", "du", "au", "avant"] as const;

/** Reads the first value of each query parameter, as the page receives them. */
export function parseJournalFilters(params: Record<string, string | string[] | undefined>) {
  const first = (key: string) => {
    const value = params[key];
    return Array.isArray(value) ? value[0] : value;
  };
  return journalFilterSchema.safeParse(Object.fromEntries(JOURNAL_PARAMS.map((key) => [key, first(key) ?? ""])));
}

export type JournalEntry = {
  id: number;
  at: Date;
  actor: { identifier: string; displayName: string } | null;
  actorRole: string;
  action: string;
  actionLabel: string;
  summary: string;
  request: { id: string; number: string | null } | null;
  ip: string | null;
};

export async function readJournal(filters: JournalFilters): Promise<{ entries: JournalEntry[]; olderCursor: number | null }> {
  const where: NonNullable<Parameters<typeof db.auditLog.findMany>[0]>["where"] = {};
  if (filters.acteur) {
    const actor = await db.user.findUnique({ where: { identifier: filters.acteur }, select: { id: true } });
    if (!actor) return { entries: [], olderCursor: null };
    where.actorId = actor.id;
  }
  if (filters.demande) {
    const request = await db.request.findUnique({ where: { number: filters.demande }, select: { id: true } });
    if (!request) return { entries: [], olderCursor: null };
    where.requestId = request.id;
  }
  if (filters.action) where.action = filters.action;
  if (filters.du || filters.au) where.at = { ...(filters.du ? { gte: parisMidnight(filters.du) } : {}), ...(filters.au ? { lt: parisMidnight(filters.au, 1) } : {}) };
  if (filters.avant) where.id = { lt: Number(filters.avant) };

  const rows = await db.auditLog.findMany({ where, orderBy: { id: "desc" }, take: JOURNAL_PAGE_SIZE + 1 });
  const page = rows.slice(0, JOURNAL_PAGE_SIZE);
  const [actors, requests] = await Promise.all([
    db.user.findMany({ where: { id: { in: [...new Set(page.map((r) => r.actorId))] } }, select: { id: true, identifier: true, displayName: true } }),
    db.request.findMany({ where: { id: { in: [...new Set(page.flatMap((r) => (r.requestId ? [r.requestId] : [])))] } }, select: { id: true, number: true } }),
  ]);
  const actorById = new Map(actors.map((a) => [a.id, a]));
  const requestById = new Map(requests.map((r) => [r.id, r]));
  const entries = page.map((row) => ({
    id: row.id,
    at: row.at,
    actor: actorById.get(row.actorId) ?? null,
    actorRole: ROLE_LABELS[row.actorRole as Role] ?? row.actorRole,
    action: row.action,
    actionLabel: ACTION_LABELS[row.action as AuditAction] ?? row.action,
    summary: summariseAuditDetails(row.details),
    request: row.requestId ? (requestById.get(row.requestId) ?? { id: row.requestId, number: null }) : null,
    ip: row.ip,
  }));
  return { entries, olderCursor: rows.length > JOURNAL_PAGE_SIZE ? page[page.length - 1]!.id : null };
}
