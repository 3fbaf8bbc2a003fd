import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StaffRequestView, loadStaffRequest } from "@/components/staff/request/StaffRequestView";
import { requireUser } from "@/lib/auth/session";
import { idParam } from "@/lib/shared/params";

export const metadata: Metadata = { title: "Demande – Service national des diplômes" };

export default async function NationalRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser({ space: "national" });
  const id = idParam((await params).id);
  const found = id ? await loadStaffRequest(user, id) : null;
  // Not visible to this agent answers exactly like a missing request.
  if (!found) notFound();
  return <StaffRequestView space="national" {...found} />;
}
