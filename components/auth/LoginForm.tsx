"use client";

import Link from "next/link";
import { helpLinkForField } from "@/lib/help/anchors";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/Field";
import { PasswordField } from "@/components/ui/PasswordField";
import { loginFailureMessage } from "@/lib/auth/domain/login-messages";
import type { LoginValues } from "@/lib/auth/schemas";
import { authClient } from "@/lib/auth/browser";
import { lazyZodResolver } from "@/components/ui/lazy-validation";
import { cappedWith, type FieldCaps } from "@/lib/shared/forms";
import { UNAVAILABLE_MESSAGE } from "@/lib/shared/result";

/** The schema the action parses with, downloaded on the form's first focus (lazy-validation.ts). */
const resolver = lazyZodResolver<LoginValues>(() => import("@/lib/auth/schemas").then((schemas) => schemas.loginSchema));

function preload() {
  resolver.preload();
  authClient.preload();
}

/** caps: fieldCaps(loginSchema), from the server component that renders the form: each field stops at its schema's cap. */
export function LoginForm({ callbackPath, caps }: { callbackPath: string; caps: FieldCaps }) {
  const capped = cappedWith(caps);
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<LoginValues>({ resolver, defaultValues: { identifier: "", password: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    let result: Awaited<ReturnType<Awaited<ReturnType<typeof authClient>>["signIn"]>>;
    try {
      const { signIn } = await authClient();
      result = await signIn("enf", { identifier: values.identifier, password: values.password, redirect: false });
    } catch {
      setFailure(UNAVAILABLE_MESSAGE);
      return;
    }
    if (result?.ok && !result.error) {
      // A full navigation, so that every server component sees the new session.
      window.location.assign(callbackPath);
      return;
    }
    setFailure(loginFailureMessage(result?.error ?? ""));
    setFocus("password");
  });

  return (
    <form onSubmit={onSubmit} onFocus={preload} noValidate className="space-y-4">
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      {errors.root ? <Alert tone="error">{errors.root.message}</Alert> : null}
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
