import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { StaffRequestView, loadStaffRequest } from "@/components/staff/request/StaffRequestView";
import { requireUser } from "@/lib/auth/session";
import { requestPageTitle } from "@/lib/requests/domain/page-titles";
import { idParam } from "@/lib/shared/params";

type Params = { params: Promise<{ id: string }> };

const SPACE = "Espace centre";

/** The request with what the agent may do, loaded once for the title and the page; null when not visible to this agent. */
const loadPage = cache(async (rawId: string) => {
  const user = await requireUser({ space: "centre" });
  const id = idParam(rawId);
  return id ? loadStaffRequest(user, id) : null;
});

/** « Demande D3-2026-000123 – En instruction – Espace centre »: every request page has its own title. */
export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const found = await loadPage((await params).id);
  return { title: found ? requestPageTitle(found.request, SPACE) : `Demande introuvable – ${SPACE}` };
}

export default async function CentreRequestPage({ params }: Params) {
  const found = await loadPage((await params).id);
  // Not visible to this agent answers exactly like a missing request.
  if (!found) notFound();
  return <StaffRequestView space="centre" {...found} />;
}
