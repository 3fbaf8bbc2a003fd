import type { Metadata } from "next";
import { StaffHome } from "@/components/layout/StaffHome";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminPage() {
  const user = await requireUser({ space: "admin" });
  return (
    <StaffHome
      user={user}
      title="Administration"
      duties={[
        "Les centres et les comptes des personnels (rôles, centre, désactivation).",
        "Le catalogue des diplômes et des unités, et l'import des résultats des auditeurs.",
        "Le journal d'audit des actions des personnels.",
      ]}
    />
  );
}
