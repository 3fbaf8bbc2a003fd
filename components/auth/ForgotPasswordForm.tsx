"use client";

import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/Field";
import { lazyZodResolver } from "@/components/ui/lazy-validation";
import { useActionOutcome } from "@/components/ui/use-action-outcome";
import type { ForgotPasswordValues } from "@/lib/auth/schemas";
import { requestPasswordResetAction } from "@/lib/auth/actions";
import { cappedWith, type FieldCaps } from "@/lib/shared/forms";

/** The schema the action parses with, downloaded on the form's first focus (lazy-validation.ts). */
const resolver = lazyZodResolver<ForgotPasswordValues>(() => import("@/lib/auth/schemas").then((schemas) => schemas.forgotPasswordSchema));

/** caps: fieldCaps(forgotPasswordSchema), from the page: each field stops at its schema's cap. */
export function ForgotPasswordForm({ caps }: { caps: FieldCaps }) {
  const capped = cappedWith(caps);
  const [sent, setSent] = useState(false);
  const form = useForm<ForgotPasswordValues>({ resolver, defaultValues: { identifier: "" } });
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
    <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate className="space-y-4">
      {failure ? <Alert tone="error">{failure.text}</Alert> : null}
      {errors.root ? <Alert tone="error">{errors.root.message}</Alert> : null}
      <TextField label="Identifiant" hint="Auditeurs et auditrices : prenom.nom.auditeur ; personnels du Cnam : prenom.nom." autoComplete="username" autoCapitalize="none" spellCheck={false} error={errors.identifier?.message} {...capped(register("identifier"))} />
      <Button type="submit" disabled={isSubmitting} className="w-full">
        {isSubmitting ? "Envoi…" : "Recevoir un lien"}
      </Button>
    </form>
  );
}
