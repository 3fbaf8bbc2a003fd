"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useId, useMemo, useState, type ReactNode } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { RadioGroup, SelectField, TextField } from "@/components/ui/Field";
import { useServerFieldErrors } from "@/components/ui/use-server-field-errors";
import type { CountryOption } from "@/lib/domain/countries";
import { contactDetailsSchema, profileSchema, type ProfileFormValues } from "@/lib/domain/profile";
import { updateProfileAction } from "./actions";

type CentreOption = { code: string; name: string };

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="rounded border border-slate-200 bg-white p-5 shadow-sm">
      <legend className="px-1 text-lg font-semibold">{title}</legend>
      <div className="grid gap-4 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}

/**
 * Mon profil. Once a request is submitted (`locked`), only the address, email, phone and the
 * email preference are in the form; the civil status is shown above it, read-only, by the page.
 */
export function ProfileEditForm({
  initial,
  version: initialVersion,
  emailOnMessages: initialEmailOnMessages,
  locked,
  centres,
  countries,
}: {
  initial: ProfileFormValues;
  version: number;
  emailOnMessages: boolean;
  locked: boolean;
  centres: CentreOption[];
  countries: CountryOption[];
}) {
  const router = useRouter();
  // The same rules as the server: the contact details alone, or the whole profile.
  const resolver = useMemo(() => zodResolver(locked ? contactDetailsSchema() : profileSchema()) as unknown as Resolver<ProfileFormValues>, [locked]);
  const form = useForm<ProfileFormValues>({ resolver, defaultValues: initial });
  const showServerErrors = useServerFieldErrors(form);
  const [version, setVersion] = useState(initialVersion);
  const [emailOnMessages, setEmailOnMessages] = useState(initialEmailOnMessages);
  const [outcome, setOutcome] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const preferenceId = useId();
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting, submitCount },
  } = form;
  const errorCount = Object.keys(errors).length;

  const onSubmit = handleSubmit(
    async (values) => {
      setOutcome(null);
      try {
        const result = await updateProfileAction({ version, emailOnMessages, values });
        if (result.ok) {
          setVersion(result.version);
          reset(values);
          setOutcome({ tone: "success", text: "Votre profil est enregistré." });
          router.refresh();
          return;
        }
        if (result.message) setOutcome({ tone: "error", text: result.message });
        showServerErrors(result.fieldErrors);
      } catch {
        setOutcome({ tone: "error", text: "Le service est momentanément indisponible : votre saisie est conservée, réessayez dans quelques minutes." });
      }
    },
    () => setOutcome(null),
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
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      {outcome ? <Alert tone={outcome.tone}>{outcome.text}</Alert> : null}
      {submitCount > 0 && errorCount > 0 ? (
        <Alert tone="error">
          {errorCount === 1 ? "Un champ est à corriger" : `${errorCount} champs sont à corriger`} : le message est affiché sous chaque champ concerné.
        </Alert>
      ) : null}

      {locked ? null : (
        <>
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
          <Section title="Inscription au Cnam">
            <TextField label="Numéro d'auditeur" hint="Il figure sur votre carte d'auditeur et vos relevés de notes." autoCapitalize="characters" error={errors.learnerNumber?.message} {...register("learnerNumber")} />
            <SelectField label="Centre d'inscription" error={errors.centreCode?.message} {...register("centreCode")}>
              {centres.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </SelectField>
          </Section>
        </>
      )}

      <Section title="Adresse postale">
        <div className="sm:col-span-2">
          <TextField label="Adresse" autoComplete="street-address" hint="Numéro, voie, complément." error={errors.addressLine?.message} {...register("addressLine")} />
        </div>
        <TextField label="Code postal" autoComplete="postal-code" inputMode="numeric" hint="5 chiffres pour la France." error={errors.postalCode?.message} {...register("postalCode")} />
        <TextField label="Commune" autoComplete="address-level2" error={errors.city?.message} {...register("city")} />
        {countrySelect("country", "Pays")}
      </Section>

      <Section title="Coordonnées">
        <TextField label="Adresse électronique" type="email" autoComplete="email" hint="Les nouvelles de vos dossiers y sont envoyées." error={errors.email?.message} {...register("email")} />
        <TextField label="Téléphone" type="tel" autoComplete="tel" hint="Exemple : 06 12 34 56 78 ou +41 21 123 45 67." error={errors.phone?.message} {...register("phone")} />
      </Section>

      <fieldset className="rounded border border-slate-200 bg-white p-5 shadow-sm">
        <legend className="px-1 text-lg font-semibold">Courriels</legend>
        <div className="flex items-start gap-3">
          <input
            id={preferenceId}
            type="checkbox"
            className="mt-1 h-5 w-5"
            checked={emailOnMessages}
            onChange={(event) => setEmailOnMessages(event.target.checked)}
            aria-describedby={`${preferenceId}-hint`}
          />
          <div>
            <label htmlFor={preferenceId} className="font-medium">
              Recevoir aussi un courriel pour chaque message de mon centre
            </label>
            <p id={`${preferenceId}-hint`} className="mt-1 text-sm text-slate-700">
              Chaque changement d&apos;étape de vos demandes vous est toujours envoyé par courriel, quel que soit ce choix. Les messages restent lisibles sur la
              page de chaque dossier.
            </p>
          </div>
        </div>
      </fieldset>

      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Enregistrement…" : "Enregistrer mes changements"}
      </Button>
    </form>
  );
}
