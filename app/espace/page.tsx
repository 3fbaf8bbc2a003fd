import { redirect } from "next/navigation";
import { homePath } from "@/lib/domain/policy";
import { requireUser } from "@/lib/server/session";

/** After logging in: each user to their own space. */
export default async function SpaceRouter() {
  const user = await requireUser();
  redirect(homePath(user.role));
}
