import { db } from "@/lib/shared/db";
import { healthResponse } from "@/lib/shared/health";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Health check for load balancers and monitoring: public, no session, nothing personal. */
export function GET(): Promise<Response> {
  return healthResponse(db);
}
