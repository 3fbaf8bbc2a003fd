import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import type { Space } from "@/lib/auth/domain/policy";
import { fieldErrorsFrom, type FieldErrors } from "@/lib/shared/forms";
import { FORBIDDEN_CHARACTER_MESSAGE, isCleanText } from "@/lib/shared/params";
import { clientIp } from "@/lib/shared/request-ip";
import { requireUser, type CurrentUser } from "@/lib/auth/session";
import { log } from "../shared/log";
import { UNEXPECTED_MESSAGE, UnreadableDataError, failure, type Failure, type Result } from "../shared/result";

/** Who acts, as the use cases and the audit log want them: from the session, never from the client. */
export type ActionContext = { user: CurrentUser; actor: { id: string; role: CurrentUser["role"]; centreCode: string | null; ip: string | null } };

type Access = { space?: Space; allowIncompleteProfile?: boolean };

/** A form's fields as a plain object: one value per name, a list when the name repeats, files kept. */
export function formValues(formData: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const values: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key);
    values[key] = all.length === 1 ? all[0]! : all;
  }
  return values;
}

/** The answer to a body that is neither a form nor an object (a crafted request, an old page). */
export const UNEXPECTED_BODY_MESSAGE = "Cette demande n'a pas la forme attendue : rechargez la page puis recommencez.";
/** Backstop for the fields a use case parses itself (z.unknown() here): the schemas' own caps are far lower. */
export const MAX_INPUT_TEXT = 20_000;
const TOO_LONG_MESSAGE = `Ce texte est trop long : ${MAX_INPUT_TEXT.toLocaleString("fr-FR")} caractères au plus.`;
const MAX_DEPTH = 8;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * The sanitising step before the zod parse, the same for every action: the body must be a form, a
 * plain object or nothing; no text anywhere in it (nested values, file names included) may hold a
 * NUL byte, a control character or broken Unicode (lib/shared/params.ts), nor exceed MAX_INPUT_TEXT.
 * A bad text is a field message on its top-level field, so the form shows it next to the field.
 */
function sanitise(raw: unknown, fromForm?: (formData: FormData) => unknown): { ok: true; input: unknown; forbidden: FieldErrors; tooLong: FieldErrors } | { ok: false; result: Failure } {
  let input: unknown;
  if (raw instanceof FormData) input = (fromForm ?? formValues)(raw);
  else if (raw === undefined || raw === null || isPlainObject(raw)) input = raw;
  else return { ok: false, result: failure("INVALID_INPUT", UNEXPECTED_BODY_MESSAGE) };

  const forbidden: FieldErrors = {};
  const tooLong: FieldErrors = {};
  let tooDeep = false;
  const visit = (value: unknown, field: string, depth: number): void => {
    if (depth > MAX_DEPTH) {
      tooDeep = true;
      return;
    }
    const text = typeof value === "string" ? value : value instanceof File ? value.name : null;
    if (text !== null) {
      if (!isCleanText(text)) forbidden[field] ??= FORBIDDEN_CHARACTER_MESSAGE;
      else if (text.length > MAX_INPUT_TEXT) tooLong[field] ??= TOO_LONG_MESSAGE;
      return;
    }
    if (Array.isArray(value)) for (const item of value) visit(item, field, depth + 1);
    else if (isPlainObject(value)) for (const [key, item] of Object.entries(value)) visit(item, depth === 0 ? key : field, depth + 1);
  };
  visit(input, "", 0);
  if (tooDeep) return { ok: false, result: failure("INVALID_INPUT", UNEXPECTED_BODY_MESSAGE) };
  return { ok: true, input, forbidden, tooLong };
}

/**
 * The sanitised input through the form's schema. A forbidden character is reported whatever the
 * schema says; a text over MAX_INPUT_TEXT gets the schema's own message for its field when it has
 * one (« 5 000 caractères au plus. »), the backstop's otherwise.
 */
function parse<S extends z.core.$ZodType>(schema: S, raw: unknown, fromForm?: (formData: FormData) => unknown): { ok: true; data: z.output<S> } | { ok: false; result: Failure } {
  const clean = sanitise(raw, fromForm);
  if (!clean.ok) return clean;
  // Nothing with a forbidden character is parsed: a refinement could pass it on to a query.
  if (Object.keys(clean.forbidden).length > 0) return { ok: false, result: failure("INVALID_INPUT", "Vérifiez les champs signalés.", { fieldErrors: clean.forbidden }) };
  // The function, not a method: the schema may come from zod/mini (lighter in the browser).
  const parsed = z.safeParse(schema, clean.input);
  const fieldErrors = { ...clean.tooLong, ...(parsed.success ? {} : fieldErrorsFrom(parsed.error.issues)) };
  if (parsed.success && Object.keys(fieldErrors).length === 0) return { ok: true, data: parsed.data };
  return { ok: false, result: failure("INVALID_INPUT", "Vérifiez les champs signalés.", { fieldErrors }) };
}

/**
 * Expected failures are values already; anything thrown is a bug or an outage: logged with the
 * action's name, answered with a generic French message, never a 500 page (stored data found
 * unreadable was logged where it was read, and says what is wrong). Next's own signals
 * (redirect, forbidden, notFound) go through untouched.
 */
async function guarded<T>(name: string, run: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await run();
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof UnreadableDataError) return failure("UNAVAILABLE", error.message) as Result<T>;
    log.error({ event: "action.unexpected", action: name, err: error }, "server action failed");
    return failure("UNEXPECTED", UNEXPECTED_MESSAGE) as Result<T>;
  }
}

/**
 * The one contract of the server actions: the session gate (requireUser: anonymous → login page,
 * wrong space → 403, incomplete profile → "Compléter mon profil"), then the sanitising step and the
 * zod parse of the input (the same schema as the form; a FormData or a plain object), then the use case, which authorises
 * (role and ownership) and answers a Result.
 */
export function defineAction<S extends z.core.$ZodType, T>(options: {
  name: string;
  input: S;
  access?: Access;
  fromForm?: (formData: FormData) => unknown;
  handler: (input: z.output<S>, context: ActionContext) => Promise<Result<T>>;
}): (input: z.input<S> | FormData) => Promise<Result<T>> {
  return async (raw) => {
    const user = await requireUser(options.access ?? {});
    return guarded(options.name, async () => {
      const parsed = parse(options.input, raw, options.fromForm);
      if (!parsed.ok) return parsed.result as Result<T>;
      const actor = { id: user.id, role: user.role, centreCode: user.centreCode, ip: await clientIp() };
      return options.handler(parsed.data, { user, actor });
    });
  };
}

/** The same contract for the pages without a session (forgotten password). */
export function definePublicAction<S extends z.core.$ZodType, T>(options: {
  name: string;
  input: S;
  handler: (input: z.output<S>) => Promise<Result<T>>;
}): (input: z.input<S> | FormData) => Promise<Result<T>> {
  return (raw) =>
    guarded(options.name, async () => {
      const parsed = parse(options.input, raw);
      return parsed.ok ? options.handler(parsed.data) : (parsed.result as Result<T>);
    });
}

/** The same action with the signature of useActionState (previous state, form data), so that its form also posts without JavaScript. */
export function asFormState<T>(action: (input: FormData) => Promise<Result<T>>): (previous: Result<T> | null, formData: FormData) => Promise<Result<T>> {
  return (_previous, formData) => action(formData);
}

/** The same action for a plain `<form action>` whose page shows the outcome by rendering its data again: the Result is not read. */
export function asFormSubmit<T>(action: (input: FormData) => Promise<Result<T>>): (formData: FormData) => Promise<void> {
  return async (formData) => {
    await action(formData);
  };
}
