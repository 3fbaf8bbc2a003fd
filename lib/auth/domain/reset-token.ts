/** "Mot de passe oublié ?" links: valid one hour, usable once. */
export const RESET_TOKEN_TTL_MS = 60 * 60_000;

/**
 * The first link of a new staff account, in its welcome email: the person may be away when the
 * account is opened, so it lasts days rather than an hour (still usable once). The email states it.
 */
export const WELCOME_LINK_DAYS = 7;
export const WELCOME_TOKEN_TTL_MS = WELCOME_LINK_DAYS * 24 * RESET_TOKEN_TTL_MS;

export type ResetTokenRecord = { expiresAt: Date; usedAt: Date | null };
export type ResetTokenStatus = "valid" | "expired" | "used" | "unknown";

export function resetTokenExpiry(issuedAt: Date, ttlMs: number = RESET_TOKEN_TTL_MS): Date {
  return new Date(issuedAt.getTime() + ttlMs);
}

export function resetTokenStatus(record: ResetTokenRecord | null, now: Date): ResetTokenStatus {
  if (!record) return "unknown";
  if (record.usedAt) return "used";
  return now.getTime() < record.expiresAt.getTime() ? "valid" : "expired";
}

export const RESET_TOKEN_MESSAGES: Record<Exclude<ResetTokenStatus, "valid">, string> = {
  unknown: "Ce lien n'est pas valide. Vérifiez que vous avez copié l'adresse entière, ou demandez un nouveau lien.",
  expired: `Ce lien a expiré (un lien « Mot de passe oublié ? » est valable une heure, celui d'un courriel de bienvenue ${WELCOME_LINK_DAYS} jours). Demandez un nouveau lien.`,
  used: "Ce lien a déjà servi. Demandez un nouveau lien si vous devez encore changer votre mot de passe.",
};
