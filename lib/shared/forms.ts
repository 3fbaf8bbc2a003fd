/** A form's errors, one message per field, shown next to the field (see lib/shared/result.ts). */
export type FieldErrors<K extends string = string> = Partial<Record<K, string>>;

/** First message per field from a zod error's issues. */
export function fieldErrorsFrom<K extends string>(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors<K> {
  const errors: FieldErrors<K> = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? "") as K;
    errors[key] ??= issue.message;
  }
  return errors;
}

type Introspected = { _zod: { def: { checks?: { _zod: { def: { check?: string; maximum?: unknown } } }[]; type: string; values?: unknown[]; innerType?: Introspected; in?: Introspected; out?: Introspected; options?: Introspected[]; shape?: Record<string, Introspected>; left?: Introspected; right?: Introspected; getter?: () => Introspected } }; maxLength?: number | null };

/**
 * The longest text a schema accepts (its `.max()`), seen through optional, default, pipes,
 * unions and lazy schemas; null when it sets none (a number, a list, an unbounded text). The
 * forms put it on their fields as `maxLength`, so the browser and the server stop at the same
 * length: the constant lives once, in the schema.
 */
export function maxLengthOf(schema: unknown): number | null {
  const node = schema as Introspected;
  const def = node?._zod?.def;
  if (!def) return null;
  if (typeof node.maxLength === "number") return node.maxLength;
  // zod/mini has no `maxLength` getter: its checks say it (the tightest `maxLength` check).
  const maxima = (def.checks ?? []).map((check) => check._zod.def).filter((d) => d.check === "max_length" && typeof d.maximum === "number");
  if (def.type === "string" && maxima.length > 0) return Math.min(...maxima.map((d) => d.maximum as number));
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
      return maxLengthOf(def.innerType);
    case "lazy":
      return def.getter ? maxLengthOf(def.getter()) : null;
    case "literal":
    case "enum": {
      const values = def.type === "enum" ? Object.values((def as { entries?: Record<string, unknown> }).entries ?? {}) : (def.values ?? []);
      return values.every((v) => typeof v === "string") && values.length > 0 ? Math.max(...values.map((v) => (v as string).length)) : null;
    }
    case "pipe": {
      const limits = [maxLengthOf(def.in), maxLengthOf(def.out)].filter((n): n is number => n !== null);
      return limits.length > 0 ? Math.min(...limits) : null;
    }
    case "union": {
      const limits = (def.options ?? []).map(maxLengthOf);
      return limits.every((n) => n !== null) && limits.length > 0 ? Math.max(...(limits as number[])) : null;
    }
    default:
      return null;
  }
}

/** The field `key` of an object schema (or of an intersection / a refined object), for maxLengthOf. */
export function fieldOf(schema: unknown, key: string): unknown {
  const def = (schema as Introspected)?._zod?.def;
  if (!def) return undefined;
  if (def.shape && key in def.shape) return def.shape[key];
  for (const part of [def.innerType, def.in, def.left, def.right, def.getter?.()]) {
    const found = part ? fieldOf(part, key) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** `maxLength` for a form field, from the field's schema: `<TextField {...register("name")} maxLength={maxLengthFor(schema, "name")} />`. */
export function maxLengthFor(schema: unknown, key: string): number | undefined {
  return maxLengthOf(fieldOf(schema, key)) ?? undefined;
}

/** The names of an object schema's fields, seen through refinements, pipes, intersections and lazy schemas. */
function fieldNames(schema: unknown): string[] {
  const def = (schema as Introspected)?._zod?.def;
  if (!def) return [];
  if (def.shape) return Object.keys(def.shape);
  const parts = [def.innerType, def.in, def.left, def.right, def.getter?.()].filter(Boolean);
  return [...new Set(parts.flatMap(fieldNames))];
}

/** Each text field's longest accepted length, by field name (see fieldCaps). */
export type FieldCaps = Readonly<Record<string, number>>;

/**
 * The caps of every field of a form's schema, computed where the schema already is (a server
 * component) and handed to the client form as a prop: the browser gets these numbers, not the
 * schema, so zod is downloaded only when the form is first validated (lazyZodResolver).
 */
export function fieldCaps(schema: unknown): FieldCaps {
  const caps: Record<string, number> = {};
  for (const name of fieldNames(schema)) {
    const cap = maxLengthFor(schema, name);
    if (cap !== undefined) caps[name] = cap;
  }
  return caps;
}

/**
 * fieldCaps of the schema `build` makes, worked out on first use and kept: a form's schema factory
 * takes today's date or an identifier, on which its caps never depend, and building a zod schema on
 * every page view costs about 1.5 ms of CPU. `const profileCaps = capsOnce(() => profileSchema());`
 */
export function capsOnce(build: () => unknown): () => FieldCaps {
  let caps: FieldCaps | undefined;
  return () => (caps ??= fieldCaps(build()));
}

/** cappedBy for a client form that holds only the caps: `const capped = cappedWith(caps); <TextField {...capped(register("name"))} />`. */
export function cappedWith(caps: FieldCaps): <P extends { name: string }>(props: P) => P & { maxLength?: number } {
  return (props) => {
    const maxLength = caps[props.name];
    return maxLength === undefined ? props : { ...props, maxLength };
  };
}

/**
 * A react-hook-form field's props with the schema's cap as maxLength:
 * `const capped = cappedBy(schema); <TextField {...capped(register("name"))} />`.
 */
export function cappedBy(schema: unknown): <P extends { name: string }>(props: P) => P & { maxLength?: number } {
  return cappedWith(fieldCaps(schema));
}
