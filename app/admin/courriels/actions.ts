"use server";

import { revalidatePath } from "next/cache";
import { retryNow } from "@/lib/admin/outbox";
import { adminActor } from "../admin-actor";

export async function retryNowAction(): Promise<void> {
  await retryNow(await adminActor());
  revalidatePath("/admin/courriels");
}
