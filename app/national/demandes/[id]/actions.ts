"use server";

import { runStaffAction, type StaffActionResult } from "@/lib/requests/staff-actions";
import type { StaffActionInput } from "@/lib/requests/staff-schemas";

/** Every action of the national request page (jury, diploma, documents, messages), for AGENT_NATIONAL only. */
export async function nationalRequestAction(input: StaffActionInput): Promise<StaffActionResult> {
  return runStaffAction("national", input);
}
