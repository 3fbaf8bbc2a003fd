"use server";

import { z } from "zod";
import { defineAction } from "@/lib/auth/define-action";
import { extendSession } from "@/lib/auth/session-expiry";
import { failure, ok } from "@/lib/shared/result";

const SESSION_ENDED = "Votre session a déjà expiré : reconnectez-vous. Ce que vous aviez saisi est conservé sur cet appareil.";

/** The « Prolonger ma session » button of the expiry warning (components/layout/SessionWatch.tsx). */
export const extendSessionAction = defineAction({
  name: "extendSession",
  input: z.object({}),
  access: { allowIncompleteProfile: true },
  handler: async (_input, { user }) => {
    const left = await extendSession(user.sessionId);
    return left === null ? failure("NOT_FOUND", SESSION_ENDED) : ok({ secondsLeft: left });
  },
});
