"use server";

import { runStaffAction, type StaffActionResult } from "@/lib/requests/staff-actions";
import type { StaffActionInput } from "@/lib/requests/staff-schemas";

/** Every action of the centre's request page (instruction, documents, messages), for AGENT_CENTRE only. */
export async function centreRequestAction(input: StaffActionInput): Promise<StaffActionResult> {
  return runStaffAction("centre", input);
}
