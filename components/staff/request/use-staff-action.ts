"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { centreRequestAction, nationalRequestAction } from "@/lib/requests/actions";
import type { StaffSpace } from "@/lib/requests/domain/commands";
import type { StaffActionInput } from "@/lib/requests/schemas";
import { requestSchemas } from "@/lib/requests/schemas-on-demand";
import { UNAVAILABLE_MESSAGE, type Result } from "@/lib/shared/result";

export const SERVER_ACTIONS: Record<StaffSpace, (input: StaffActionInput) => Promise<StaffActionResult>> = {
  centre: centreRequestAction,
  national: nationalRequestAction,
};

/** What every action of the staff request page answers: a state change gives the new version, the edition the diploma number. */
export type StaffActionResult = Result<{ version?: number; diplomaNumber?: string; messageId?: string; state?: string; status?: string; creditedUnits?: string[] }>;

export const STALE_NOTICE = "Ce dossier a été modifié entre-temps : voici son nouvel état.";
export const UNAVAILABLE = UNAVAILABLE_MESSAGE;

export type SendResult = StaffActionResult;

/**
 * Sends one action of the staff request page: checked first with the server's own schema (errors
 * come back at once, nothing is sent), then by the server. The page is rendered again after a
 * change, and after a refusal for a stale version so that the agent sees what changed. Never
 * throws: an unreachable server is a failure like the others, and what was typed stays.
 */
export function useStaffAction(space: StaffSpace) {
  const router = useRouter();
  const [pending, setPending] = useState(false);

  async function send(input: StaffActionInput): Promise<SendResult> {
    setPending(true);
    try {
      const { invalidInput, staffActionSchema } = await requestSchemas();
      const checked = staffActionSchema.safeParse(input);
      if (!checked.success) return invalidInput(checked.error);
      const result = await SERVER_ACTIONS[space](input);
      if (result.ok || result.code === "CONFLICT") router.refresh();
      return result;
    } catch (error) {
      // An expired session redirects to the login page: a navigation, not a failure.
      if ((error as { digest?: string })?.digest?.startsWith("NEXT_")) throw error;
      return { ok: false, code: "UNAVAILABLE", message: UNAVAILABLE };
    } finally {
      setPending(false);
    }
  }

  return { send, pending };
}
