import { parseDiplomaDefinition } from "@/lib/catalogue/definition";
import { db } from "@/lib/shared/db";
import type { Database, Transaction } from "@/lib/shared/db/database";
import { notifyMessage } from "@/lib/notifications/request-notifications";
import { announceMessage } from "./notify";
import { recordAudit } from "@/lib/audit/log";
import type { FieldErrors } from "@/lib/shared/forms";
import type { AuditEvent } from "@/lib/audit/events";
import type { Role } from "@/lib/auth/domain/policy";
import { evaluateEligibility, isObtained, type EligibilityVerdict, type ObtainedBy, type UnitResult } from "@/lib/catalogue/domain/eligibility";
import { isOwner } from "@/lib/requests/domain/request-access";
import { MAX_DOCUMENTS_PER_REQUEST, type DocumentCategory } from "@/lib/requests/domain/documents";
import { discardAttachment, storeAttachment } from "./message-attachment";
import { learnerQuotaReached } from "./documents";
import { checkCreditedUnits, experienceRequirementMet, unitsToCredit } from "@/lib/requests/domain/linked-requests";
import {
  BULK_COMMANDS,
  STAFF_COMMANDS,
  availableTransitions,
  MAX_COMMENT_LENGTH,
  MAX_MESSAGE_LENGTH,
  toExperienceDecision,
  unitsOfPayload,
  type BulkCommandName,
  type CommandData,
  type StaffCommandName,
} from "./domain/commands";
import {
  applyTransition,
  type CentreOpinion,
  type ExperienceDecision,
  type RequestSnapshot,
  type RequestState,
  type TransitionCommand,
  type TransitionContext,
  type TransitionName,
} from "@/lib/requests/domain/request-lifecycle";
import { can, type RequestAction, type StaffAction } from "@/lib/requests/domain/staff-policy";
import { DEFAULT_DIPLOMA_NUMBER_FORMAT, diplomaNumberSeries, formatDiplomaNumber, parseDiplomaNumberFormat } from "@/lib/requests/domain/diploma-number";
import { isUniqueViolation } from "@/lib/shared/db-errors";
import { parisYear } from "@/lib/shared/dates";
import { MAX_BULK_ITEMS } from "./schemas";
import { NOT_FOUND, Rollback, STALE_MESSAGE, changeRequests, type ActorCommand, type ApplyTransition, type TransitionFailure } from "./transition";
import { closeLinkedRequests, linkedSelect } from "./linked";

/**
 * The back-office use cases: what centre agents and national agents do to a request. Each one
 * loads the request, authorises with the permission matrix (lib/requests/domain/staff-policy.ts; a request
 * the actor may not see answers exactly like a missing one), changes it through the state machine
 * in one transaction (version check, history row, announcement after the commit), writes exactly
 * one audit row in that same transaction, and returns a typed result.
 */

export type StaffActor = { id: string; role: Role; centreCode: string | null; ip?: string | null };

export type StaffFailureCode =
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "STALE_VERSION"
  | "ILLEGAL_TRANSITION"
  | "MISSING_COMMENT"
  | "INVALID_PAYLOAD"
  | "GUARD_FAILED"
  | "INVALID_INPUT"
  | "CONFLICT";
/** fieldErrors: the house type of lib/shared/forms.ts (a message per field name), shown next to the fields. */
export type StaffFailure = { ok: false; code: StaffFailureCode; message: string; fieldErrors?: FieldErrors };
export type StaffResult<T = object> = ({ ok: true } & T) | StaffFailure;

/** What a successful state change returns: the new state and the version to send with the next action. */
export type Changed = { state: RequestState; version: number };


const STAFF_NOT_FOUND: StaffFailure = { ok: false, code: "NOT_FOUND", message: NOT_FOUND.message };
const FORBIDDEN: StaffFailure = { ok: false, code: "FORBIDDEN", message: "Votre rôle ne permet pas cette action sur ce dossier." };

const targetSelect = {
  id: true,
  kind: true,
  mode: true,
  state: true,
  version: true,
  learnerId: true,
  centreCode: true,
  forwardedAt: true,
  diplomaKey: true,
  assignedAgentId: true,
  ...linkedSelect,
} as const;

type Target = NonNullable<Awaited<ReturnType<typeof findTarget>>>;

async function findTarget(requestId: string) {
  if (typeof requestId !== "string" || requestId.length === 0 || requestId.length > 64) return null;
  return db.request.findUnique({ where: { id: requestId }, select: targetSelect });
}

/** NOT_FOUND when the actor may not see the request (or it does not exist), FORBIDDEN when they see it but may not do this. */
function authorise(actor: StaffActor, target: Target | null, action: RequestAction): StaffFailure | null {
  if (!target || actor.role === "AUDITEUR" || !can(actor, "view", target)) return STAFF_NOT_FOUND;
  return can(actor, action, target) ? null : FORBIDDEN;
}

function viewerOf(actor: StaffActor) {
  return { id: actor.id, role: actor.role, centreCode: actor.centreCode };
}

function snapshotOf(target: Target): RequestSnapshot {
  return target.kind === "EXPERIENCE"
    ? { kind: "EXPERIENCE", mode: target.mode ?? "ANTICIPEE", state: target.state, version: target.version }
    : { kind: "DIPLOMA", state: target.state, version: target.version };
}

/**
 * Asks the state machine about the request as loaded, without writing anything: a use case that
 * has its own checks or side effects (a number drawn, results read) lets a stale version or an
 * illegal state be refused first. The write itself is checked again against the current version.
 */
function refuseEarly(actor: StaffActor, target: Target, command: ActorCommand, context: TransitionContext = {}): void {
  const result = applyTransition(snapshotOf(target), { ...command, actorRole: actor.role } as TransitionCommand, context);
  if (!result.ok) throw new Rollback({ ok: false, ...result.error });
}

/** The eligibility verdict from the rows of the caller's transaction (or the database). */
async function eligibilityOf(client: Database | Transaction, learnerId: string, diplomaKey: string): Promise<EligibilityVerdict | null> {
  const [diploma, rows] = await Promise.all([
    client.diploma.findUnique({ where: { key: diplomaKey }, select: { definition: true } }),
    client.unitResult.findMany({ where: { learnerId }, select: resultSelect }),
  ]);
  return diploma ? evaluateEligibility(parseDiplomaDefinition(diplomaKey, diploma.definition), rows.map(toEngineResult)) : null;
}

type ResultRow = { unitCode: string; year: number; grade: number | null; obtainedBy: ObtainedBy; centreCode: string | null };
const resultSelect = { unitCode: true, year: true, grade: true, obtainedBy: true, centreCode: true } as const;

function toEngineResult(row: ResultRow): UnitResult {
  return {
    unitCode: row.unitCode,
    year: row.year,
    obtainedBy: row.obtainedBy,
    ...(row.grade === null ? {} : { grade: row.grade }),
    ...(row.centreCode ? { centreCode: row.centreCode } : {}),
  };
}

/** The state machine's refusals in the back-office's terms, the message next to its field when it names one. */
function toStaffFailure(failure: StaffFailure | TransitionFailure, commentField?: string): StaffFailure {
  switch (failure.code) {
    case "FORBIDDEN_ROLE":
      return { ok: false, code: "FORBIDDEN", message: failure.message };
    case "STALE_VERSION":
      return { ok: false, code: "STALE_VERSION", message: STALE_MESSAGE };
    case "MISSING_COMMENT":
      return { ok: false, code: "MISSING_COMMENT", message: failure.message, ...(commentField ? { fieldErrors: { [commentField]: failure.message } } : {}) };
    default:
      return failure as StaffFailure;
  }
}

function tooLong(field: string, text: unknown, max = MAX_COMMENT_LENGTH): StaffFailure | null {
  if (text === undefined || text === null) return null;
  if (typeof text !== "string") return invalidInput(field, "Ce champ doit être un texte.");
  return text.length > max ? invalidInput(field, `${max.toLocaleString("fr-FR")} caractères au plus.`) : null;
}

function invalidInput(field: string, message: string): StaffFailure {
  return { ok: false, code: "INVALID_INPUT", message, fieldErrors: { [field]: message } };
}

type Work<T> = (tx: Transaction, apply: ApplyTransition, target: Target) => Promise<T>;

/**
 * Load → authorise → one transaction (state machine, audit) → typed result. A unique-constraint
 * violation (a diploma number taken, which the counter should make impossible) undoes everything
 * and is answered as a conflict.
 */
async function act<T extends object>(
  actor: StaffActor,
  requestId: string,
  action: RequestAction,
  work: Work<T>,
  options: { commentField?: string; now?: Date } = {},
): Promise<StaffResult<T>> {
  const target = await findTarget(requestId);
  const refused = authorise(actor, target, action);
  if (refused || !target) return refused ?? STAFF_NOT_FOUND;
  try {
    const result = await changeRequests<T, StaffFailure>(viewerOf(actor), options.now ?? new Date(), (tx, apply) => work(tx, apply, target));
    if (result.ok) return { ok: true, ...result.value };
    return toStaffFailure(result, options.commentField);
  } catch (error) {
    if (isUniqueViolation(error)) {
      return { ok: false, code: "CONFLICT", message: "Cette action est entrée en conflit avec une autre : rechargez le dossier et recommencez." };
    }
    throw error;
  }
}

type AuditExtra = { comment?: string; payload?: Record<string, string | number>; creditedUnits?: string[] };

/**
 * Applies one transition and writes its audit row (by default "request.transition" with the
 * transition, both states and `extra`); the common case of most use cases.
 */
async function transitionWithAudit(
  tx: Transaction,
  apply: ApplyTransition,
  actor: StaffActor,
  target: Target,
  command: ActorCommand,
  now: Date,
  options: { context?: TransitionContext; extra?: AuditExtra; audit?: (changed: Changed) => AuditEvent } = {},
): Promise<Changed> {
  const changed = await apply(target, command, options.context);
  const done = { state: changed.state, version: changed.version };
  await recordAudit(tx, actor, options.audit?.(done) ?? transitionEvent(target, command.type, done.state, options.extra), now);
  return done;
}

function transitionEvent(target: Target, transition: TransitionName, to: RequestState, extra: AuditExtra = {}): AuditEvent {
  const comment = extra.comment?.trim();
  return {
    action: "request.transition",
    requestId: target.id,
    details: {
      transition,
      from: target.state,
      to,
      ...(comment ? { comment } : {}),
      ...(extra.payload && Object.keys(extra.payload).length > 0 ? { payload: extra.payload } : {}),
      ...(extra.creditedUnits && extra.creditedUnits.length > 0 ? { creditedUnits: extra.creditedUnits } : {}),
    },
  };
}

// ——— Instruction by the centre ———

/** "Prendre en charge": the agent becomes the request's holder. */
export async function takeInCharge(actor: StaffActor, requestId: string, expectedVersion: number, now: Date = new Date()): Promise<StaffResult<Changed>> {
  return act(actor, requestId, "takeInCharge", (tx, apply, target) => transitionWithAudit(tx, apply, actor, target, { type: "takeInCharge", expectedVersion }, now), { now });
}

/** "Attribuer": to an active agent of the request's own centre (the actor included). */
export async function assignRequest(actor: StaffActor, requestId: string, expectedVersion: number, assigneeId: string, now: Date = new Date()): Promise<StaffResult<Changed>> {
  if (typeof assigneeId !== "string" || assigneeId.trim() === "" || assigneeId.length > 64) {
    return invalidInput("assigneeId", "Choisissez le gestionnaire à qui attribuer la demande.");
  }
  return act(actor, requestId, "assign", async (tx, apply, target) => {
    const assignee = await tx.user.findFirst({ where: { id: assigneeId, role: "AGENT_CENTRE", active: true, centreCode: target.centreCode }, select: { id: true } });
    if (!assignee) {
      throw new Rollback<StaffFailure>(invalidInput("assigneeId", "Ce gestionnaire n'existe pas, n'est plus actif ou n'appartient pas au centre de la demande."));
    }
    return transitionWithAudit(tx, apply, actor, target, { type: "assign", expectedVersion, assigneeId: assignee.id }, now, {
      audit: (c) => ({ action: "request.assign", requestId: target.id, details: { assigneeId: assignee.id, from: target.state, to: c.state } }),
    });
  }, { now });
}

/**
 * "Demander un complément": the comment is the list of what is missing or wrong; the learner
 * reads it in the history of the request. Centre agents while instructing, national agents on a
 * forwarded request (the completed file then comes back to the centre).
 */
export async function askForCorrection(
  actor: StaffActor,
  requestId: string,
  expectedVersion: number,
  comment: string,
  now: Date = new Date(),
  pieces: readonly DocumentCategory[] = [],
): Promise<StaffResult<Changed>> {
  const invalid = tooLong("comment", comment);
  if (invalid) return invalid;
  return act(
    actor,
    requestId,
    "askForCorrection",
    (tx, apply, target) => transitionWithAudit(tx, apply, actor, target, { type: "askForCorrection", expectedVersion, comment, pieces }, now, { extra: { comment } }),
    { commentField: "comment", now },
  );
}

/** "Transmettre au national", with the centre's opinion and its reasons. */
export async function forwardRequest(
  actor: StaffActor,
  requestId: string,
  expectedVersion: number,
  opinion: CentreOpinion,
  comment: string,
  now: Date = new Date(),
): Promise<StaffResult<Changed>> {
  const invalid = tooLong("comment", comment);
  if (invalid) return invalid;
  if (!["FAVOURABLE", "RESERVED", "UNFAVOURABLE"].includes(opinion)) return invalidInput("opinion", "Choisissez l'avis du centre.");
  return act(actor, requestId, "forward", (tx, apply, target) => transitionWithAudit(tx, apply, actor, target, { type: "forward", expectedVersion, opinion, comment }, now, { extra: { comment, payload: { centreOpinion: opinion } } }), { commentField: "comment", now });
}

/**
 * Closes, in the same transaction, the requests that live with `target` now that it reached `to`
 * (see lib/requests/domain/linked-requests.ts), each with its history row and its audit row.
 */
async function closeLinkedWithAudit(tx: Transaction, apply: ApplyTransition, actor: StaffActor, target: Target, to: RequestState, reason: string | undefined, now: Date): Promise<void> {
  const closed = await closeLinkedRequests(tx, apply, target, to, reason);
  for (const linked of closed) {
    await recordAudit(
      tx,
      actor,
      { action: "request.transition", requestId: linked.id, details: { transition: "closeWithLinkedRequest", from: linked.from, to: linked.to, comment: linked.reason, payload: { linkedRequestId: target.id } } },
      now,
    );
  }
}

/**
 * "Refuser", with a reason the learner reads: the centre while instructing, the national level once
 * forwarded. A diploma request's joint analysis is refused with it, and a refused analysis ends the
 * diploma request that relies on it, with the same reason.
 */
export async function refuseRequest(actor: StaffActor, requestId: string, expectedVersion: number, reason: string, now: Date = new Date()): Promise<StaffResult<Changed>> {
  const invalid = tooLong("reason", reason);
  if (invalid) return invalid;
  return act(
    actor,
    requestId,
    "refuse",
    async (tx, apply, target) => {
      const changed = await transitionWithAudit(tx, apply, actor, target, { type: "refuse", expectedVersion, reason }, now, { extra: { comment: reason } });
      await closeLinkedWithAudit(tx, apply, actor, target, changed.state, reason, now);
      return changed;
    },
    { commentField: "reason", now },
  );
}

// ——— Decisions of the national level and the jury ———

/**
 * How a credited experience UA is recorded. The enum offers PASSED | EQUIVALENCE | VES | VAE:
 * - PASSED means an exam with a grade (and a PASSED result without a grade of 10 does not count);
 *   the jury gives no grade.
 * - VES validates prior *studies*; VAE is a separate legal procedure (Code de l'éducation,
 *   L. 613-3) in which a VAE jury awards units or a whole diploma on a VAE dossier: calling this
 *   a VAE would misstate the learner's record.
 * - EQUIVALENCE is what happens: the jury recognises the professional experience as equivalent
 *   to what the UA requires, without exam or grade. It is the most honest value available; the
 *   history row of the decision (and the audit row) say it came from this request's jury opinion.
 * A dedicated value (e.g. JURY_DECISION) would be more precise: a schema change, not made here.
 */
const CREDITED_BY: ObtainedBy = "EQUIVALENCE";

/**
 * Writes the credited UAs in the learner's results for the decision's year. Idempotent: a unit the
 * learner already holds is left alone, and a row of the same unit and year (the unique key) is
 * completed rather than duplicated.
 */
async function creditExperienceUnits(tx: Transaction, target: Target, named: readonly string[], now: Date): Promise<string[]> {
  const results = await tx.unitResult.findMany({ where: { learnerId: target.learnerId }, select: resultSelect });
  const held = new Set(results.map(toEngineResult).filter(isObtained).map((result) => result.unitCode));
  const codes = unitsToCredit(named, held);
  const year = parisYear(now);
  for (const unitCode of codes) {
    await tx.unitResult.upsert({
      where: { learnerId_unitCode_year: { learnerId: target.learnerId, unitCode, year } },
      create: { learnerId: target.learnerId, unitCode, year, obtainedBy: CREDITED_BY, grade: null, centreCode: target.centreCode },
      update: { obtainedBy: CREDITED_BY, grade: null },
    });
  }
  return codes;
}

/** The experience rule of the request's diploma, read in the caller's transaction. */
async function experienceRuleOf(tx: Transaction, diplomaKey: string) {
  const diploma = await tx.diploma.findUniqueOrThrow({ where: { key: diplomaKey }, select: { definition: true } });
  return parseDiplomaDefinition(diplomaKey, diploma.definition).experience;
}

/**
 * "Rendre l'avis du jury" on an experience analysis. A favourable opinion names the experience units
 * it credits (among the rule's, at least one), which are written in the learner's results, so that
 * a diploma request relying on it can be validated. A favourable opinion *under condition* names
 * them too, but credits nothing yet: the learner sends the internship proofs and the centre records
 * the condition as met (recordConditionMet) or not. An unfavourable opinion ends the diploma
 * request that relies on the analysis, with its reason.
 */
export async function decideExperience(
  actor: StaffActor,
  requestId: string,
  expectedVersion: number,
  decision: ExperienceDecision,
  now: Date = new Date(),
): Promise<StaffResult<Changed & { creditedUnits: string[] }>> {
  const text = decision?.outcome === "UNFAVOURABLE" ? decision.reason : decision?.outcome === "FAVOURABLE_WITH_CONDITION" ? decision.conditionText : undefined;
  const textField = decision?.outcome === "UNFAVOURABLE" ? "reason" : "conditionText";
  const invalid = tooLong(textField, text);
  if (invalid) return invalid;
  return act(actor, requestId, "decideExperience", async (tx, apply, target) => {
    refuseEarly(actor, target, { type: "decideExperience", expectedVersion, decision });
    let named: string[] = [];
    if (decision.outcome !== "UNFAVOURABLE") {
      const checked = checkCreditedUnits(await experienceRuleOf(tx, target.diplomaKey), decision.units ?? []);
      if (!checked.ok) throw new Rollback<StaffFailure>(invalidInput("units", checked.message));
      named = checked.units;
    }
    const changed = await apply(target, { type: "decideExperience", expectedVersion, decision: decision.outcome === "UNFAVOURABLE" ? decision : { ...decision, units: named } });
    const creditedUnits = changed.state === "FAVOURABLE" ? await creditExperienceUnits(tx, target, named, now) : [];
    const payload: Record<string, string | number> = { outcome: decision.outcome };
    if (decision.outcome === "FAVOURABLE_WITH_CONDITION") payload.internshipMonths = decision.internshipMonths;
    if (named.length > 0) payload.units = named.join(",");
    await recordAudit(tx, actor, transitionEvent(target, "decideExperience", changed.state, { comment: text, payload, creditedUnits }), now);
    await closeLinkedWithAudit(tx, apply, actor, target, changed.state, text, now);
    return { state: changed.state, version: changed.version, creditedUnits };
  }, { commentField: textField, now });
}

/**
 * "Condition remplie": the centre has checked the internship agreement and report the learner
 * sent after a favourable opinion under condition; the units the jury named are credited now.
 */
export async function recordConditionMet(actor: StaffActor, requestId: string, expectedVersion: number, now: Date = new Date()): Promise<StaffResult<Changed & { creditedUnits: string[] }>> {
  return act(actor, requestId, "recordConditionMet", async (tx, apply, target) => {
    const changed = await apply(target, { type: "recordConditionMet", expectedVersion });
    const decision = await tx.requestEvent.findFirst({
      where: { requestId: target.id, transition: "decideExperience", toState: "FAVOURABLE_WITH_CONDITION" },
      orderBy: { id: "desc" },
      select: { payload: true },
    });
    const creditedUnits = await creditExperienceUnits(tx, target, unitsOfPayload(decision?.payload), now);
    await recordAudit(tx, actor, transitionEvent(target, "recordConditionMet", changed.state, { creditedUnits }), now);
    return { state: changed.state, version: changed.version, creditedUnits };
  }, { now });
}

/** "Condition non remplie", with the reason the learner reads: the opinion becomes unfavourable, and so ends the diploma request that relies on it. */
export async function recordConditionNotMet(actor: StaffActor, requestId: string, expectedVersion: number, reason: string, now: Date = new Date()): Promise<StaffResult<Changed>> {
  const invalid = tooLong("reason", reason);
  if (invalid) return invalid;
  return act(
    actor,
    requestId,
    "recordConditionNotMet",
    async (tx, apply, target) => {
      const changed = await transitionWithAudit(tx, apply, actor, target, { type: "recordConditionNotMet", expectedVersion, reason }, now, { extra: { comment: reason } });
      await closeLinkedWithAudit(tx, apply, actor, target, changed.state, reason, now);
      return changed;
    },
    { commentField: "reason", now },
  );
}

/** The state of the analysis a diploma request relies on: its joint analysis, or the anticipated one it is linked to. */
function analysisStateOf(target: Target): RequestState | null {
  return target.jointAnalysis?.state ?? target.linkedAnalysis?.state ?? null;
}

/** Is the diploma request's experience requirement met now (lib/requests/domain/linked-requests.ts)? */
async function requirementMet(client: Database | Transaction, target: Target, verdict: EligibilityVerdict | null): Promise<boolean> {
  const diploma = await client.diploma.findUnique({ where: { key: target.diplomaKey }, select: { definition: true } });
  const rule = diploma ? parseDiplomaDefinition(target.diplomaKey, diploma.definition).experience : null;
  return experienceRequirementMet(verdict?.experience.state ?? null, analysisStateOf(target), rule);
}

/** "Valider le diplôme": every unit still obtained and the experience requirement met. */
export async function validateDiploma(actor: StaffActor, requestId: string, expectedVersion: number, now: Date = new Date()): Promise<StaffResult<Changed>> {
  return act(actor, requestId, "validateDiploma", async (tx, apply, target) => {
    refuseEarly(actor, target, { type: "validateDiploma", expectedVersion }, { experienceRequirementMet: true });
    const verdict = await eligibilityOf(tx, target.learnerId, target.diplomaKey);
    if (verdict && !verdict.allUnitsObtained) {
      throw new Rollback<StaffFailure>({
        ok: false,
        code: "GUARD_FAILED",
        message: `Les résultats de l'auditeur ne couvrent plus toutes les unités du diplôme : ${verdict.missing.join(" ; ")}`,
      });
    }
    const context = { experienceRequirementMet: await requirementMet(tx, target, verdict) };
    return transitionWithAudit(tx, apply, actor, target, { type: "validateDiploma", expectedVersion }, now, { context });
  }, { now });
}

/** The numbering format in force (DIPLOMA_NUMBER_FORMAT); an invalid setting stops the edition loudly. */
export function diplomaNumberFormat(): string {
  const format = process.env.DIPLOMA_NUMBER_FORMAT?.trim() || DEFAULT_DIPLOMA_NUMBER_FORMAT;
  const parsed = parseDiplomaNumberFormat(format);
  if (!parsed.ok) throw new Error(`DIPLOMA_NUMBER_FORMAT : ${parsed.message}`);
  return format;
}

/**
 * The next number of the series, in the caller's transaction: the upsert increments the counter
 * row atomically and holds its lock until the commit, so concurrent editions get distinct,
 * consecutive numbers, and a refused edition (rolled back) gives its number back.
 */
async function nextDiplomaNumber(tx: Transaction, format: string, now: Date): Promise<string> {
  const year = parisYear(now);
  const series = diplomaNumberSeries(format, year);
  const counter = await tx.diplomaNumberCounter.upsert({ where: { series }, create: { series, last: 1 }, update: { last: { increment: 1 } } });
  return formatDiplomaNumber(format, year, counter.last);
}

/** "Enregistrer l'édition du diplôme": gives the diploma its number, unique across all diplomas. */
export async function recordEdition(actor: StaffActor, requestId: string, expectedVersion: number, now: Date = new Date()): Promise<StaffResult<Changed & { diplomaNumber: string }>> {
  const format = diplomaNumberFormat();
  return act(actor, requestId, "recordEdition", async (tx, apply, target) => {
    // No number is drawn (and the counter row is not locked) for an edition refused anyway.
    refuseEarly(actor, target, { type: "recordEdition", expectedVersion, diplomaNumber: "pending" });
    const diplomaNumber = await nextDiplomaNumber(tx, format, now);
    const changed = await apply(target, { type: "recordEdition", expectedVersion, diplomaNumber });
    await tx.request.update({ where: { id: target.id }, data: { diplomaNumber } });
    await recordAudit(tx, actor, { action: "request.edition", requestId: target.id, details: { diplomaNumber } }, now);
    return { state: changed.state, version: changed.version, diplomaNumber };
  }, { now });
}

/** "Enregistrer l'envoi au centre". */
export async function recordDispatch(actor: StaffActor, requestId: string, expectedVersion: number, now: Date = new Date()): Promise<StaffResult<Changed>> {
  return act(actor, requestId, "recordDispatch", (tx, apply, target) => transitionWithAudit(tx, apply, actor, target, { type: "recordDispatch", expectedVersion }, now), { now });
}

/** "Enregistrer la remise au lauréat", by the centre that received the diploma. */
export async function recordHandover(actor: StaffActor, requestId: string, expectedVersion: number, now: Date = new Date()): Promise<StaffResult<Changed>> {
  return act(actor, requestId, "recordHandover", (tx, apply, target) => transitionWithAudit(tx, apply, actor, target, { type: "recordHandover", expectedVersion }, now), { now });
}

// ——— Documents and messages ———

/**
 * Validates or refuses one pièce justificative (a reason is required to refuse: the learner reads
 * it). By the centre agents of the request's centre while they instruct it, and by the national
 * level while the request is before it.
 */
export async function reviewDocument(
  actor: StaffActor,
  documentId: string,
  status: "VALIDATED" | "REFUSED",
  reason?: string,
  now: Date = new Date(),
): Promise<StaffResult<{ status: "VALIDATED" | "REFUSED" }>> {
  if (typeof documentId !== "string" || documentId.length === 0 || documentId.length > 64) return STAFF_NOT_FOUND;
  const document = await db.requestDocument.findUnique({ where: { id: documentId }, select: { id: true, request: { select: targetSelect } } });
  const refused = authorise(actor, document?.request ?? null, "reviewDocument");
  if (refused || !document) return refused ?? STAFF_NOT_FOUND;
  if (status !== "VALIDATED" && status !== "REFUSED") return invalidInput("status", "Choisissez : pièce validée ou refusée.");
  const invalid = tooLong("reason", reason);
  if (invalid) return invalid;
  const statusReason = status === "REFUSED" ? reason?.trim() : undefined;
  if (status === "REFUSED" && !statusReason) {
    const message = "Indiquez le motif du refus de la pièce : l'auditeur le lira pour la remplacer.";
    return { ok: false, code: "MISSING_COMMENT", message, fieldErrors: { reason: message } };
  }
  await db.$transaction(async (tx) => {
    await tx.requestDocument.update({ where: { id: document.id }, data: { status, statusReason: statusReason ?? null, reviewedById: actor.id, reviewedAt: now } });
    await recordAudit(
      tx,
      actor,
      { action: "document.review", requestId: document.request.id, details: { documentId: document.id, status, ...(statusReason ? { reason: statusReason } : {}) } },
      now,
    );
  });
  return { ok: true, status };
}

/**
 * A message on a request: by the learner who owns it (once submitted), or by staff who may see it
 * and write on it. Staff messages are audited; the learner's are their own business.
 */
export async function postMessage(
  viewer: { id: string; role: Role; centreCode: string | null; ip?: string | null },
  requestId: string,
  body: string,
  now: Date = new Date(),
  attachment: File | null = null,
): Promise<StaffResult<{ messageId: string }>> {
  const target = await findTarget(requestId);
  if (!target) return STAFF_NOT_FOUND;
  const owner = isOwner(viewer, target);
  if (!owner && (viewer.role === "AUDITEUR" || !can(viewer, "view", target))) return STAFF_NOT_FOUND;
  if (!can(viewer, "postMessage", target)) return FORBIDDEN;
  if (target.state === "DRAFT") return { ok: false, code: "FORBIDDEN", message: "Déposez d'abord votre demande : les messages s'échangent avec votre centre une fois la demande déposée." };
  const text = typeof body === "string" ? body.trim() : "";
  if (text.length === 0) return invalidInput("body", "Écrivez votre message.");
  if (text.length > MAX_MESSAGE_LENGTH) return invalidInput("body", `${MAX_MESSAGE_LENGTH.toLocaleString("fr-FR")} caractères au plus.`);
  const context = { requestId: target.id };
  // The file is checked and stored first (as a pièce is), then named by the message's row.
  // A learner's file counts toward their storage quota (checked early here, then under the lock).
  if (attachment && owner) {
    const overQuota = await learnerQuotaReached(db, viewer.id, attachment.size, false);
    if (overQuota) return invalidInput("attachment", overQuota.fieldErrors?.file ?? overQuota.message);
  }
  const stored = attachment ? await storeAttachment(attachment, context, viewer) : null;
  if (stored && !stored.ok) return { ok: false, code: "INVALID_INPUT", message: stored.message, fieldErrors: stored.fieldErrors };
  const file = stored?.attachment ?? null;
  let written: StaffResult<{ messageId: string }>;
  try {
    written = await db.$transaction(async (tx): Promise<StaffResult<{ messageId: string }>> => {
      if (file) {
        // Under the request's row lock, so that parallel uploads cannot pass the limit together.
        await tx.$queryRaw`SELECT id FROM "Request" WHERE id = ${target.id} FOR UPDATE`;
        const count = await tx.requestDocument.count({ where: { requestId: target.id } });
        if (count >= MAX_DOCUMENTS_PER_REQUEST) return invalidInput("attachment", `${MAX_DOCUMENTS_PER_REQUEST} fichiers au plus par demande, pièces et pièces jointes comprises.`);
        // Under the learner's row lock, as for pièces: parallel uploads are counted in turn.
        const overQuota = owner ? await learnerQuotaReached(tx, viewer.id, file.size, true) : null;
        if (overQuota) return invalidInput("attachment", overQuota.fieldErrors?.file ?? overQuota.message);
      }
      const message = await tx.requestMessage.create({ data: { requestId: target.id, authorId: viewer.id, body: text, createdAt: now }, select: { id: true } });
      if (file) {
        await tx.requestDocument.create({
          data: { requestId: target.id, messageId: message.id, category: "OTHER", originalName: file.originalName, storageKey: file.storageKey, mimeType: file.mimeType, size: file.size, sha256: file.sha256, uploadedById: viewer.id, uploadedAt: now },
        });
      }
      if (!owner) await recordAudit(tx, viewer, { action: "request.message", requestId: target.id, details: { messageId: message.id } }, now);
      await notifyMessage(tx, { requestId: target.id, authorId: viewer.id, fromLearner: owner });
      return { ok: true, messageId: message.id };
    });
  } catch (error) {
    if (file) await discardAttachment(file, context);
    throw error;
  }
  if (!written.ok) {
    if (file) await discardAttachment(file, context);
    return written;
  }
  await announceMessage({ requestId: target.id, version: target.version, state: target.state }, now);
  return written;
}

// ——— Several requests at once ———

/** A bulk operation: a bulk command of the registry with its fields, without the request. */
export type BulkOperation = { [N in BulkCommandName]: Omit<CommandData<N>, "requestId" | "version"> }[BulkCommandName];

export type BulkItemResult = { requestId: string; result: StaffResult<{ diplomaNumber?: string }> };

/**
 * One operation on several requests, each in its own transaction, one after the other (so that
 * editions are numbered in the order of the list): a refused item does not stop the others, and
 * each item says what happened to it. At most 200 items: beyond, nothing is done.
 */
export async function bulkApply(actor: StaffActor, items: readonly { requestId: string; expectedVersion: number }[], operation: BulkOperation): Promise<BulkItemResult[]> {
  if (items.length > MAX_BULK_ITEMS) {
    const failure = invalidInput("items", `${MAX_BULK_ITEMS} dossiers au plus par lot : sélectionnez-en moins.`);
    return items.map((item) => ({ requestId: item.requestId, result: failure }));
  }
  if (!(BULK_COMMANDS as readonly string[]).includes(operation?.type)) {
    return items.map((item) => ({ requestId: item.requestId, result: invalidInput("operation", "Opération inconnue.") }));
  }
  const results: BulkItemResult[] = [];
  for (const { requestId, expectedVersion } of items) {
    results.push({ requestId, result: await runStaffCommand(actor, { ...operation, requestId, version: expectedVersion } as StaffCommandData) });
  }
  return results;
}

// ——— Dispatch: one use case per staff command of the registry ———

export type StaffCommandData = { [N in StaffCommandName]: CommandData<N> }[StaffCommandName];
type Handlers = { [N in StaffCommandName]: (actor: StaffActor, data: CommandData<N>) => Promise<StaffResult<Changed & { diplomaNumber?: string }>> };

/** Keyed by the registry's staff commands: the compiler refuses a command without its use case. */
const HANDLERS: Handlers = {
  takeInCharge: (actor, data) => takeInCharge(actor, data.requestId, data.version),
  assign: (actor, data) => assignRequest(actor, data.requestId, data.version, data.assigneeId),
  askForCorrection: (actor, data) => askForCorrection(actor, data.requestId, data.version, data.comment, new Date(), data.pieces ?? []),
  forward: (actor, data) => forwardRequest(actor, data.requestId, data.version, data.opinion, data.comment),
  refuse: (actor, data) => refuseRequest(actor, data.requestId, data.version, data.reason),
  decideExperience: (actor, data) => decideExperience(actor, data.requestId, data.version, toExperienceDecision(data)),
  recordConditionMet: (actor, data) => recordConditionMet(actor, data.requestId, data.version),
  recordConditionNotMet: (actor, data) => recordConditionNotMet(actor, data.requestId, data.version, data.reason),
  validateDiploma: (actor, data) => validateDiploma(actor, data.requestId, data.version),
  recordEdition: (actor, data) => recordEdition(actor, data.requestId, data.version),
  recordDispatch: (actor, data) => recordDispatch(actor, data.requestId, data.version),
  recordHandover: (actor, data) => recordHandover(actor, data.requestId, data.version),
};

/** Runs one checked staff command through its use case. */
export function runStaffCommand(actor: StaffActor, data: StaffCommandData): Promise<StaffResult<Changed & { diplomaNumber?: string }>> {
  return (HANDLERS[data.type] as (actor: StaffActor, data: StaffCommandData) => ReturnType<typeof runStaffCommand>)(actor, data);
}

// ——— What the staff page needs ———

export type StaffRequestContext = {
  /** The learner's results, with the units' titles from the catalogue. */
  results: { unitCode: string; title: string | null; year: number; grade: number | null; obtainedBy: ObtainedBy; centreCode: string | null }[];
  /** The eligibility verdict recomputed now from those results; null if the diploma left the catalogue. */
  eligibility: EligibilityVerdict | null;
  /** For a diploma request: could it be validated now as far as the experience goes. */
  experienceRequirementMet: boolean | null;
  /** Active agents of the request's centre, when the actor may assign it. */
  colleagues: { id: string; displayName: string }[];
  /** What the actor can do now: allowed by the permission matrix and by the request's state. */
  availableActions: StaffAction[];
  /** The experience units of the diploma's rule, which a jury's decision names (for an analysis). */
  experienceUnits: { code: string; title: string | null }[];
};

/** Beyond getRequestForViewer: results, eligibility, colleagues and the actions open now; null when not visible. */
export async function staffRequestContext(actor: StaffActor, requestId: string): Promise<StaffRequestContext | null> {
  const target = await findTarget(requestId);
  if (!target || actor.role === "AUDITEUR" || !can(actor, "view", target)) return null;
  const [rows, verdict, colleagues] = await Promise.all([
    db.unitResult.findMany({ where: { learnerId: target.learnerId }, orderBy: [{ year: "asc" }, { unitCode: "asc" }], select: resultSelect }),
    eligibilityOf(db, target.learnerId, target.diplomaKey),
    can(actor, "assign", target)
      ? db.user.findMany({ where: { role: "AGENT_CENTRE", active: true, centreCode: target.centreCode }, orderBy: { displayName: "asc" }, select: { id: true, displayName: true } })
      : Promise.resolve([]),
  ]);
  const diploma = await db.diploma.findUnique({ where: { key: target.diplomaKey }, select: { definition: true } });
  const rule = diploma ? parseDiplomaDefinition(target.diplomaKey, diploma.definition).experience : null;
  const experienceCodes = target.kind === "EXPERIENCE" && rule && rule.kind !== "excluded" ? rule.unitCodes : [];
  const units = await db.catalogueUnit.findMany({ where: { code: { in: [...new Set([...rows.map((r) => r.unitCode), ...experienceCodes])] } }, select: { code: true, title: true } });
  const titles = new Map(units.map((unit) => [unit.code, unit.title]));
  const fromTransitions = availableTransitions(snapshotOf(target), actor.role).filter(
    (name): name is StaffCommandName => (STAFF_COMMANDS as readonly string[]).includes(name) && can(actor, name as StaffCommandName, target),
  );
  const others = (["view", "reviewDocument", "postMessage"] as const).filter((action) => can(actor, action, target));

  const met = target.kind === "DIPLOMA" ? await requirementMet(db, target, verdict) : null;
  return {
    results: rows.map((row) => ({ ...row, title: titles.get(row.unitCode) ?? null })),
    eligibility: verdict,
    experienceRequirementMet: met,
    experienceUnits: experienceCodes.map((code) => ({ code, title: titles.get(code) ?? null })),
    colleagues,
    // Validation waits for the experience decision: not offered before (the server refuses it anyway).
    availableActions: [...others, ...fromTransitions.filter((action) => action !== "validateDiploma" || met === true)],
  };
}
