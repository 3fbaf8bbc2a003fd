import type { Metadata } from "next";
import { Alert } from "@/components/ui/Alert";
import { ButtonLink } from "@/components/ui/Button";

export const metadata: Metadata = { title: "Profil enregistré" };

export default function ProfileSavedPage() {
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold">Profil enregistré</h1>
      <Alert tone="success" title="Votre profil est enregistré.">
        <p>Pour des raisons de sécurité, votre session a été fermée : reconnectez-vous pour accéder au suivi de vos dossiers.</p>
      </Alert>
      <ButtonLink href="/connexion?callbackUrl=%2Fauditeur">Se reconnecter</ButtonLink>
    </div>
  );
}
