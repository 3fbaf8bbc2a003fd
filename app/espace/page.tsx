import { redirect } from "next/navigation";
import { homePath } from "@/lib/auth/domain/policy";
import { requireUser } from "@/lib/auth/session";

/** After logging in: each user to their own space. */
export default async function SpaceRouter() {
  const user = await requireUser();
  redirect(homePath(user.role));
}
