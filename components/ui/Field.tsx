import { useId, type ComponentProps, type ReactNode } from "react";

type Common = { label: string; hint?: ReactNode; error?: string; optional?: boolean };

const control =
  "mt-1 block w-full rounded border bg-white px-3 py-2 text-base text-ink shadow-sm aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700 border-slate-500";

export function Described({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
    </>
  );
}

export function describedBy(id: string, hint?: ReactNode, error?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function Label({ id, label, optional }: { id: string; label: string; optional?: boolean }) {
  return (
    <label htmlFor={id} className="block font-medium">
      {label}
      {optional ? <span className="font-normal text-slate-700"> (facultatif)</span> : null}
    </label>
  );
}

/** A text input with its label, hint and error message, tied together for screen readers. */
export function TextField({ label, hint, error, optional, id: givenId, ...input }: Common & ComponentProps<"input">) {
  const generated = useId();
  const id = givenId ?? generated;
  return (
    <div>
      <Label id={id} label={label} optional={optional} />
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} className={control} {...input} />
      <Described id={id} hint={hint} error={error} />
    </div>
  );
}

export function TextAreaField({ label, hint, error, optional, id: givenId, ...textarea }: Common & ComponentProps<"textarea">) {
  const generated = useId();
  const id = givenId ?? generated;
  return (
    <div>
      <Label id={id} label={label} optional={optional} />
      <textarea id={id} rows={4} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} className={control} {...textarea} />
      <Described id={id} hint={hint} error={error} />
    </div>
  );
}

export function SelectField({ label, hint, error, optional, id: givenId, children, ...select }: Common & ComponentProps<"select">) {
  const generated = useId();
  const id = givenId ?? generated;
  return (
    <div>
      <Label id={id} label={label} optional={optional} />
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} className={control} {...select}>
        {children}
      </select>
      <Described id={id} hint={hint} error={error} />
    </div>
  );
}

/** Radio buttons in a fieldset whose legend is the question. */
export function RadioGroup({
  legend,
  error,
  options,
  name,
  help,
  ...input
}: { legend: string; error?: string; options: { value: string; label: string }[]; name: string; help?: ReactNode } & Omit<ComponentProps<"input">, "type">) {
  const id = useId();
  return (
    // The group, not each radio, is what is invalid: aria-invalid belongs to the radiogroup role.
    <fieldset role="radiogroup" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="font-medium">{legend}</legend>
      {help ? <p className="text-sm">{help}</p> : null}
      <div className="mt-1 flex flex-wrap gap-4">
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-2">
            <input type="radio" name={name} value={option.value} className="h-5 w-5" {...input} />
            {option.label}
          </label>
        ))}
      </div>
      <Described id={id} error={error} />
    </fieldset>
  );
}
