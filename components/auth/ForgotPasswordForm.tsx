"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/Field";
import { forgotPasswordSchema, type ForgotPasswordValues } from "@/lib/auth/schemas";
import { useServerFieldErrors } from "@/components/ui/use-server-field-errors";
import { requestPasswordResetAction } from "@/lib/auth/actions";

export function ForgotPasswordForm() {
  const [sent, setSent] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<ForgotPasswordValues>({ resolver: zodResolver(forgotPasswordSchema), defaultValues: { identifier: "" } });
  const showServerErrors = useServerFieldErrors(form);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = form;

  if (sent) {
    return (
      <Alert tone="success" title="Demande enregistrée">
        <p>
          Si un compte correspond à cet identifiant, un courriel vient d&apos;être envoyé à l&apos;adresse associée. Ouvrez le lien qu&apos;il contient
          dans l&apos;heure. Pensez à regarder dans les courriels indésirables.
        </p>
        <p className="mt-2">
          <Link href="/connexion">Retour à la connexion</Link>
        </p>
      </Alert>
    );
  }

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      const result = await requestPasswordResetAction(values);
      if (result.ok) setSent(true);
      else if (result.fieldErrors) showServerErrors(result.fieldErrors);
      else setFailure(result.message);
    } catch {
      setFailure("Le service est momentanément indisponible. Réessayez dans quelques minutes.");
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <TextField label="Identifiant" hint="De la forme prenom.nom.auditeur." autoComplete="username" autoCapitalize="none" spellCheck={false} error={errors.identifier?.message} {...register("identifier")} />
      <Button type="submit" disabled={isSubmitting} className="w-full">
        {isSubmitting ? "Envoi…" : "Recevoir un lien"}
      </Button>
    </form>
  );
}
