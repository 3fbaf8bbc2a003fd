import { z } from "zod";
import * as zm from "zod/mini";
import * as adminSchemas from "@/lib/admin/schemas";
import * as authSchemas from "@/lib/auth/schemas";
import * as profileSchemas from "@/lib/profile/schemas";
import * as requestSchemas from "@/lib/requests/schemas";
import { experienceFormSchema } from "@/lib/catalogue/domain/experience-form";
import { contactDetailsSchema, profileSchema } from "@/lib/profile/domain/profile";
import { TRANSITIONS, commandSchema } from "@/lib/requests/domain/commands";
import { fieldOf, maxLengthFor, maxLengthOf } from "@/lib/shared/forms";

/**
 * Issue 14, finding 8: every text a person types is capped by the schema the form and the server
 * action share (a 500 000-character comment was stored). A field is free text when its schema
 * reaches a zod string; it must then have a `.max()` that maxLengthOf sees (the forms put it on the
 * field as maxLength).
 */

type Def = { type: string; innerType?: unknown; in?: unknown; out?: unknown; options?: unknown[]; shape?: Record<string, unknown>; left?: unknown; right?: unknown; getter?: () => unknown };
const defOf = (schema: unknown): Def | undefined => (schema as { _zod?: { def: Def } })?._zod?.def;

function reachesString(schema: unknown, depth = 0): boolean {
  const def = defOf(schema);
  if (!def || depth > 20) return false;
  if (def.type === "string") return true;
  return [def.innerType, def.in, def.out, ...(def.options ?? []), def.type === "lazy" ? def.getter?.() : undefined].some((part) => part !== undefined && reachesString(part, depth + 1));
}

/** Every field of an object schema (through refinements, intersections, unions of objects, lazy). */
function fieldsOf(schema: unknown, prefix: string, depth = 0): [string, unknown][] {
  const def = defOf(schema);
  if (!def || depth > 20) return [];
  if (def.shape) return Object.entries(def.shape).map(([key, field]) => [`${prefix}.${key}`, field]);
  return [def.innerType, def.in, def.left, def.right, ...(def.type === "union" ? (def.options ?? []) : []), def.type === "lazy" ? def.getter?.() : undefined].flatMap((part) => (part === undefined ? [] : fieldsOf(part, prefix, depth + 1)));
}

const isSchema = (value: unknown): value is z.ZodType => typeof value === "object" && value !== null && "_zod" in value;

const SCHEMAS: [string, unknown][] = [
  ...Object.entries({ ...adminSchemas, ...authSchemas, ...profileSchemas, ...requestSchemas }).filter((entry) => isSchema(entry[1])),
  ["bulkSchemaFor(AGENT_CENTRE)", requestSchemas.bulkSchemaFor("AGENT_CENTRE")],
  ["bulkSchemaFor(AGENT_NATIONAL)", requestSchemas.bulkSchemaFor("AGENT_NATIONAL")],
  ["experienceFormSchema", experienceFormSchema()],
  ["profileSchema", profileSchema()],
  ["contactDetailsSchema", contactDetailsSchema()],
  ...TRANSITIONS.map((name) => [`commandSchema(${name})`, commandSchema(name)] as [string, unknown]),
];

test("the schemas are found", () => {
  expect(SCHEMAS.length).toBeGreaterThan(20);
});

test.each(SCHEMAS)("%s: every text field has a length cap", (name, schema) => {
  const unbounded = fieldsOf(schema, name)
    .filter(([, field]) => reachesString(field) && maxLengthOf(field) === null)
    .map(([path]) => path);
  expect(unbounded).toEqual([]);
});

test("maxLengthFor reads the cap through trim, optional, default, pipes, unions and lazy schemas", () => {
  expect(maxLengthOf(z.string().trim().max(5).optional())).toBe(5);
  expect(maxLengthOf(z.string().trim().toLowerCase().pipe(z.email().max(254)))).toBe(254);
  expect(maxLengthOf(z.union([z.literal(""), z.string().max(7)]).default(""))).toBe(7);
  expect(maxLengthOf(z.lazy(() => z.string().max(3)))).toBe(3);
  expect(maxLengthOf(z.string())).toBeNull();
  // zod/mini, for the schemas that reach the browser (lib/auth/schemas.ts).
  expect(maxLengthOf(zm.string().check(zm.trim(), zm.maxLength(9), zm.maxLength(6)))).toBe(6);
  expect(maxLengthOf(zm.optional(zm.string().check(zm.maxLength(4))))).toBe(4);
  expect(maxLengthOf(zm.string().check(zm.minLength(2)))).toBeNull();
  expect(maxLengthFor(authSchemas.loginSchema, "identifier")).toBe(authSchemas.MAX_IDENTIFIER_LENGTH);
  expect(maxLengthOf(z.union([z.literal(""), z.string()]))).toBeNull();
  expect(maxLengthFor(requestSchemas.resubmitSchema, "comment")).toBe(requestSchemas.MAX_COMMENT_LENGTH);
  expect(maxLengthFor(requestSchemas.messageSchema, "body")).toBe(requestSchemas.MAX_MESSAGE_LENGTH);
  expect(fieldOf(adminSchemas.accountRoleChangeSchema, "userId")).toBeDefined();
});
