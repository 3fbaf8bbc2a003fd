import { z } from "zod";
import type { AllGroupsGroup, Diploma, ExperienceRule, RequirementGroup } from "./model";

/**
 * The catalogue model (model.ts) as zod schemas: what the import writes into Diploma.definition, a
 * JSON column, checked again where it is read, so that a corrupt row is found there and not deep
 * inside the eligibility engine.
 */

const unitRef = z.object({ code: z.string().min(1), title: z.string().nullable(), ects: z.number().nullable() });

// A union, not a discriminated one: zod cannot read the discriminator of a recursive member.
const requirementGroup: z.ZodType<RequirementGroup> = z.lazy(() =>
  z.union([
    z.object({ kind: z.literal("allUnits"), label: z.string(), units: z.array(unitRef) }),
    z.object({ kind: z.literal("chooseEcts"), label: z.string(), ects: z.number(), units: z.array(unitRef) }),
    z.object({ kind: z.literal("chooseUnits"), label: z.string(), count: z.number().int(), units: z.array(unitRef) }),
    z.object({ kind: z.literal("chooseSubgroups"), label: z.string(), count: z.number().int(), ects: z.number().optional(), subgroups: z.array(requirementGroup) }),
    z.object({ kind: z.literal("oneOf"), label: z.string(), subgroups: z.array(requirementGroup) }),
    allGroups,
  ]),
);

const allGroups: z.ZodType<AllGroupsGroup> = z.object({ kind: z.literal("allGroups"), label: z.string(), subgroups: z.array(requirementGroup) });

const unitsNeeded = z.enum(["ANY", "ALL"]);

const experienceRule: z.ZodType<ExperienceRule> = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("excluded") }),
  z.object({
    kind: z.literal("required"),
    unitCodes: z.array(z.string()),
    unitsNeeded,
    family: z.enum(["LICENCE", "ENGINEER", "RNCP_LEVEL_6", "BAC_PLUS_2"]),
    ruleText: z.string(),
    alternativeText: z.string().nullable(),
    inFieldMonths: z.number(),
    totalMonths: z.number().optional(),
    atAdmissionMonths: z.number().optional(),
    outOfFieldMonths: z.number().optional(),
    internshipMonths: z.object({ min: z.number(), max: z.number() }).optional(),
    routes: z
      .array(z.object({ id: z.string().min(1), label: z.string(), unitCode: z.string().nullable(), inFieldMonths: z.number(), totalMonths: z.number().optional() }))
      .optional(),
  }),
  z.object({ kind: z.literal("unspecified"), unitCodes: z.array(z.string()), unitsNeeded, ruleText: z.string().nullable(), alternativeText: z.string().nullable() }),
]);

export const diplomaSchema: z.ZodType<Diploma> = z.object({
  key: z.string().min(1),
  code: z.string().nullable(),
  version: z.string().optional(),
  title: z.string(),
  kind: z.string(),
  level: z.string().nullable(),
  requirement: allGroups,
  experience: experienceRule,
  otherConditions: z.array(z.string()),
  requestable: z.boolean(),
  notRequestableReason: z.string().optional(),
  compositionVerified: z.boolean(),
  sourceUrl: z.string().optional(),
});
