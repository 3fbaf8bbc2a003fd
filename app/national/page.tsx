import type { Metadata } from "next";
import { StaffHome } from "@/components/layout/StaffHome";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Service national des diplômes" };

export default async function NationalPage() {
  const user = await requireUser({ space: "national" });
  return (
    <StaffHome
      user={user}
      title="Service national des diplômes et jurys"
      duties={[
        "Les demandes transmises par tous les centres.",
        "Les décisions du jury sur l'expérience professionnelle : favorable, favorable sous condition de stage, défavorable.",
        "La validation des diplômes, leur numéro, leur édition et leur envoi.",
        "Les statistiques de traitement.",
      ]}
    />
  );
}
