"use server";

import { revalidatePath } from "next/cache";
import { postMessage } from "@/lib/requests/staff-requests";
import { invalidInput, messageSchema } from "@/lib/requests/staff-schemas";
import { clientIp } from "@/lib/server/request-ip";
import { requireUser } from "@/lib/server/session";

/** The learner answers their centre on their request page; the use case checks ownership. */
export async function postMessageAction(input: { requestId: string; body: string }) {
  const learner = await requireUser({ space: "auditeur" });
  const parsed = messageSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await postMessage({ id: learner.id, role: learner.role, centreCode: learner.centreCode, ip: await clientIp() }, parsed.data.requestId, parsed.data.body);
  revalidatePath(`/demandes/${parsed.data.requestId}`);
  return result;
}
