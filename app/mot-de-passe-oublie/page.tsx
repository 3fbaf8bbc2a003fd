import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/components/auth/ForgotPasswordForm";

export const metadata: Metadata = { title: "Mot de passe oublié" };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold">Mot de passe oublié ?</h1>
      <p className="mt-2 text-slate-700">
        Indiquez votre identifiant : si un compte lui correspond, vous recevrez par courriel un lien pour choisir un nouveau mot de passe. Le lien est
        valable une heure.
      </p>
      <div className="mt-6 rounded border border-slate-200 bg-white p-6 shadow-sm">
        <ForgotPasswordForm />
      </div>
    </div>
  );
}
