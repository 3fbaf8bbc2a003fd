import { db } from "@/lib/shared/db";
import type { Transaction } from "@/lib/shared/db/database";
import { announceChanges } from "./notify";
import { notifyRequestChange } from "@/lib/notifications/request-notifications";
import { applyTransition, isOpen, type RequestState, type TransitionCommand, type TransitionContext, type TransitionErrorCode } from "@/lib/requests/domain/request-lifecycle";
import type { Viewer } from "@/lib/requests/domain/request-access";
import { COMMANDS, type CommandDefinition, type TransitionName } from "./domain/commands";

export type Actor = Viewer;

/** The columns of a request the state machine needs. */
export type TransitionTarget = {
  id: string;
  kind: "DIPLOMA" | "EXPERIENCE";
  mode: "ANTICIPEE" | "CONJOINTE" | null;
  state: RequestState;
  version: number;
};

export type TransitionFailure = { ok: false; code: TransitionErrorCode | "NOT_FOUND" | "CONFLICT"; message: string };
export type TransitionSuccess = { ok: true; requestId: string; state: RequestState; version: number };

export const NOT_FOUND: TransitionFailure = { ok: false, code: "NOT_FOUND", message: "Ce dossier n'existe pas ou ne vous est pas accessible." };

/** Command as sent by a caller: the actor's role is the session's, never the caller's. */
export type ActorCommand = TransitionCommand extends infer C ? (C extends TransitionCommand ? Omit<C, "actorRole"> : never) : never;

/**
 * The only way a request changes state. Inside the caller's transaction: the state machine decides,
 * the row is updated only if its version is still the one the actor saw (otherwise nothing is
 * written and the actor is told the request changed meanwhile), and the history row is appended.
 */
export async function transitionInTransaction(
  tx: Transaction,
  actor: Actor,
  request: TransitionTarget,
  command: ActorCommand,
  context: TransitionContext = {},
  now: Date = new Date(),
): Promise<TransitionSuccess | TransitionFailure> {
  const snapshot =
    request.kind === "EXPERIENCE"
      ? { kind: "EXPERIENCE" as const, mode: request.mode ?? "ANTICIPEE", state: request.state, version: request.version }
      : { kind: "DIPLOMA" as const, state: request.state, version: request.version };
  const result = applyTransition(snapshot, { ...command, actorRole: actor.role } as TransitionCommand, context);
  if (!result.ok) return { ok: false, ...result.error };

  const { history } = result;
  const stillOpen = result.to !== "DRAFT" && isOpen(result.to);
  const updated = await tx.request.updateMany({
    where: { id: request.id, version: command.expectedVersion },
    data: {
      state: result.to,
      version: { increment: 1 },
      lastChangeAt: now,
      openSlot: stillOpen ? "OPEN" : null,
      ...rowEffects(actor, command, now),
    },
  });
  if (updated.count !== 1) return { ok: false, code: "STALE_VERSION", message: STALE_MESSAGE };

  const event = await tx.requestEvent.create({
    data: {
      requestId: request.id,
      at: now,
      actorId: actor.id,
      actorRole: actor.role,
      transition: history.transition,
      fromState: history.from,
      toState: history.to,
      comment: history.comment ?? null,
      payload: Object.keys(history.payload).length > 0 ? history.payload : undefined,
    },
    select: { id: true },
  });
  await notifyRequestChange(tx, event.id);
  return { ok: true, requestId: request.id, state: result.to, version: request.version + 1 };
}

/** The columns the command's registry entry says it sets, beyond the state and the version. */
function rowEffects(actor: Actor, command: ActorCommand, now: Date) {
  const effects: CommandDefinition<TransitionName>["effects"] = COMMANDS[command.type].effects;
  const assignee = effects.assignedAgent === "actor" ? actor.id : effects.assignedAgent === "assignee" && command.type === "assign" ? command.assigneeId : undefined;
  return {
    ...(effects.submittedAt ? { submittedAt: now } : {}),
    ...(effects.forwardedAt ? { forwardedAt: now } : {}),
    ...(assignee ? { assignedAgentId: assignee } : {}),
  };
}

export const STALE_MESSAGE = "Ce dossier a été modifié entre-temps : la page a été mise à jour, vérifiez son nouvel état avant d'agir.";

/** Thrown inside a transaction to undo it and hand an expected failure back to the caller. */
export class Rollback<F extends { ok: false } = TransitionFailure> extends Error {
  constructor(readonly failure: F) {
    super("rollback");
  }
}

export type ApplyTransition = (target: TransitionTarget, command: ActorCommand, context?: TransitionContext) => Promise<TransitionSuccess>;

/**
 * One transaction for one or several state changes (a diploma request and its joint analysis
 * move together): the first refused change undoes them all; once committed, open pages are told.
 */
export async function changeRequests<T, F extends { ok: false }>(
  actor: Actor,
  now: Date,
  work: (tx: Transaction, apply: ApplyTransition) => Promise<T>,
): Promise<{ ok: true; value: T } | F | TransitionFailure> {
  const changes: TransitionSuccess[] = [];
  try {
    const value = await db.$transaction(async (tx) => {
      const apply: ApplyTransition = async (target, command, context = {}) => {
        const result = await transitionInTransaction(tx, actor, target, command, context, now);
        if (!result.ok) throw new Rollback(result);
        changes.push(result);
        return result;
      };
      return work(tx, apply);
    });
    await announceChanges(changes, now);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof Rollback) return error.failure as F | TransitionFailure;
    throw error;
  }
}
