import { useId, type ComponentProps, type ReactNode } from "react";

/**
 * The controls of the staff forms that components/ui/Field.tsx does not have: a text area and a
 * controlled radio group, with the same label, hint and error wiring for screen readers.
 */

function Hint({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
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

const describedBy = (id: string, hint?: ReactNode, error?: string) => [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

export function TextAreaField({ label, hint, error, id: givenId, ...textarea }: { label: string; hint?: ReactNode; error?: string } & ComponentProps<"textarea">) {
  const generated = useId();
  const id = givenId ?? generated;
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <textarea
        id={id}
        rows={4}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className="mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2 aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700"
        {...textarea}
      />
      <Hint id={id} hint={hint} error={error} />
    </div>
  );
}

export function ChoiceField<V extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  error,
  firstRef,
}: {
  legend: string;
  name: string;
  options: readonly { value: V; label: string }[];
  value: string;
  onChange: (value: V) => void;
  error?: string;
  /** The first radio, to move the focus to the group when it is in error. */
  firstRef?: (element: HTMLInputElement | null) => void;
}) {
  const id = useId();
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="font-medium">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-x-5 gap-y-2">
        {options.map((option, index) => (
          <label key={option.value} className="flex items-center gap-2">
            <input
              ref={index === 0 ? firstRef : undefined}
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              aria-invalid={error ? true : undefined}
              className="h-5 w-5"
            />
            {option.label}
          </label>
        ))}
      </div>
      <Hint id={id} error={error} />
    </fieldset>
  );
}
