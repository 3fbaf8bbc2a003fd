import "server-only";
import { revalidatePath } from "next/cache";
import type { Space } from "@/lib/domain/policy";
import { clientIp } from "@/lib/server/request-ip";
import { requireUser } from "@/lib/server/session";
import { invalidInput, staffActionSchema, toExperienceDecision, type StaffActionData } from "./staff-schemas";
import {
  askForCorrection,
  assignRequest,
  decideExperience,
  forwardRequest,
  postMessage,
  recordDispatch,
  recordEdition,
  recordHandover,
  refuseRequest,
  reviewDocument,
  takeInCharge,
  validateDiploma,
  type StaffActor,
  type StaffResult,
} from "./staff-requests";

export type StaffSpace = Extract<Space, "centre" | "national">;

/** What every action of the staff request page answers: a state change gives the new version, the edition the diploma number. */
export type StaffActionResult = StaffResult<{ version?: number; diplomaNumber?: string; messageId?: string }>;

/**
 * The body of the server actions of the staff request page, shared by the centre and the national
 * spaces: session and space first, then the form's schema, the actor with their address for the
 * audit log, one use case, and the page's data refreshed. The use case checks the rest (scope,
 * permission, state, version); its expected failures come back as values for the form.
 */
export async function runStaffAction(space: StaffSpace, input: unknown): Promise<StaffActionResult> {
  const user = await requireUser({ space });
  const parsed = staffActionSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const actor: StaffActor = { id: user.id, role: user.role, centreCode: user.centreCode, ip: await clientIp() };
  const result = await perform(actor, parsed.data);
  revalidatePath(`/${space}/demandes/${parsed.data.requestId}`);
  return result;
}

function perform(actor: StaffActor, data: StaffActionData): Promise<StaffActionResult> {
  const { requestId } = data;
  switch (data.type) {
    case "takeInCharge":
      return takeInCharge(actor, requestId, data.version);
    case "assign":
      return assignRequest(actor, requestId, data.version, data.assigneeId);
    case "askForCorrection":
      return askForCorrection(actor, requestId, data.version, data.comment);
    case "forward":
      return forwardRequest(actor, requestId, data.version, data.opinion, data.comment);
    case "refuse":
      return refuseRequest(actor, requestId, data.version, data.reason);
    case "decideExperience":
      return decideExperience(actor, requestId, data.version, toExperienceDecision(data));
    case "validateDiploma":
      return validateDiploma(actor, requestId, data.version);
    case "recordEdition":
      return recordEdition(actor, requestId, data.version);
    case "recordDispatch":
      return recordDispatch(actor, requestId, data.version);
    case "recordHandover":
      return recordHandover(actor, requestId, data.version);
    case "reviewDocument":
      return reviewDocument(actor, data.documentId, data.status, data.reason);
    case "postMessage":
      return postMessage(actor, requestId, data.body);
  }
}
