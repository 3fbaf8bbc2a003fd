"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { asFormState, asFormSubmit, defineAction } from "@/lib/auth/define-action";
import { ok } from "@/lib/shared/result";
import { markRead } from "./inbox";
import { setDepositEmails } from "./preferences";
import { depositEmailsInput } from "./schemas";

/** The notifications page's buttons, for every signed-in person; each marks only their own notifications. */

// The unread counter is in the layout of every page.
const refresh = () => revalidatePath("/", "layout");

export const markAllReadAction = defineAction({
  name: "notifications.markAllRead",
  input: z.unknown(),
  handler: async (_input, { user }) => {
    const marked = await markRead(user.id, "all");
    refresh();
    return ok({ marked });
  },
});

export const markReadAction = defineAction({
  name: "notifications.markRead",
  input: z.object({ id: z.string().min(1).max(64) }),
  handler: async ({ id }, { user }) => {
    const marked = await markRead(user.id, [id]);
    refresh();
    return ok({ marked });
  },
});

export const markAllReadFormAction = asFormSubmit(markAllReadAction);
export const markReadFormAction = asFormSubmit(markReadAction);

/** Espace centre › Mes courriels: each deposit, a daily digest, or no email (the agent's own account). */
export const saveDepositEmailsAction = defineAction({
  name: "notifications.saveDepositEmails",
  input: depositEmailsInput,
  access: { space: "centre" },
  handler: async ({ depositEmails }, { user }) => {
    await setDepositEmails(user.id, depositEmails);
    revalidatePath("/centre/courriels");
    return ok({ depositEmails });
  },
});

export const saveDepositEmailsFormAction = asFormState(saveDepositEmailsAction);
