"use server";

import { revalidatePath } from "next/cache";
import { bulkApply } from "@/lib/requests/staff-requests";
import { visibleRequestNumbers } from "@/lib/requests/staff-queries";
import { invalidInput } from "@/lib/requests/staff-schemas";
import { clientIp } from "@/lib/server/request-ip";
import { requireUser } from "@/lib/server/session";
import { bulkFormValues, describeBulkResults, nationalBulkSchema, type BulkState } from "@/components/staff/queue/bulk";

/** The national queue's bulk action: record the edition of the ticked validated diplomas. */
export async function nationalBulkAction(_previous: BulkState, formData: FormData): Promise<BulkState> {
  const user = await requireUser({ space: "national" });
  const parsed = nationalBulkSchema.safeParse(bulkFormValues(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const actor = { id: user.id, role: user.role, centreCode: user.centreCode, ip: await clientIp() };
  const results = await bulkApply(actor, parsed.data.items, { type: "recordEdition" });
  const numbers = await visibleRequestNumbers(user, parsed.data.items.map((entry) => entry.requestId));
  revalidatePath("/national");
  return describeBulkResults("recordEdition", results, numbers);
}
