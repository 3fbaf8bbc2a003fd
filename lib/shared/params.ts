import { z } from "zod";

/**
 * The one input layer of what a URL carries: query parameters (a page's searchParams, a route
 * handler's URL) and path ids. Every value goes through a zod schema; a value that does not pass
 * is treated as absent (a filter dropped, a page 404), never a 500. Server actions' inputs go
 * through the same text rule in lib/auth/define-action.ts.
 */

export type SearchParams = Record<string, string | string[] | undefined>;

/** The field message of a text holding a NUL byte, a control character or broken Unicode. */
export const FORBIDDEN_CHARACTER_MESSAGE = "Ce champ contient un caractère non autorisé : retapez-le sans copier-coller de caractères spéciaux.";

// NUL and the C0 controls but tab, line feed and carriage return (typed in a text area); DEL.
// PostgreSQL refuses NUL in text ("invalid byte sequence for encoding UTF8: 0x00").
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// A lone UTF-16 surrogate: what invalid UTF-8 or a cut character becomes in a JavaScript string
// that did not go through a decoder (a JSON body, a crafted action payload).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether a text can be stored and shown as it is: no NUL, no control character, no lone surrogate. */
export function isCleanText(value: string): boolean {
  return !CONTROL.test(value) && !LONE_SURROGATE.test(value);
}

/** A string that passes isCleanText, with the field message otherwise. */
export const cleanString = () => z.string().refine(isCleanText, FORBIDDEN_CHARACTER_MESSAGE);

/**
 * One query parameter through its schema: a repeated parameter (`?q=a&q=b`) takes its first value,
 * a value with a forbidden character or that fails the schema is absent (undefined).
 */
export function searchParam<S extends z.ZodType>(schema: S): (raw: string | string[] | undefined | null) => z.output<S> | undefined {
  return (raw) => {
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (typeof value !== "string" || !isCleanText(value)) return undefined;
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  };
}

/** The query of a route handler's URL as a page receives it (repeated names become lists). */
export function searchParamsOf(url: string | URL): SearchParams {
  const params: SearchParams = {};
  for (const [key, value] of new URL(url).searchParams) {
    const previous = params[key];
    params[key] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return params;
}

/** A database id in a path (cuid, request number, catalogue key, centre code): letters, digits, `_`, `-`, `.`, `~`; 300 at most (a catalogue key is a slug of the title when there is no code). */
export const idSchema = z.string().regex(/^[A-Za-z0-9_.~-]{1,300}$/);
const idValue = searchParam(idSchema);

/**
 * A path id as Next hands it (already percent-decoded once), or null when it cannot be one: the
 * page answers notFound(), the route handler 404, the same as a missing id.
 */
export function idParam(raw: string | string[] | undefined): string | null {
  return idValue(raw) ?? null;
}

/**
 * decodeURIComponent that answers null instead of throwing (a lone `%`, a cut UTF-8 sequence such
 * as `%E9`, which is Latin-1 é typed in an old link).
 */
export function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
