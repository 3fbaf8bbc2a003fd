"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { helpLinkForField } from "@/lib/help/anchors";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/Field";
import { PasswordField } from "@/components/ui/PasswordField";
import { loginFailureMessage, loginSchema, type LoginValues } from "@/lib/auth/schemas";
import { cappedBy } from "@/lib/shared/forms";

/** Each text field stops at its schema's cap (lib/shared/forms.ts). */
const capped = cappedBy(loginSchema);

export function LoginForm({ callbackPath }: { callbackPath: string }) {
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<LoginValues>({ resolver: zodResolver(loginSchema), defaultValues: { identifier: "", password: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await signIn("enf", { identifier: values.identifier, password: values.password, redirect: false });
    if (result?.ok && !result.error) {
      // A full navigation, so that every server component sees the new session.
      window.location.assign(callbackPath);
      return;
    }
    setFailure(loginFailureMessage(result?.error ?? ""));
    setFocus("password");
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <TextField
        label="Identifiant"
        hint={
          <>
            Auditeurs et auditrices : prenom.nom.auditeur ; personnels du Cnam : prenom.nom. Sans accent ni espace. <Link href={helpLinkForField("identifier")}>En savoir plus sur l&apos;identifiant</Link>
          </>
        }
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        error={errors.identifier?.message}
        {...capped(register("identifier"))}
      />
      <PasswordField label="Mot de passe" autoComplete="current-password" error={errors.password?.message} {...capped(register("password"))} />
      <Button type="submit" disabled={isSubmitting} className="w-full">
        {isSubmitting ? "Connexion…" : "Se connecter"}
      </Button>
    </form>
  );
}
