"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { RadioGroup, SelectField, TextField } from "@/components/ui/Field";
import type { CountryOption } from "@/lib/profile/domain/countries";
import type { ProfileFormValues } from "@/lib/profile/domain/profile";
import { cappedWith, type FieldCaps } from "@/lib/shared/forms";
import { helpLinkForField } from "@/lib/help/anchors";

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="rounded border border-slate-200 bg-white p-5 shadow-sm">
      <legend className="px-1 text-lg font-semibold">{title}</legend>
      <div className="grid gap-4 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}

type Props = {
  register: UseFormRegister<ProfileFormValues>;
  errors: FieldErrors<ProfileFormValues>;
  countries: CountryOption[];
  centres: { code: string; name: string }[];
  /** False once the civil status is locked: only the contact details are shown. */
  civilStatus: boolean;
  /** fieldCaps(profileSchema()), from the page: each text field stops at its schema's cap. */
  caps: FieldCaps;
  /** A first empty choice of centre, for a profile not filled in yet. */
  centrePlaceholder?: boolean;
};

/** The fields of the learner's profile, shared by "Compléter mon profil" and "Mon profil". */
export function ProfileFields({ register, errors, countries, centres, civilStatus, caps, centrePlaceholder = false }: Props) {
  const capped = cappedWith(caps);
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
    <>
      {civilStatus ? (
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
          <TextField label="Nom de naissance" autoComplete="family-name" error={errors.birthName?.message} {...capped(register("birthName"))} />
          <TextField label="Nom d'usage" optional hint="Par exemple le nom d'époux ou d'épouse." error={errors.usageName?.message} {...capped(register("usageName"))} />
          <TextField label="Prénom(s)" autoComplete="given-name" hint="Dans l'ordre de l'état civil, séparés par des espaces." error={errors.firstNames?.message} {...capped(register("firstNames"))} />
          <TextField label="Date de naissance" type="date" autoComplete="bday" error={errors.birthDate?.message} {...capped(register("birthDate"))} />
          <TextField label="Commune de naissance" error={errors.birthCity?.message} {...capped(register("birthCity"))} />
          {countrySelect("birthCountry", "Pays de naissance")}
          {countrySelect("nationality", "Nationalité (pays)")}
        </Section>
      ) : null}

      <Section title="Adresse postale">
        <div className="sm:col-span-2">
          <TextField label="Adresse" autoComplete="street-address" hint="Numéro, voie, complément." error={errors.addressLine?.message} {...capped(register("addressLine"))} />
        </div>
        <TextField label="Code postal" autoComplete="postal-code" inputMode="numeric" hint="5 chiffres pour la France." error={errors.postalCode?.message} {...capped(register("postalCode"))} />
        <TextField label="Commune" autoComplete="address-level2" error={errors.city?.message} {...capped(register("city"))} />
        {countrySelect("country", "Pays")}
      </Section>

      <Section title="Coordonnées">
        <TextField label="Adresse électronique" type="email" autoComplete="email" hint="Les nouvelles de vos dossiers y sont envoyées." error={errors.email?.message} {...capped(register("email"))} />
        <TextField label="Téléphone" type="tel" autoComplete="tel" hint="Exemple : 06 12 34 56 78 ou +41 21 123 45 67." error={errors.phone?.message} {...capped(register("phone"))} />
      </Section>

      {civilStatus ? (
        <Section title="Inscription au Cnam">
          <TextField
            label="Numéro d'auditeur"
            hint={
              <>
                Il figure sur votre carte d&apos;auditeur et vos relevés de notes. <Link href={helpLinkForField("learnerNumber")}>Où le trouver ?</Link>
              </>
            }
            autoCapitalize="characters"
            error={errors.learnerNumber?.message}
            {...capped(register("learnerNumber"))}
          />
          <SelectField label="Centre d'inscription" error={errors.centreCode?.message} {...register("centreCode")}>
            {centrePlaceholder ? <option value="">Choisissez votre centre</option> : null}
            {centres.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </SelectField>
        </Section>
      ) : null}
    </>
  );
}
