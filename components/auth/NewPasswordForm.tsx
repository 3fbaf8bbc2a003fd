"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { PasswordField } from "@/components/ui/PasswordField";
import { useActionOutcome } from "@/components/ui/use-action-outcome";
import { lazyZodResolver } from "@/components/ui/lazy-validation";
import type { NewPasswordInput } from "@/lib/auth/domain/password";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/domain/password-policy";
import { resetPasswordAction } from "@/lib/auth/actions";
import { cappedWith, type FieldCaps } from "@/lib/shared/forms";

/**
 * caps: fieldCaps(newPasswordSchema("")), from the page (they do not depend on the identifier):
 * each field stops at its schema's cap. The schema itself is downloaded on the form's first focus.
 */
export function NewPasswordForm({ token, identifier, caps }: { token: string; identifier: string; caps: FieldCaps }) {
  const capped = cappedWith(caps);
  const resolver = useMemo(() => lazyZodResolver<NewPasswordInput>(() => import("@/lib/auth/domain/password").then((password) => password.newPasswordSchema(identifier))), [identifier]);
  const form = useForm<NewPasswordInput>({ resolver, defaultValues: { password: "", confirmation: "" } });
  const { outcome: failure, submit } = useActionOutcome(form);
  const [done, setDone] = useState(false);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = form;

  if (done) {
    return (
      <Alert tone="success" title="Mot de passe changé">
        <p>Votre nouveau mot de passe est enregistré. Pour votre sécurité, toutes vos sessions ouvertes ont été fermées.</p>
        <p className="mt-2">
          <Link href="/connexion">Se connecter</Link>
        </p>
      </Alert>
    );
  }

  const onSubmit = handleSubmit((values) => submit(() => resetPasswordAction({ token, ...values }), () => setDone(true)));

  return (
    <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate className="space-y-4">
      {errors.root ? <Alert tone="error">{errors.root.message}</Alert> : null}
      <p>
        Compte : <strong>{identifier}</strong>
      </p>
      {failure ? (
        <Alert tone="error">
          {failure.text} <Link href="/mot-de-passe-oublie">Demander un nouveau lien</Link>
        </Alert>
      ) : null}
      <PasswordField
        label="Nouveau mot de passe"
        autoComplete="new-password"
        hint={`Au moins ${MIN_PASSWORD_LENGTH} caractères, sans votre identifiant. Une phrase facile à retenir fait un bon mot de passe.`}
        error={errors.password?.message}
        {...capped(register("password"))}
      />
      <PasswordField label="Confirmation du nouveau mot de passe" toggleLabel="Afficher la confirmation" autoComplete="new-password" error={errors.confirmation?.message} {...capped(register("confirmation"))} />
      <Button type="submit" disabled={isSubmitting} className="w-full">
        {isSubmitting ? "Enregistrement…" : "Enregistrer le nouveau mot de passe"}
      </Button>
    </form>
  );
}
