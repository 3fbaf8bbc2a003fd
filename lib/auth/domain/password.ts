import * as z from "zod/mini";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./password-policy";

/** New password chosen after a reset: long, not the identifier, typed twice. */
export function newPasswordSchema(identifier: string) {
  return z
    .object({
      password: z.string().check(
        z.minLength(MIN_PASSWORD_LENGTH, `Le mot de passe doit contenir au moins ${MIN_PASSWORD_LENGTH} caractères.`),
        z.maxLength(MAX_PASSWORD_LENGTH, `Le mot de passe doit contenir au plus ${MAX_PASSWORD_LENGTH} caractères.`),
        z.refine((p) => !identifier || !p.toLowerCase().includes(identifier.toLowerCase()), "Le mot de passe ne doit pas contenir votre identifiant."),
      ),
      confirmation: z.string(),
    })
    .check(z.refine((v) => v.password === v.confirmation, { path: ["confirmation"], message: "Les deux mots de passe ne sont pas identiques." }));
}

export type NewPasswordInput = z.infer<ReturnType<typeof newPasswordSchema>>;
