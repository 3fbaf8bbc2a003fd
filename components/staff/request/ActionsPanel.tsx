"use client";

import { useId, useRef, useState, type FormEvent } from "react";
import { flushSync } from "react-dom";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { SelectField, TextField } from "@/components/ui/Field";
import { useErrorTitle } from "@/components/ui/use-error-title";
import type { StaffSpace } from "@/lib/requests/domain/commands";
import { CENTRE_OPINIONS, CENTRE_OPINION_LABELS, JURY_OUTCOMES, JURY_OUTCOME_LABELS, type StaffActionInput } from "@/lib/requests/schemas";
import { COMMANDS, STAFF_COMMANDS, commandSchema, type PanelText, type StaffCommandName } from "@/lib/requests/domain/commands";
import { maxLengthFor } from "@/lib/shared/forms";
import { DOCUMENT_CATEGORIES, DOCUMENT_CATEGORY_LABELS, type DocumentCategory } from "@/lib/requests/domain/documents";
import { CheckboxesField, ChoiceField, TextAreaField } from "./form-parts";
import { STALE_NOTICE, useStaffAction } from "./use-staff-action";

/** The actions that change the request's state, in the order of the instruction: the registry's staff commands. */
export const PANEL_ACTIONS = STAFF_COMMANDS;
export type PanelAction = StaffCommandName;

const ACTION_TEXT = Object.fromEntries(PANEL_ACTIONS.map((name) => [name, COMMANDS[name].panel])) as Record<PanelAction, PanelText>;

type Field = "assigneeId" | "comment" | "opinion" | "reason" | "outcome" | "internshipMonths" | "conditionText" | "units" | "pieces";
type Draft = Partial<Record<Field, string>>;
type Notice = { tone: "error" | "success"; text: string } | null;

function toInput(action: PanelAction, requestId: string, version: number, draft: Draft): StaffActionInput {
  const base = { requestId, version };
  switch (action) {
    case "assign":
      return { type: action, ...base, assigneeId: draft.assigneeId ?? "" };
    case "askForCorrection":
      return { type: action, ...base, comment: draft.comment ?? "", pieces: (draft.pieces ? draft.pieces.split(",") : []) as DocumentCategory[] };
    case "forward":
      // An unchosen opinion is "", which the schema refuses with its message.
      return { type: action, ...base, opinion: (draft.opinion ?? "") as (typeof CENTRE_OPINIONS)[number], comment: draft.comment ?? "" };
    case "refuse":
    case "recordConditionNotMet":
      return { type: action, ...base, reason: draft.reason ?? "" };
    case "decideExperience":
      return {
        type: action,
        ...base,
        outcome: (draft.outcome ?? "") as (typeof JURY_OUTCOMES)[number],
        internshipMonths: draft.internshipMonths ?? "",
        conditionText: draft.conditionText ?? "",
        reason: draft.reason ?? "",
        units: draft.units ? draft.units.split(",") : [],
      };
    default:
      return { type: action, ...base };
  }
}

/** The free text of a form, to give it back when its action is no longer possible. */
const typedText = (draft: Draft) => [draft.comment, draft.conditionText, draft.reason].filter((text) => text?.trim()).join("\n\n");

export type Colleague = { id: string; displayName: string };
/** An experience unit of the diploma's rule, which the jury's decision may credit. */
export type ExperienceUnit = { code: string; title: string | null };

/**
 * The state-changing actions of the staff request page: only those the server says are available
 * now. Each opens an inline confirmation, with its form when the action needs a comment or a
 * choice. Every form sends the version the page shows; if the request changed meanwhile the page
 * is rendered again and the agent decides again, with what they typed still there.
 */
export function ActionsPanel({
  space,
  requestId,
  version,
  available,
  colleagues,
  experienceUnits = [],
}: {
  space: StaffSpace;
  requestId: string;
  version: number;
  available: readonly string[];
  colleagues: readonly Colleague[];
  experienceUnits?: readonly ExperienceUnit[];
}) {
  const { send, pending } = useStaffAction(space);
  const [open, setOpen] = useState<PanelAction | null>(null);
  // What was typed, per action: kept when the form closes or the page is rendered again.
  const [drafts, setDrafts] = useState<Partial<Record<PanelAction, Draft>>>({});
  const [errors, setErrors] = useState<Draft>({});
  useErrorTitle(Object.values(errors).some(Boolean));
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  // Shown in the open form, where the agent is looking when the request changes under them.
  const [stale, setStale] = useState(false);
  const [shownVersion, setShownVersion] = useState(version);
  // After a change, the version it gave, until the page shows it: the old actions are not offered meanwhile.
  const [awaited, setAwaited] = useState<number | null>(null);
  const fields = useRef<Partial<Record<Field, HTMLElement | null>>>({});
  const triggers = useRef<Partial<Record<PanelAction, HTMLButtonElement | null>>>({});
  const headingRef = useRef<HTMLHeadingElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const formId = useId();
  const headingId = useId();
  const radioName = useId();

  // Someone else changed the request while a form was open (live update, or a refused action):
  // say so. While this panel's own action is on its way, the new version is its own doing.
  if (version !== shownVersion) {
    setShownVersion(version);
    if (open && !pending) setStale(true);
    if (awaited !== null && version >= awaited) setAwaited(null);
  }

  const actions = awaited === null ? PANEL_ACTIONS.filter((action) => available.includes(action)) : [];
  const draft = (open && drafts[open]) || {};

  const setValue = (field: Field, value: string) => {
    if (!open) return;
    setDrafts((current) => ({ ...current, [open]: { ...current[open], [field]: value } }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const show = (action: PanelAction) => {
    flushSync(() => {
      setOpen(action);
      setErrors({});
      setFailure(null);
      setNotice(null);
      setStale(false);
    });
    headingRef.current?.focus();
  };

  const close = () => {
    const action = open;
    setOpen(null);
    setErrors({});
    setFailure(null);
    setStale(false);
    if (action) triggers.current[action]?.focus();
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!open) return;
    setFailure(null);
    setNotice(null);
    setStale(false);
    const result = await send(toInput(open, requestId, version, draft));
    if (result.ok) {
      flushSync(() => {
        setDrafts((current) => ({ ...current, [open]: {} }));
        setOpen(null);
        setErrors({});
        const { version: next, diplomaNumber } = result.value ?? {};
        if (next !== undefined && next > version) setAwaited(next);
        const text = open === "recordEdition" && diplomaNumber ? `${ACTION_TEXT[open].done} Numéro du diplôme : ${diplomaNumber}.` : ACTION_TEXT[open].done;
        setNotice({ tone: "success", text });
      });
      noticeRef.current?.focus();
      return;
    }
    if (result.code === "CONFLICT") {
      setStale(true);
      return;
    }
    const found = Object.entries(result.fieldErrors ?? {}).filter(([field, message]) => message && fields.current[field as Field]) as [Field, string][];
    if (found.length > 0) {
      flushSync(() => setErrors(Object.fromEntries(found)));
      fields.current[found[0]![0]]?.focus();
      return;
    }
    setFailure(result.message);
  };

  const register = (field: Field) => ({
    ref: (element: HTMLElement | null) => {
      fields.current[field] = element;
    },
    value: draft[field] ?? "",
    error: errors[field],
  });

  if (actions.length === 0 && !open && !notice) return null;

  return (
    <section aria-labelledby={`${formId}-title`} className="rounded border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={`${formId}-title`} className="text-lg font-semibold">
        Actions
      </h2>
      <div ref={noticeRef} tabIndex={-1} className="mt-2 outline-none">
        {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      </div>
      {awaited !== null ? (
        <p className="mt-3 text-slate-700">Mise à jour du dossier…</p>
      ) : actions.length > 0 ? (
        <ul className="mt-3 flex flex-wrap gap-2">
          {actions.map((action) => (
            <li key={action}>
              <Button
                type="button"
                variant="secondary"
                className={open === action ? "ring-2 ring-brand-700 ring-offset-1" : ""}
                aria-expanded={open === action}
                aria-controls={open === action ? formId : undefined}
                ref={(element) => {
                  triggers.current[action] = element;
                }}
                onClick={() => (open === action ? close() : show(action))}
              >
                {ACTION_TEXT[action].button}
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-3 text-slate-700">Aucune action possible de votre part à cette étape.</p>
      )}

      {open ? (
        <form id={formId} onSubmit={onSubmit} noValidate aria-labelledby={headingId} className="mt-4 space-y-4 rounded border border-slate-300 bg-slate-50 p-4">
          <h3 id={headingId} ref={headingRef} tabIndex={-1} className="font-semibold outline-none">
            {ACTION_TEXT[open].button.replace("…", "")}
          </h3>
          {stale ? <Alert tone="error">{STALE_NOTICE}</Alert> : null}
          {actions.includes(open) ? (
            <>
              <p>{ACTION_TEXT[open].question}</p>
              {failure ? <Alert tone="error">{failure}</Alert> : null}
              <ActionFields
                action={open}
                register={register}
                setValue={setValue}
                colleagues={colleagues}
                experienceUnits={experienceUnits}
                radioName={radioName}
                draft={draft}
              />
              <div className="flex flex-wrap gap-3">
                <Button type="submit" disabled={pending}>
                  {pending ? "Enregistrement…" : ACTION_TEXT[open].confirm}
                </Button>
                <Button type="button" variant="secondary" onClick={close}>
                  Annuler
                </Button>
              </div>
            </>
          ) : (
            <>
              <Alert tone="info">Cette action n&apos;est plus possible dans le nouvel état du dossier.</Alert>
              {typedText(draft) ? <TextAreaField label="Ce que vous aviez saisi" readOnly value={typedText(draft)} /> : null}
              <Button type="button" variant="secondary" onClick={close}>
                Fermer
              </Button>
            </>
          )}
        </form>
      ) : null}
    </section>
  );
}

type Register = (field: Field) => { ref: (element: HTMLElement | null) => void; value: string; error?: string };

function ActionFields({
  action,
  register,
  setValue,
  colleagues,
  experienceUnits,
  radioName,
  draft,
}: {
  action: PanelAction;
  register: Register;
  setValue: (field: Field, value: string) => void;
  colleagues: readonly Colleague[];
  experienceUnits: readonly ExperienceUnit[];
  radioName: string;
  draft: Draft;
}) {
  const text = (field: Field) => {
    const { ref, value, error } = register(field);
    return { ref, value, error, name: field, maxLength: maxLengthFor(commandSchema(action), field), onChange: (event: { target: { value: string } }) => setValue(field, event.target.value) };
  };
  const choice = (field: Field) => {
    const { ref, value, error } = register(field);
    return { firstRef: ref, value, error, name: `${radioName}-${field}`, onChange: (value: string) => setValue(field, value) };
  };

  switch (action) {
    case "assign":
      return (
        <SelectField label="Gestionnaire" {...text("assigneeId")}>
          <option value="">Choisissez un gestionnaire</option>
          {colleagues.map((colleague) => (
            <option key={colleague.id} value={colleague.id}>
              {colleague.displayName}
            </option>
          ))}
        </SelectField>
      );
    case "askForCorrection":
      return (
        <>
          <PiecesField register={register} setValue={setValue} />
          <TextAreaField label="Ce qui manque ou est à corriger" hint="Précisez les pièces ou informations attendues, et pourquoi." {...text("comment")} />
        </>
      );
    case "forward":
      return (
        <>
          <ChoiceField legend="Avis du centre" options={CENTRE_OPINIONS.map((value) => ({ value, label: CENTRE_OPINION_LABELS[value] }))} {...choice("opinion")} />
          <TextAreaField label="Motivation de l'avis" hint="Ce que le centre a vérifié et ce qui fonde son avis." {...text("comment")} />
        </>
      );
    case "refuse":
      return <TextAreaField label="Motif du refus" {...text("reason")} />;
    case "recordConditionNotMet":
      return <TextAreaField label="Pourquoi la condition n'est pas remplie" {...text("reason")} />;
    case "decideExperience":
      return (
        <>
          <ChoiceField legend="Décision du jury" options={JURY_OUTCOMES.map((value) => ({ value, label: JURY_OUTCOME_LABELS[value] }))} {...choice("outcome")} />
          {(draft.outcome === "FAVOURABLE" || draft.outcome === "FAVOURABLE_WITH_CONDITION") && experienceUnits.length > 0 ? (
            <UnitsField units={experienceUnits} conditional={draft.outcome === "FAVOURABLE_WITH_CONDITION"} register={register} setValue={setValue} />
          ) : null}
          {draft.outcome === "FAVOURABLE_WITH_CONDITION" ? (
            <>
              <TextField label="Durée du stage (en mois)" inputMode="numeric" hint="Un nombre entier, 1 au moins." {...text("internshipMonths")} />
              <TextAreaField label="Condition" hint="La nature du stage attendu, telle que l'auditeur la lira." {...text("conditionText")} />
            </>
          ) : null}
          {draft.outcome === "UNFAVOURABLE" ? <TextAreaField label="Motif de l'avis défavorable" {...text("reason")} /> : null}
        </>
      );
    default:
      return null;
  }
}

/** The experience units the decision credits: none ticked by default, the jury says which. */
/** The pieces the learner must send back with the request: they can upload them on the request itself. */
function PiecesField({ register, setValue }: { register: Register; setValue: (field: Field, value: string) => void }) {
  const { ref, value, error } = register("pieces");
  return (
    <CheckboxesField
      legend="Pièces à fournir"
      hint="L'auditeur les joint à cette demande ; il ne peut la renvoyer qu'une fois chacune ajoutée."
      options={DOCUMENT_CATEGORIES.map((category) => ({ value: category, label: DOCUMENT_CATEGORY_LABELS[category] }))}
      value={value}
      error={error}
      firstRef={ref}
      onChange={(next) => setValue("pieces", next)}
    />
  );
}

function UnitsField({ units, conditional, register, setValue }: { units: readonly ExperienceUnit[]; conditional: boolean; register: Register; setValue: (field: Field, value: string) => void }) {
  const { ref, value, error } = register("units");
  return (
    <CheckboxesField
      legend="Unités d'expérience validées par la décision"
      hint={
        conditional
          ? "Elles seront inscrites dans les résultats de l'auditeur quand le centre aura constaté que la condition est remplie."
          : "Elles sont inscrites dans les résultats de l'auditeur dès l'enregistrement de la décision."
      }
      options={units.map((unit) => ({ value: unit.code, label: unit.title ? `${unit.code} – ${unit.title}` : unit.code }))}
      value={value}
      error={error}
      firstRef={ref}
      onChange={(next) => setValue("units", next)}
    />
  );
}
