"use server";

import { revalidatePath } from "next/cache";
import { retryNow } from "@/lib/admin/outbox";
import { deliverSoon } from "@/lib/server/mail/deliver-soon";
import { adminActor } from "../admin-actor";

export async function retryNowAction(): Promise<void> {
  await retryNow(await adminActor());
  deliverSoon();
  revalidatePath("/admin/courriels");
}
