import { z } from "zod";

/**
 * Format of `prisma/data/cnam-catalogue.json`, the researched Cnam catalogue the application is
 * seeded from. Every field listed here is present in the file; objects are strict so that a typo
 * in a hand-edited file (e.g. `choose_n_subgroup`) is reported instead of silently ignored.
 * The file is snake_case; the application's own model (`model.ts`) is camelCase.
 */

const nonBlank = z.string().trim().min(1, "Texte vide");
const sourceRef = z.string().nullable();

export const sourceUnitRefSchema = z.strictObject({
  code: nonBlank,
  /** null when only the code of the unit is known (e.g. a project UA). */
  title: nonBlank.nullable(),
  ects: z.number().int().min(0).nullable(),
});

const groupCommon = {
  label: nonBlank,
  ects_required: z.number().int().min(0).nullable(),
  rule_text: z.string().nullable(),
  source: sourceRef,
  note: z.string().optional(),
};

/** "compulsory": every listed unit; "choice": `ects_required` ECTS among the listed units. */
const leafGroupSchema = z.strictObject({
  ...groupCommon,
  type: z.enum(["compulsory", "choice"]),
  rule_paraphrase: z.string().optional(),
  units: z.array(sourceUnitRefSchema).min(1, "Un groupe d'unités doit lister au moins une unité d'enseignement"),
});

export type SourceLeafGroup = z.infer<typeof leafGroupSchema>;

/**
 * "nested_choice": `choose_n_subgroups` subgroups (all of them when absent) and `ects_required`
 * ECTS in total across the subgroups; "one_of": exactly one subgroup. Both carry `units: []`.
 */
const branchGroupSchema = z
  .strictObject({
    ...groupCommon,
    type: z.enum(["nested_choice", "one_of"]),
    units: z.array(z.never()).max(0, "Un groupe à sous-groupes ne liste pas d'unités directement"),
    get subgroups(): z.ZodArray<z.ZodType<SourceGroup>> {
      return z.array(sourceGroupSchema).min(1, "Un groupe à choix doit avoir au moins un sous-groupe");
    },
    choose_n_subgroups: z.number().int().min(1).optional(),
  })
  .superRefine((group, ctx) => {
    const n = group.choose_n_subgroups;
    if (n !== undefined && n > group.subgroups.length) {
      ctx.addIssue({
        code: "custom",
        path: ["choose_n_subgroups"],
        message: `${n} sous-groupes demandés pour ${group.subgroups.length} sous-groupes disponibles`,
      });
    }
    if (group.type === "one_of" && n !== undefined && n !== 1) {
      ctx.addIssue({ code: "custom", path: ["choose_n_subgroups"], message: "Un groupe « one_of » choisit exactement 1 sous-groupe" });
    }
  });

export interface SourceBranchGroup {
  label: string;
  type: "nested_choice" | "one_of";
  ects_required: number | null;
  rule_text: string | null;
  source: string | null;
  note?: string;
  units: never[];
  subgroups: SourceGroup[];
  choose_n_subgroups?: number;
}

export type SourceGroup = SourceLeafGroup | SourceBranchGroup;

export const sourceGroupSchema: z.ZodType<SourceGroup> = z.discriminatedUnion("type", [leafGroupSchema, branchGroupSchema], {
  error: "Type de groupe inconnu (attendu : compulsory, choice, nested_choice ou one_of)",
});

export function isLeafGroup(group: SourceGroup): group is SourceLeafGroup {
  return group.type === "compulsory" || group.type === "choice";
}

export const sourceEpSchema = z.strictObject({
  ua_codes: z.array(z.strictObject({ code: nonBlank, ects: z.number().int().min(0) })).nullable(),
  required_duration: z.string().nullable(),
  alternative: z.string().nullable(),
  /** null: the sources say nothing about whether an EP analysis applies. */
  excluded_from_ep_analysis: z.boolean().nullable(),
  duration_sources: z.array(z.string()).optional(),
  content_expectations: z.string().optional(),
  evidence: z.string().optional(),
  note: z.string().optional(),
});

export const sourceDiplomaSchema = z.strictObject({
  code: nonBlank.nullable(),
  version: nonBlank.optional(),
  title: nonBlank,
  kind: nonBlank,
  level: z.string().nullable(),
  level_source: z.string().nullable().optional(),
  ects_total: z.number().int().min(0).nullable(),
  ects_sum_of_groups: z.number().int().min(0).optional(),
  ects_stated: z.string().optional(),
  rncp: z.string().nullable(),
  rncp_status: z.string().optional(),
  source_url: z.string().nullable(),
  source_url_note: z.string().optional(),
  other_urls: z.array(z.string()).optional(),
  ue: z.array(sourceGroupSchema),
  ep: sourceEpSchema,
  other_conditions: z.array(z.strictObject({ condition: nonBlank, source: sourceRef })),
  verified: z.boolean(),
  verified_note: z.string().optional(),
  composition_provenance: z.string().optional(),
  corroborated_by: z.array(z.string()).optional(),
  confidence: z.string().optional(),
  current_title_variant: z.string().optional(),
  note: z.string().optional(),
});

export const sourceUnitSchema = z.strictObject({
  code: nonBlank,
  /** null only for a unit whose code alone was found (e.g. a project UA). */
  title: nonBlank.nullable(),
  ects: z.number().int().min(0).nullable(),
  kind: z.enum(["UE", "UA"]),
  source: z.string(),
  title_variants: z.array(z.strictObject({ title: nonBlank, source: z.string() })).optional(),
  code_variants: z.array(nonBlank).optional(),
  also_in: z.array(z.string()).optional(),
  note: z.string().optional(),
});

export const sourceCentreSchema = z.strictObject({
  /** Always null in the researched file: no public source gives centre codes. */
  code: z.string().nullable(),
  name: nonBlank,
  region: nonBlank,
  source: z.string().nullable(),
  verified: z.boolean(),
  note: z.string().optional(),
});

/**
 * The envelope only checks that each list is a list: records are validated one by one by the
 * importer so that every bad record is reported, and the good ones still cross-checked.
 */
export const sourceEnvelopeSchema = z.strictObject({
  generated_for: z.string(),
  method_note: z.string(),
  sources: z.array(z.string()),
  centres: z.array(z.unknown()),
  diplomas: z.array(z.unknown()),
  units: z.array(z.unknown()),
  process_facts: z.array(z.strictObject({ fact: nonBlank, source: z.string() })),
  gaps: z.array(z.string()),
});

export const catalogueSourceSchema = sourceEnvelopeSchema.extend({
  centres: z.array(sourceCentreSchema),
  diplomas: z.array(sourceDiplomaSchema),
  units: z.array(sourceUnitSchema),
});

export type SourceEp = z.infer<typeof sourceEpSchema>;
export type SourceDiploma = z.infer<typeof sourceDiplomaSchema>;
export type SourceUnit = z.infer<typeof sourceUnitSchema>;
export type SourceCentre = z.infer<typeof sourceCentreSchema>;
export type CatalogueSource = z.infer<typeof catalogueSourceSchema>;

/** `["diplomas", 3, "ue", 1]` → `diplomas[3].ue[1]`, the form used in every import report. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === "number") return `${text}[${key}]`;
    const name = String(key);
    return text === "" ? name : `${text}.${name}`;
  }, "");
}
