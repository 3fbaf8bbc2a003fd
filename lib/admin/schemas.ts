import { z } from "zod";
import { checkIdentifier } from "@/lib/auth/domain/identifier";
import type { Role } from "@/lib/auth/domain/policy";
import { MAX_IDENTIFIER_LENGTH } from "@/lib/auth/schemas";

/**
 * The administration forms, checked in the browser and again by the use cases with the same
 * schemas. Inputs are strings as typed; outputs are trimmed and normalised.
 */

export const CENTRE_CODE_PATTERN = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;

const email = (label: string) => z.string().trim().toLowerCase().pipe(z.email(`${label} : adresse invalide (exemple : prenom.nom@lecnam.net).`).max(254));

export const centreSchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .min(1, "Code : saisissez le code du centre.")
    .max(40, "Code : 40 caractères au plus.")
    .regex(CENTRE_CODE_PATTERN, "Code : lettres A à Z, chiffres et tirets, sans espace ni accent (exemple : NOUVELLE-AQUITAINE)."),
  name: z.string().trim().min(2, "Nom : saisissez le nom du centre.").max(120, "Nom : 120 caractères au plus."),
  region: z.string().trim().min(2, "Région : saisissez la région.").max(80, "Région : 80 caractères au plus."),
  contactEmail: z.union([z.literal(""), email("Courriel de contact")]),
});

export type CentreFormValues = z.input<typeof centreSchema>;
export type CentreData = z.output<typeof centreSchema>;

export const STAFF_ROLES = ["AGENT_CENTRE", "AGENT_NATIONAL", "ADMIN"] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

const role = z.enum(STAFF_ROLES, "Rôle : choisissez un rôle.");
const centreCode = z.string().trim().toUpperCase().max(40, "Centre : choisissez le centre de ce gestionnaire.");

/** A centre agent instructs one centre's requests: the centre is required for that role only. */
function centreRequiredForCentreAgents<T extends z.ZodType<{ role: StaffRole; centreCode: string }>>(schema: T) {
  return schema.refine((v) => v.role !== "AGENT_CENTRE" || v.centreCode !== "", {
    path: ["centreCode"],
    message: "Centre : choisissez le centre de ce gestionnaire.",
    // Checked even when other fields are wrong, so that every error shows at once.
    when: (payload) => {
      const v = payload.value as { role?: unknown; centreCode?: unknown } | null;
      return typeof v?.role === "string" && typeof v?.centreCode === "string";
    },
  });
}

export const STAFF_IDENTIFIER_HELP = "Identifiant : de la forme prenom.nom, en minuscules, sans accent ni espace (prenom.nom2 pour un homonyme).";

export const accountCreateSchema = centreRequiredForCentreAgents(
  z.object({
    identifier: z
      .string()
      .max(MAX_IDENTIFIER_LENGTH, STAFF_IDENTIFIER_HELP)
      .transform((raw, ctx) => {
        const checked = checkIdentifier(raw);
        if (!checked.ok || checked.kind !== "staff") {
          ctx.addIssue({ code: "custom", message: raw.trim() === "" ? "Identifiant : saisissez l'identifiant ENF." : STAFF_IDENTIFIER_HELP });
          return z.NEVER;
        }
        return checked.identifier;
      }),
    displayName: z.string().trim().min(2, "Nom affiché : saisissez le prénom et le nom.").max(100, "Nom affiché : 100 caractères au plus."),
    email: email("Courriel"),
    role,
    centreCode,
  }),
);

export type AccountCreateValues = z.input<typeof accountCreateSchema>;
export type AccountCreateData = z.output<typeof accountCreateSchema>;

export const accountRoleSchema = centreRequiredForCentreAgents(z.object({ role, centreCode }));

export type AccountRoleValues = z.input<typeof accountRoleSchema>;
export type AccountRoleData = z.output<typeof accountRoleSchema>;

/** Largest results or catalogue file accepted by the imports page. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

const userId = z.string().min(1).max(64);

/** "Enregistrer le rôle" on an account's page: the account, then the form's fields. */
export const accountRoleChangeSchema = z.object({ userId }).and(accountRoleSchema);

/** "Désactiver / Réactiver le compte". */
export const accountActiveSchema = z.object({ userId, active: z.boolean() });

/** The imports page's file field (its UTF-8 encoding is checked once read). */
export const importFileSchema = z.object({
  fichier: z
    .instanceof(File, { error: "Choisissez un fichier à importer." })
    .refine((file) => file.size > 0, "Choisissez un fichier à importer.")
    .refine((file) => file.size <= MAX_IMPORT_BYTES, `Ce fichier dépasse ${MAX_IMPORT_BYTES / 1024 / 1024} Mo : découpez-le.`),
});
