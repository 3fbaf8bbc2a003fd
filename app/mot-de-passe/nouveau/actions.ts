"use server";

import { resetPassword, type ResetPasswordResult } from "@/lib/auth/password-reset";

export async function resetPasswordAction(input: { token: string; password: string; confirmation: string }): Promise<ResetPasswordResult> {
  return resetPassword({ token: String(input?.token ?? ""), password: String(input?.password ?? ""), confirmation: String(input?.confirmation ?? "") });
}
