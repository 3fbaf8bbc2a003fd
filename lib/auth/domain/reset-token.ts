/** "Mot de passe oublié ?" links: valid one hour, usable once. */
export const RESET_TOKEN_TTL_MS = 60 * 60_000;

export type ResetTokenRecord = { expiresAt: Date; usedAt: Date | null };
export type ResetTokenStatus = "valid" | "expired" | "used" | "unknown";

export function resetTokenExpiry(issuedAt: Date): Date {
  return new Date(issuedAt.getTime() + RESET_TOKEN_TTL_MS);
}

export function resetTokenStatus(record: ResetTokenRecord | null, now: Date): ResetTokenStatus {
  if (!record) return "unknown";
  if (record.usedAt) return "used";
  return now.getTime() < record.expiresAt.getTime() ? "valid" : "expired";
}

export const RESET_TOKEN_MESSAGES: Record<Exclude<ResetTokenStatus, "valid">, string> = {
  unknown: "Ce lien n'est pas valide. Vérifiez que vous avez copié l'adresse entière, ou demandez un nouveau lien.",
  expired: "Ce lien a expiré (il est valable une heure). Demandez un nouveau lien.",
  used: "Ce lien a déjà servi. Demandez un nouveau lien si vous devez encore changer votre mot de passe.",
};
