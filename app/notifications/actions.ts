"use server";

import { revalidatePath } from "next/cache";
import { markRead } from "@/lib/notifications/inbox";
import { requireUser } from "@/lib/server/session";

export async function markAllReadAction(): Promise<void> {
  const user = await requireUser();
  await markRead(user.id, "all");
  revalidatePath("/", "layout");
}

export async function markReadAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const id = String(formData.get("id") ?? "");
  if (id) await markRead(user.id, [id]);
  revalidatePath("/", "layout");
}
