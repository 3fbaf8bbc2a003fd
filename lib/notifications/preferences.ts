import { db } from "@/lib/shared/db";
import type { DepositEmailChoice } from "./domain/deposit-digest";

/** The agent's choice for deposit emails (the default of the column until they choose). */
export async function depositEmailsOf(userId: string): Promise<DepositEmailChoice> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { depositEmails: true } });
  return user.depositEmails;
}

/** Records the agent's own choice: only their row, only the centre agents (the action's space). */
export async function setDepositEmails(userId: string, choice: DepositEmailChoice): Promise<void> {
  await db.user.update({ where: { id: userId, role: "AGENT_CENTRE" }, data: { depositEmails: choice } });
}
