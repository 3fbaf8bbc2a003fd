"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/Field";
import { forgotPasswordSchema, type ForgotPasswordValues } from "@/lib/auth/schemas";
import { cappedBy } from "@/lib/shared/forms";

/** Each text field stops at its schema's cap (lib/shared/forms.ts). */
const capped = cappedBy(forgotPasswordSchema);
import { useActionOutcome } from "@/components/ui/use-action-outcome";
import { requestPasswordResetAction } from "@/lib/auth/actions";

export function ForgotPasswordForm() {
  const [sent, setSent] = useState(false);
  const form = useForm<ForgotPasswordValues>({ resolver: zodResolver(forgotPasswordSchema), defaultValues: { identifier: "" } });
  const { outcome: failure, submit } = useActionOutcome(form);
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

  const onSubmit = handleSubmit((values) => submit(() => requestPasswordResetAction(values), () => setSent(true)));

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {failure ? <Alert tone="error">{failure.text}</Alert> : null}
      <TextField label="Identifiant" hint="Auditeurs et auditrices : prenom.nom.auditeur ; personnels du Cnam : prenom.nom." autoComplete="username" autoCapitalize="none" spellCheck={false} error={errors.identifier?.message} {...capped(register("identifier"))} />
      <Button type="submit" disabled={isSubmitting} className="w-full">
        {isSubmitting ? "Envoi…" : "Recevoir un lien"}
      </Button>
    </form>
  );
}
