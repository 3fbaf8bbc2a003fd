import { forbidden, redirect } from "next/navigation";
import { homePath, isStaff } from "@/lib/auth/domain/policy";
import { getCurrentUser } from "@/lib/auth/session";

/** The "Espace centre" tab: staff go to their space, learners are refused, visitors log in. */
export default async function StaffSpaceRouter() {
  const user = await getCurrentUser();
  if (!user) redirect("/connexion?callbackUrl=%2Fespace-centre");
  if (!isStaff(user.role)) forbidden();
  redirect(homePath(user.role));
}
