import type { FieldErrors } from "@/lib/shared/forms";

/**
 * What every server action answers, learner, staff and admin alike: a value, or an expected
 * failure with one of these codes and a French message for the screen (and, for a form, a
 * message per field). Pure, so that client components read it too.
 */
export const ERROR_CODES = [
  /** The input did not pass the form's schema, or a field the use case checks. */
  "INVALID_INPUT",
  /** Missing, or not visible to this person (the two look the same). */
  "NOT_FOUND",
  /** Visible, but this person's role may not do this. */
  "FORBIDDEN",
  /** Someone changed it meanwhile (a stale version, a unique constraint). */
  "CONFLICT",
  /** The state machine or a guard refuses it in the current state. */
  "NOT_ALLOWED_NOW",
  /** Too many, too large, too often. */
  "LIMIT",
  /** A service the action needs does not answer. */
  "UNAVAILABLE",
  /** A bug: logged on the server, a generic message on the screen. */
  "UNEXPECTED",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type Failure = { ok: false; code: ErrorCode; message: string; fieldErrors?: FieldErrors; missing?: string[] };
export type Success<T> = [T] extends [undefined] ? { ok: true; value?: undefined } : { ok: true; value: T };
export type Result<T = undefined> = Success<T> | Failure;

export const UNEXPECTED_MESSAGE = "Une erreur inattendue s'est produite : réessayez dans quelques minutes. Si elle se reproduit, contactez votre centre.";
export const UNAVAILABLE_MESSAGE = "Le service est momentanément indisponible : votre saisie est conservée, réessayez dans quelques minutes.";

export function ok(): { ok: true; value?: undefined };
export function ok<T>(value: T): { ok: true; value: T };
export function ok<T>(value?: T) {
  return value === undefined ? { ok: true } : { ok: true, value };
}

export function failure(code: ErrorCode, message: string, extra: { fieldErrors?: FieldErrors; missing?: string[] } = {}): Failure {
  return { ok: false, code, message, ...(extra.fieldErrors ? { fieldErrors: extra.fieldErrors } : {}), ...(extra.missing?.length ? { missing: extra.missing } : {}) };
}

/** The use cases' own failure codes (state machine, policy, forms), in the one vocabulary of the actions. */
const CODES: Record<string, ErrorCode> = {
  INVALID_INPUT: "INVALID_INPUT",
  INVALID_PAYLOAD: "INVALID_INPUT",
  MISSING_COMMENT: "INVALID_INPUT",
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  FORBIDDEN_ROLE: "FORBIDDEN",
  STALE_VERSION: "CONFLICT",
  CONFLICT: "CONFLICT",
  ILLEGAL_TRANSITION: "NOT_ALLOWED_NOW",
  GUARD_FAILED: "NOT_ALLOWED_NOW",
  NOT_ALLOWED_NOW: "NOT_ALLOWED_NOW",
  LIMIT: "LIMIT",
  UNAVAILABLE: "UNAVAILABLE",
};

type UseCaseFailure = { ok: false; code?: string; message?: string; fieldErrors?: FieldErrors; missing?: string[] };

/**
 * A use case's failure as an action's: its code mapped (a failure without a code is a field error
 * when it names fields, otherwise a refusal in the current state), its message and fields kept.
 */
export function toFailure(outcome: UseCaseFailure): Failure {
  const code = (outcome.code && CODES[outcome.code]) || (outcome.fieldErrors && Object.keys(outcome.fieldErrors).length > 0 ? "INVALID_INPUT" : "NOT_ALLOWED_NOW");
  return failure(code, outcome.message ?? "Cette action n'est pas possible.", outcome);
}

type SuccessFields<O> = Omit<Extract<O, { ok: true }>, "ok">;

/** `{ ok: true, ...fields }` from a use case as `{ ok: true, value: fields }`; its failure through toFailure. */
export function fromOutcome<O extends { ok: true } | UseCaseFailure>(outcome: O): Result<SuccessFields<O>> {
  if (!outcome.ok) return toFailure(outcome as UseCaseFailure);
  const { ok: _ok, ...value } = outcome as { ok: true };
  return { ok: true, value } as Result<SuccessFields<O>>;
}

/**
 * Stored data that does not match its schema (a corrupt JSON column): logged where it is read; an
 * action answers its French message (code UNAVAILABLE) instead of the generic one.
 */
export class UnreadableDataError extends Error {
  override name = "UnreadableDataError";
}
