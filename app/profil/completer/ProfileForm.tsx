"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { helpLinkForField } from "@/lib/help/anchors";
import { useMemo, useState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { RadioGroup, SelectField, TextField } from "@/components/ui/Field";
import { useServerFieldErrors } from "@/components/ui/use-server-field-errors";
import type { CountryOption } from "@/lib/domain/countries";
import { EMPTY_PROFILE, profileSchema, type ProfileData, type ProfileFormValues } from "@/lib/domain/profile";
import { completeProfileAction } from "./actions";

type CentreOption = { code: string; name: string };

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="rounded border border-slate-200 bg-white p-5 shadow-sm">
      <legend className="px-1 text-lg font-semibold">{title}</legend>
      <div className="grid gap-4 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}

export function ProfileForm({ centres, countries }: { centres: CentreOption[]; countries: CountryOption[] }) {
  const schema = useMemo(() => profileSchema(), []);
  const form = useForm<ProfileFormValues, unknown, ProfileData>({ resolver: zodResolver(schema), defaultValues: EMPTY_PROFILE });
  const showServerErrors = useServerFieldErrors(form);
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting, submitCount },
  } = form;
  const errorCount = Object.keys(errors).length;

  const onSubmit = handleSubmit(
    async (values) => {
      setFailure(null);
      try {
        const result = await completeProfileAction(values);
        if (result.ok) {
          window.location.assign("/profil-enregistre");
          return;
        }
        if (result.message) setFailure(result.message);
        showServerErrors(result.fieldErrors);
      } catch {
        setFailure("Le service est momentanément indisponible : votre saisie est conservée, réessayez dans quelques minutes.");
      }
    },
    () => setFailure(null),
  );

  const countrySelect = (name: "birthCountry" | "nationality" | "country", label: string) => (
    <SelectField label={label} error={errors[name]?.message} {...register(name)}>
      {countries.map((c) => (
        <option key={c.code} value={c.code}>
          {c.name}
        </option>
      ))}
    </SelectField>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-6">
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      {submitCount > 0 && errorCount > 0 ? (
        <Alert tone="error">
          {errorCount === 1 ? "Un champ est à corriger" : `${errorCount} champs sont à corriger`} : le message est affiché sous chaque champ concerné.
        </Alert>
      ) : null}

      <Section title="État civil">
        <div className="sm:col-span-2">
          <RadioGroup
            legend="Civilité"
            options={[
              { value: "MADAME", label: "Madame" },
              { value: "MONSIEUR", label: "Monsieur" },
            ]}
            error={errors.civility?.message}
            {...register("civility")}
          />
        </div>
        <TextField label="Nom de naissance" autoComplete="family-name" error={errors.birthName?.message} {...register("birthName")} />
        <TextField label="Nom d'usage" optional hint="Par exemple le nom d'époux ou d'épouse." error={errors.usageName?.message} {...register("usageName")} />
        <TextField label="Prénom(s)" autoComplete="given-name" hint="Dans l'ordre de l'état civil, séparés par des espaces." error={errors.firstNames?.message} {...register("firstNames")} />
        <TextField label="Date de naissance" type="date" autoComplete="bday" error={errors.birthDate?.message} {...register("birthDate")} />
        <TextField label="Commune de naissance" error={errors.birthCity?.message} {...register("birthCity")} />
        {countrySelect("birthCountry", "Pays de naissance")}
        {countrySelect("nationality", "Nationalité (pays)")}
      </Section>

      <Section title="Adresse postale">
        <div className="sm:col-span-2">
          <TextField label="Adresse" autoComplete="street-address" hint="Numéro, voie, complément." error={errors.addressLine?.message} {...register("addressLine")} />
        </div>
        <TextField label="Code postal" autoComplete="postal-code" inputMode="numeric" hint="5 chiffres pour la France." error={errors.postalCode?.message} {...register("postalCode")} />
        <TextField label="Commune" autoComplete="address-level2" error={errors.city?.message} {...register("city")} />
        {countrySelect("country", "Pays")}
      </Section>

      <Section title="Coordonnées">
        <TextField label="Adresse électronique" type="email" autoComplete="email" hint="Les nouvelles de vos dossiers y seront envoyées." error={errors.email?.message} {...register("email")} />
        <TextField label="Téléphone" type="tel" autoComplete="tel" hint="Exemple : 06 12 34 56 78 ou +41 21 123 45 67." error={errors.phone?.message} {...register("phone")} />
      </Section>

      <Section title="Inscription au Cnam">
        <TextField label="Numéro d'auditeur" hint={
            <>
              Il figure sur votre carte d&apos;auditeur et vos relevés de notes. <Link href={helpLinkForField("learnerNumber")}>Où le trouver ?</Link>
            </>
          } autoCapitalize="characters" error={errors.learnerNumber?.message} {...register("learnerNumber")} />
        <SelectField label="Centre d'inscription" error={errors.centreCode?.message} {...register("centreCode")}>
          <option value="">Choisissez votre centre</option>
          {centres.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </SelectField>
      </Section>

      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Enregistrement…" : "Enregistrer mon profil"}
      </Button>
    </form>
  );
}
