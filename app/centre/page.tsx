import type { Metadata } from "next";
import { StaffHome } from "@/components/layout/StaffHome";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Espace centre" };

export default async function CentrePage() {
  const user = await requireUser({ space: "centre" });
  return (
    <StaffHome
      user={user}
      title="Espace centre"
      duties={[
        "La file des demandes de votre centre, avec filtres, recherche et export.",
        "L'instruction d'une demande : unités, expérience, pièces justificatives, messages avec l'auditeur.",
        "Demander un complément, donner l'avis du centre et transmettre au national, ou refuser avec un motif.",
      ]}
    />
  );
}
