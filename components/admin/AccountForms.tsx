"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Alert } from "@/components/ui/Alert";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Button } from "@/components/ui/Button";
import { SelectField, TextField } from "@/components/ui/Field";
import { SERVICE_UNAVAILABLE, useActionOutcome, type Outcome } from "@/components/ui/use-action-outcome";
import { ROLE_LABELS } from "@/lib/auth/domain/policy";
import { WELCOME_LINK_DAYS } from "@/lib/auth/domain/reset-token";
import { STAFF_ROLES, accountCreateSchema, accountRoleSchema, type AccountCreateData, type AccountCreateValues, type AccountRoleData, type AccountRoleValues } from "@/lib/admin/schemas";
import { cappedBy } from "@/lib/shared/forms";

/** Each text field stops at its schema's cap (lib/shared/forms.ts). */
const capped = cappedBy(accountCreateSchema);
import { changeRoleAction, createAccountAction, setActiveAction } from "@/lib/admin/actions";

type CentreOption = { code: string; name: string };

type Registered = ReturnType<ReturnType<typeof useForm<AccountRoleValues>>["register"]>;

/** The role select, and the centre select when the role is centre agent: shared by both forms. */
function RoleAndCentre(props: { role: Registered; centre: Registered; roleError?: string; centreError?: string; isCentreAgent: boolean; centres: CentreOption[] }) {
  return (
    <>
      <SelectField label="Rôle" error={props.roleError} {...props.role}>
        {STAFF_ROLES.map((role) => (
          <option key={role} value={role}>
            {ROLE_LABELS[role]}
          </option>
        ))}
      </SelectField>
      {props.isCentreAgent ? (
        <SelectField label="Centre" hint="Le gestionnaire instruit les demandes de ce centre seulement." error={props.centreError} {...props.centre}>
          <option value="">Choisissez un centre</option>
          {props.centres.map((centre) => (
            <option key={centre.code} value={centre.code}>
              {centre.name}
            </option>
          ))}
        </SelectField>
      ) : null}
    </>
  );
}

const EMPTY: AccountCreateValues = { identifier: "", displayName: "", email: "", role: "AGENT_CENTRE", centreCode: "" };

/** `enfPasswords`: with the ENF's directory (IDENTITY_PROVIDER=ldap|oidc) D3 sends no link, the ENF password is used. */
export function CreateAccountForm({ centres, enfPasswords = false }: { centres: CentreOption[]; enfPasswords?: boolean }) {
  const form = useForm<AccountCreateValues, unknown, AccountCreateData>({ resolver: zodResolver(accountCreateSchema), defaultValues: EMPTY });
  const role = useWatch({ control: form.control, name: "role" });
  const { outcome, submit } = useActionOutcome(form);
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting, submitCount },
  } = form;

  const onSubmit = handleSubmit((values) =>
    submit(
      () => createAccountAction({ ...values, centreCode: values.centreCode ?? "" }),
      () => {
        reset(EMPTY);
        if (enfPasswords) return `Compte ${values.identifier} créé. Un courriel de bienvenue a été envoyé à ${values.email} : la personne se connecte avec l'identifiant et le mot de passe de son ENF.`;
        return `Compte ${values.identifier} créé. Un courriel de bienvenue a été envoyé à ${values.email} avec un lien pour choisir son mot de passe, valable ${WELCOME_LINK_DAYS} jours ; passé ce délai, la personne utilise « Mot de passe oublié ? ».`;
      },
    ),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {outcome ? <Alert tone={outcome.tone}>{outcome.text}</Alert> : null}
      <ErrorSummary errors={errors} submitted={submitCount > 0} />
      <TextField label="Identifiant ENF" hint="De la forme prenom.nom, sans accent (prenom.nom2 pour un homonyme)." autoCapitalize="none" autoComplete="off" spellCheck={false} error={errors.identifier?.message} {...capped(register("identifier"))} />
      <TextField label="Nom affiché" hint="Prénom et nom, tels qu'ils apparaîtront aux auditeurs et dans le journal." autoComplete="off" error={errors.displayName?.message} {...capped(register("displayName"))} />
      <TextField label="Courriel" type="email" autoComplete="off" hint={enfPasswords ? "Adresse de contact ; l'annuaire de l'ENF la remplace à la première connexion s'il en connaît une." : "Le lien pour choisir le mot de passe y est envoyé."} error={errors.email?.message} {...capped(register("email"))} />
      <RoleAndCentre
        role={register("role")}
        centre={register("centreCode")}
        roleError={errors.role?.message}
        centreError={errors.centreCode?.message}
        isCentreAgent={role === "AGENT_CENTRE"}
        centres={centres}
      />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Création…" : "Créer le compte"}
      </Button>
    </form>
  );
}

export function ChangeRoleForm({ userId, current, centres }: { userId: string; current: AccountRoleValues; centres: CentreOption[] }) {
  const form = useForm<AccountRoleValues, unknown, AccountRoleData>({ resolver: zodResolver(accountRoleSchema), defaultValues: current });
  const role = useWatch({ control: form.control, name: "role" });
  const { outcome, submit } = useActionOutcome(form);
  const onSubmit = form.handleSubmit((values) =>
    submit(
      () => changeRoleAction({ userId, ...values }),
      (result) => (result.value.changed ? "Rôle enregistré. Il s'applique dès la prochaine page ouverte par la personne." : "Aucun changement."),
    ),
  );
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {outcome ? <Alert tone={outcome.tone}>{outcome.text}</Alert> : null}
      <RoleAndCentre
        role={form.register("role")}
        centre={form.register("centreCode")}
        roleError={form.formState.errors.role?.message}
        centreError={form.formState.errors.centreCode?.message}
        isCentreAgent={role === "AGENT_CENTRE"}
        centres={centres}
      />
      <Button type="submit" variant="secondary" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? "Enregistrement…" : "Enregistrer le rôle"}
      </Button>
    </form>
  );
}

export function ActiveToggle({ userId, active, name }: { userId: string; active: boolean; name: string }) {
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const toggle = async () => {
    if (active && !window.confirm(`Désactiver le compte de ${name} ? Ses sessions ouvertes prennent fin immédiatement.`)) return;
    setPending(true);
    setOutcome(null);
    try {
      const result = await setActiveAction({ userId, active: !active });
      setOutcome(result.ok ? { tone: "success", text: active ? "Compte désactivé : ses sessions ont pris fin." : "Compte réactivé." } : { tone: "error", text: result.message });
    } catch {
      setOutcome({ tone: "error", text: SERVICE_UNAVAILABLE });
    } finally {
      setPending(false);
    }
  };
  return (
    <div className="space-y-3">
      {outcome ? <Alert tone={outcome.tone}>{outcome.text}</Alert> : null}
      <Button type="button" variant="secondary" onClick={toggle} disabled={pending}>
        {active ? "Désactiver le compte" : "Réactiver le compte"}
      </Button>
    </div>
  );
}
