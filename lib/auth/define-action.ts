import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { Space } from "@/lib/auth/domain/policy";
import { fieldErrorsFrom } from "@/lib/shared/forms";
import { clientIp } from "@/lib/shared/request-ip";
import { requireUser, type CurrentUser } from "@/lib/auth/session";
import { log } from "../shared/log";
import { UNEXPECTED_MESSAGE, UnreadableDataError, failure, type Result } from "../shared/result";

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

function parse<S extends z.ZodType>(schema: S, raw: unknown, fromForm?: (formData: FormData) => unknown): { ok: true; data: z.output<S> } | { ok: false; result: ReturnType<typeof failure> } {
  const input = raw instanceof FormData ? (fromForm ?? formValues)(raw) : raw;
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, result: failure("INVALID_INPUT", "Vérifiez les champs signalés.", { fieldErrors: fieldErrorsFrom(parsed.error.issues) }) };
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
 * wrong space → 403, incomplete profile → "Compléter mon profil"), then the zod parse of the input
 * (the same schema as the form; a FormData or a plain object), then the use case, which authorises
 * (role and ownership) and answers a Result.
 */
export function defineAction<S extends z.ZodType, T>(options: {
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
export function definePublicAction<S extends z.ZodType, T>(options: {
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
