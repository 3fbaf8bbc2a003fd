import { z } from "zod";
import { DEPOSIT_EMAIL_CHOICES } from "./domain/deposit-digest";

/** Espace centre › Mes courriels: how the agent hears of new deposits (the form and the action share it). */
export const depositEmailsInput = z.object({
  depositEmails: z.enum(DEPOSIT_EMAIL_CHOICES, { error: "Choisissez comment être prévenu des nouvelles demandes." }),
});
export type DepositEmailsInput = z.infer<typeof depositEmailsInput>;
