"use server";

import { revalidatePath } from "next/cache";
import { bulkApply } from "@/lib/requests/staff-requests";
import { visibleRequestNumbers } from "@/lib/requests/staff-queries";
import { invalidInput } from "@/lib/requests/staff-schemas";
import { clientIp } from "@/lib/server/request-ip";
import { requireUser } from "@/lib/server/session";
import { bulkFormValues, centreBulkSchema, describeBulkResults, toBulkOperation, type BulkState } from "@/components/staff/queue/bulk";

/** The centre queue's bulk actions: take in charge, assign, forward the ticked requests. */
export async function centreBulkAction(_previous: BulkState, formData: FormData): Promise<BulkState> {
  const user = await requireUser({ space: "centre" });
  const parsed = centreBulkSchema.safeParse(bulkFormValues(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const actor = { id: user.id, role: user.role, centreCode: user.centreCode, ip: await clientIp() };
  const results = await bulkApply(actor, parsed.data.items, toBulkOperation(parsed.data));
  const numbers = await visibleRequestNumbers(user, parsed.data.items.map((entry) => entry.requestId));
  revalidatePath("/centre");
  return describeBulkResults(parsed.data.operation, results, numbers);
}
