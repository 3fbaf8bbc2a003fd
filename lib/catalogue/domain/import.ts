import { foldText } from "../../shared/text";
import { z } from "zod";
import type {
  AllGroupsGroup,
  Catalogue,
  Centre,
  Diploma,
  ExperienceRule,
  ExperienceUnitsNeeded,
  RequirementGroup,
  RequiredExperienceRule,
  Unit,
  UnitRef,
} from "./model";
import {
  formatIssuePath,
  isLeafGroup,
  sourceCentreSchema,
  sourceDiplomaSchema,
  sourceEnvelopeSchema,
  sourceUnitSchema,
  type SourceCentre,
  type SourceDiploma,
  type SourceEp,
  type SourceGroup,
  type SourceUnit,
} from "./source-schema";

export interface ImportError {
  /** Where the problem is in the source file, e.g. `diplomas[3].ue[1].units[0].code`. */
  path: string;
  message: string;
}

export type ParseCatalogueResult = { ok: true; catalogue: Catalogue } | { ok: false; errors: ImportError[] };

export const NOT_REQUESTABLE_REASONS = {
  compositionUnknown: "La composition de ce diplôme n'est pas encore connue de l'application ; adressez-vous à votre centre.",
  compositionPartial:
    "La composition de ce diplôme n'est connue que partiellement par l'application ; adressez-vous à votre centre.",
  noCode: "Ce diplôme n'a pas de code Cnam connu de l'application ; adressez-vous à votre centre.",
} as const;

const frenchErrors = { error: z.locales.fr().localeError };

/**
 * Validates the researched catalogue file and converts it to the application's model.
 * Every bad record is reported (records are validated one by one, then cross-checked), so an
 * administrator fixes the file in one pass. Same input, same output: no clock, no randomness.
 */
export function parseCatalogue(json: unknown): ParseCatalogueResult {
  const envelope = sourceEnvelopeSchema.safeParse(json, frenchErrors);
  if (!envelope.success) return { ok: false, errors: issuesToErrors(envelope.error.issues, []) };

  const errors: ImportError[] = [];
  const units = parseEach(envelope.data.units, "units", sourceUnitSchema, errors);
  const centres = parseEach(envelope.data.centres, "centres", sourceCentreSchema, errors);
  const diplomas = parseEach(envelope.data.diplomas, "diplomas", sourceDiplomaSchema, errors);

  const unitsByCode = indexUnits(units, errors);
  const normalisedCentres = checkCentres(centres, errors);
  const keys = new Map<string, number>();
  const convertedDiplomas: Diploma[] = [];
  for (const { index, value } of diplomas) {
    const path = `diplomas[${index}]`;
    checkDiplomaUnits(value, path, unitsByCode, errors);
    const diploma = convertDiploma(value);
    const firstIndex = keys.get(diploma.key);
    if (firstIndex !== undefined) {
      errors.push({ path: `${path}.code`, message: `Diplôme en double : même code et même version que diplomas[${firstIndex}] (${diploma.key})` });
    } else {
      keys.set(diploma.key, index);
    }
    convertedDiplomas.push(diploma);
  }

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    catalogue: {
      diplomas: convertedDiplomas,
      units: units.map(({ value }) => convertUnit(value)),
      centres: normalisedCentres,
    },
  };
}

function parseEach<T>(items: unknown[], listName: string, schema: z.ZodType<T>, errors: ImportError[]): { index: number; value: T }[] {
  const parsed: { index: number; value: T }[] = [];
  items.forEach((item, index) => {
    const result = schema.safeParse(item, frenchErrors);
    if (result.success) parsed.push({ index, value: result.data });
    else errors.push(...issuesToErrors(result.error.issues, [listName, index]));
  });
  return parsed;
}

function issuesToErrors(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[]): ImportError[] {
  return issues.map((issue) => ({ path: formatIssuePath([...prefix, ...issue.path]), message: issue.message }));
}

function indexUnits(units: { index: number; value: SourceUnit }[], errors: ImportError[]): Map<string, SourceUnit> {
  const byCode = new Map<string, SourceUnit>();
  for (const { index, value } of units) {
    if (byCode.has(value.code)) {
      errors.push({ path: `units[${index}].code`, message: `UE en double dans la liste des unités : ${value.code}` });
    } else {
      byCode.set(value.code, value);
    }
  }
  return byCode;
}

/** Units named by a diploma must exist in the unit list, with the same credits. */
function checkDiplomaUnits(diploma: SourceDiploma, path: string, unitsByCode: Map<string, SourceUnit>, errors: ImportError[]): void {
  const checkGroup = (group: SourceGroup, groupPath: string): void => {
    if (isLeafGroup(group)) {
      group.units.forEach((ref, i) => {
        const refPath = `${groupPath}.units[${i}]`;
        const unit = unitsByCode.get(ref.code);
        if (!unit) {
          errors.push({ path: `${refPath}.code`, message: `UE inconnue : ${ref.code} n'est pas dans la liste des unités` });
          return;
        }
        if (unit.ects !== ref.ects) {
          errors.push({ path: `${refPath}.ects`, message: `${ref.code} : ${String(ref.ects)} ECTS ici, ${String(unit.ects)} ECTS dans la liste des unités` });
        }
        const knownTitles = [unit.title, ...(unit.title_variants ?? []).map((variant) => variant.title)];
        if (!knownTitles.includes(ref.title)) {
          errors.push({ path: `${refPath}.title`, message: `${ref.code} : intitulé « ${String(ref.title)} » absent de la liste des unités` });
        }
      });
    } else {
      group.subgroups.forEach((subgroup, i) => checkGroup(subgroup, `${groupPath}.subgroups[${i}]`));
    }
  };
  diploma.ue.forEach((group, i) => checkGroup(group, `${path}.ue[${i}]`));

  (diploma.ep.ua_codes ?? []).forEach((ua, i) => {
    const unit = unitsByCode.get(ua.code);
    const uaPath = `${path}.ep.ua_codes[${i}]`;
    if (!unit) errors.push({ path: `${uaPath}.code`, message: `UA d'expérience inconnue : ${ua.code} n'est pas dans la liste des unités` });
    else if (unit.kind !== "UA") errors.push({ path: `${uaPath}.code`, message: `${ua.code} est une unité d'enseignement, pas une unité d'expérience` });
    else if (unit.ects !== ua.ects) errors.push({ path: `${uaPath}.ects`, message: `${ua.code} : ${ua.ects} ECTS ici, ${String(unit.ects)} ECTS dans la liste des unités` });
  });
}

function checkCentres(centres: { index: number; value: SourceCentre }[], errors: ImportError[]): Centre[] {
  const normalised = normaliseCentres(centres.map(({ value }) => value));
  const seen = new Map<string, number>();
  normalised.forEach((centre, position) => {
    const index = centres[position]?.index ?? position;
    const first = seen.get(centre.code);
    if (first !== undefined) {
      errors.push({ path: `centres[${index}].name`, message: `Deux centres ont la même clé interne ${centre.code} (voir centres[${first}])` });
    } else {
      seen.set(centre.code, index);
    }
  });
  return normalised;
}

/**
 * A compiler's remark in brackets (« (site www.cnam-paris.fr) », « (historique) », « (lieu
 * d'enseignement) ») is a note about
 * the source, not part of the name that letters and screens print: « Cnam Paris ». Another bracket
 * (« (Cnam PACA) », the name people use) stays. prisma/migrations/*_clean_centre_names does the same
 * to the rows imported before.
 */
export const CENTRE_NAME_REMARK = /\s*\((?:site\b[^)]*|[^)]*\bwww\.[^)]*|[^)]*https?:\/\/[^)]*|historique|lieu d'enseignement)\)/gi;

export function cleanCentreName(name: string): string {
  return name.replace(CENTRE_NAME_REMARK, "").replace(/\s+/g, " ").trim();
}

/**
 * Gives every centre a stable internal key derived from its name, since the public sources give
 * no centre codes: "Cnam Paris (site www.cnam-paris.fr)" → "PARIS", "Cnam Nouvelle-Aquitaine" →
 * "NOUVELLE-AQUITAINE". A code present in the source wins. Keys are for the database and URLs,
 * never presented as official Cnam codes.
 */
export function normaliseCentres(centres: readonly SourceCentre[]): Centre[] {
  return centres.map((centre) => ({
    code: centre.code?.trim() ? slug(centre.code) : slug(centre.name.replace(/\([^)]*\)/g, "").replace(/^\s*Cnam\s+/i, "")),
    name: cleanCentreName(centre.name),
    region: centre.region,
    verified: centre.verified,
    ...(centre.source && isUrl(centre.source) ? { sourceUrl: centre.source } : {}),
  }));
}

function slug(text: string): string {
  return foldText(text)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function isUrl(text: string): boolean {
  return /^https?:\/\/\S+$/.test(text);
}

function convertUnit(unit: SourceUnit): Unit {
  return { code: unit.code, title: unit.title, ects: unit.ects, kind: unit.kind };
}

/**
 * The key shows in addresses (/auditeur/nouvelle-demande/<key>): a version's remark in brackets is
 * a note of the catalogue's compilers (« (labelled DEP_… = deprecated by …) »), not part of its name.
 */
export function diplomaKey(code: string | null, version: string | undefined, title: string): string {
  if (code === null) return `SANS-CODE-${slug(title)}`;
  if (version === undefined) return code;
  const name = slug(version.replace(/\([^)]*\)/g, " "));
  return name ? `${code}~${name}` : `${code}~${slug(version)}`;
}

function convertDiploma(source: SourceDiploma): Diploma {
  const experienceCodes = new Set((source.ep.ua_codes ?? []).map((ua) => ua.code));
  // The experience UAs are judged by the experience part of the verdict, so they are taken out of
  // the course requirement to be counted once.
  const subgroups = source.ue.map((group) => convertGroup(group, experienceCodes)).filter((group) => group !== null);
  const requirement: AllGroupsGroup = { kind: "allGroups", label: source.title, subgroups };
  const reason = notRequestableReason(source);
  return {
    key: diplomaKey(source.code, source.version, source.title),
    code: source.code,
    ...(source.version === undefined ? {} : { version: source.version }),
    title: source.title,
    kind: source.kind,
    level: source.level,
    requirement,
    experience: convertExperience(source.ep, unitsNeeded(source.ue, experienceCodes)),
    otherConditions: source.other_conditions.map((condition) => condition.condition),
    requestable: reason === undefined,
    ...(reason === undefined ? {} : { notRequestableReason: reason }),
    compositionVerified: source.verified,
    ...(source.source_url && isUrl(source.source_url) ? { sourceUrl: source.source_url } : {}),
  };
}

function convertGroup(group: SourceGroup, excluded: ReadonlySet<string>): RequirementGroup | null {
  const label = group.label;
  if (isLeafGroup(group)) {
    const units: UnitRef[] = group.units.filter((unit) => !excluded.has(unit.code)).map(({ code, title, ects }) => ({ code, title, ects }));
    if (units.length === 0) return null;
    if (group.type === "compulsory") return { kind: "allUnits", label, units };
    return { kind: "chooseEcts", label, ects: group.ects_required ?? 0, units };
  }
  const subgroups = group.subgroups.map((subgroup) => convertGroup(subgroup, excluded)).filter((subgroup) => subgroup !== null);
  if (subgroups.length === 0) return null;
  if (group.type === "one_of") return { kind: "oneOf", label, subgroups };
  const count = Math.min(group.choose_n_subgroups ?? group.subgroups.length, subgroups.length);
  return { kind: "chooseSubgroups", label, count, ...(group.ects_required === null ? {} : { ects: group.ects_required }), subgroups };
}

/** "ANY" when the experience UAs are the options of one "one_of" block (licence: one UA per access route). */
function unitsNeeded(groups: SourceGroup[], experienceCodes: ReadonlySet<string>): ExperienceUnitsNeeded {
  const isExperienceOptions = (group: SourceGroup): boolean =>
    group.type === "one_of" &&
    group.subgroups.every((option) => isLeafGroup(option) && option.units.every((unit) => experienceCodes.has(unit.code))) &&
    [...experienceCodes].every((code) => group.subgroups.some((option) => isLeafGroup(option) && option.units.some((unit) => unit.code === code)));
  const anyBlock = (group: SourceGroup): boolean => isExperienceOptions(group) || (!isLeafGroup(group) && group.subgroups.some(anyBlock));
  return experienceCodes.size > 1 && groups.some(anyBlock) ? "ANY" : "ALL";
}

/**
 * The source's own word that a transcription may be incomplete (CYC9101A: "Transcription has no
 * 'ENG251 + UATN01' block … possibly incomplete"): such a composition cannot decide a delivery.
 */
export function isFlaggedIncomplete(note: string | undefined): boolean {
  return note !== undefined && /\bincompl(?:ete|ète|et)\b/i.test(note);
}

function notRequestableReason(source: SourceDiploma): string | undefined {
  if (source.ue.length === 0) return NOT_REQUESTABLE_REASONS.compositionUnknown;
  if (source.ue.some(isIncomplete) || isFlaggedIncomplete(source.note)) return NOT_REQUESTABLE_REASONS.compositionPartial;
  if (source.code === null) return NOT_REQUESTABLE_REASONS.noCode;
  return undefined;
}

/**
 * A group is incomplete when its credits are unknown, when one of its units has unknown credits,
 * or when its listed units cannot add up to what it requires (a truncated list).
 */
function isIncomplete(group: SourceGroup): boolean {
  if (group.ects_required === null) return true;
  if (!isLeafGroup(group)) return group.subgroups.some(isIncomplete);
  if (group.units.some((unit) => unit.ects === null)) return true;
  const listed = group.units.reduce((sum, unit) => sum + (unit.ects ?? 0), 0);
  return group.type === "compulsory" ? listed !== group.ects_required : listed < group.ects_required;
}

type StructuredMonths = Omit<RequiredExperienceRule, "kind" | "unitCodes" | "unitsNeeded" | "ruleText" | "alternativeText">;

/**
 * Structured durations, derived by hand from the rule texts of the source file and its
 * `process_facts`. A rule text that matches no family keeps its text and gets no computed months
 * (`unspecified`): the jury reads it.
 */
const EXPERIENCE_FAMILIES: { matches: (ep: SourceEp) => boolean; months: StructuredMonths }[] = [
  {
    // Licence (LG02501A). "Accès direct en L3 : 1 an d'expérience professionnelle dans la
    // spécialité" (iutcaen ep3, Cnam PACA, Cnam Nouvelle-Aquitaine); out of the field: "stage de
    // 6 mois", which the jury may shorten "sans que le stage soit inférieur à 3 mois" (PACA).
    // Two routes, each with its UA: direct access to L3 (UAAL0T, 17 ECTS: "1 an dans la
    // spécialité") and the full L1–L3 route (UAAL0S: "3 ans dont 1 an dans la spécialité"). The
    // learner says which applies (Request.experienceRoute); the rule's own months are the L3 route's.
    matches: (ep) => /Accès direct en L3 : 1 an/.test(ep.required_duration ?? ""),
    months: {
      family: "LICENCE",
      inFieldMonths: 12,
      internshipMonths: { min: 3, max: 6 },
      routes: [
        { id: "L3", label: "Accès direct en L3 : 1 an d'expérience dans la spécialité", unitCode: "UAAL0T", inFieldMonths: 12 },
        { id: "FULL", label: "Parcours complet L1–L3 : 3 ans d'expérience dont 1 an dans la spécialité", unitCode: "UAAL0S", inFieldMonths: 12, totalMonths: 36 },
      ],
    },
  },
  {
    // Engineer (CYC91xxA and the generic engineer rule): "2 ans d'expérience professionnelle" at
    // the admission exam, "3 ans … dont 2 ans dans la spécialité" at the thesis defence (Cnam PACA,
    // ISAE-Cnam Liban). No internship alternative is published.
    matches: (ep) => /soutenance du mémoire : 3 ans .*dont 2 ans dans la spécialité/.test(ep.required_duration ?? ""),
    months: { family: "ENGINEER", inFieldMonths: 24, totalMonths: 36, atAdmissionMonths: 24 },
  },
  {
    // Bac+2 (Cnam Nouvelle-Aquitaine general rule): "2 ans d'expérience salariée … dans le
    // domaine"; otherwise an internship "de durée fixée par le Cnam (6 mois maximum)". No minimum
    // is published, so the floor is the shortest internship a jury can set: 1 month.
    matches: (ep) => /Bac\+2/.test(ep.required_duration ?? ""),
    months: { family: "BAC_PLUS_2", inFieldMonths: 24, internshipMonths: { min: 1, max: 6 } },
  },
  {
    // RNCP level 6 titles (former "niveau II": Concepteur en architecture informatique,
    // Responsable de projets de formation): "2 ans dans le domaine", or "3 ans hors domaine + stage
    // de 3 à 6 mois" (Cnam PACA). The CAI page says "stage d'au moins 3 mois"; the upper bound is
    // the PACA rule for the same level.
    matches: (ep) => /2 ans .*dans le domaine/.test(ep.required_duration ?? "") && /3 ans/.test(ep.alternative ?? "") && /stage/.test(ep.alternative ?? ""),
    months: { family: "RNCP_LEVEL_6", inFieldMonths: 24, outOfFieldMonths: 36, internshipMonths: { min: 3, max: 6 } },
  },
];

function convertExperience(ep: SourceEp, needed: ExperienceUnitsNeeded): ExperienceRule {
  if (ep.excluded_from_ep_analysis === true) return { kind: "excluded" };
  const unitCodes = (ep.ua_codes ?? []).map((ua) => ua.code);
  const family = EXPERIENCE_FAMILIES.find((candidate) => candidate.matches(ep));
  if (family === undefined || ep.required_duration === null) {
    return { kind: "unspecified", unitCodes, unitsNeeded: needed, ruleText: ep.required_duration, alternativeText: ep.alternative };
  }
  const { routes, ...months } = family.months;
  // A route keeps its UA only if the diploma lists it.
  const known = routes?.map((route) => ({ ...route, unitCode: route.unitCode !== null && unitCodes.includes(route.unitCode) ? route.unitCode : null }));
  return { kind: "required", unitCodes, unitsNeeded: needed, ruleText: ep.required_duration, alternativeText: ep.alternative, ...months, ...(known ? { routes: known } : {}) };
}
