import { useId } from "react";
import { Described } from "@/components/ui/Field";

export { TextAreaField } from "@/components/ui/Field";

/**
 * The control of the staff forms that components/ui/Field.tsx does not have: a controlled radio
 * group, with the same error wiring for screen readers.
 */

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
    // The group, not each radio, is what is invalid: aria-invalid belongs to the radiogroup role.
    <fieldset role="radiogroup" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
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
              className="h-5 w-5"
            />
            {option.label}
          </label>
        ))}
      </div>
      <Described id={id} error={error} />
    </fieldset>
  );
}

/** A controlled group of checkboxes whose value is the ticked values joined by commas. */
export function CheckboxesField({
  legend,
  hint,
  options,
  value,
  onChange,
  error,
  firstRef,
}: {
  legend: string;
  hint?: string;
  options: readonly { value: string; label: string }[];
  value: string;
  onChange: (value: string) => void;
  error?: string;
  firstRef?: (element: HTMLInputElement | null) => void;
}) {
  const id = useId();
  const ticked = new Set(value ? value.split(",") : []);
  const toggle = (option: string, on: boolean) => {
    const next = options.map((o) => o.value).filter((v) => (v === option ? on : ticked.has(v)));
    onChange(next.join(","));
  };
  return (
    <fieldset aria-describedby={[hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined}>
      <legend className="font-medium">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <div className="mt-1 flex flex-wrap gap-x-5 gap-y-2">
        {options.map((option, index) => (
          <label key={option.value} className="flex items-center gap-2">
            <input
              ref={index === 0 ? firstRef : undefined}
              type="checkbox"
              value={option.value}
              checked={ticked.has(option.value)}
              aria-invalid={error ? true : undefined}
              onChange={(event) => toggle(option.value, event.target.checked)}
              className="h-5 w-5"
            />
            {option.label}
          </label>
        ))}
      </div>
      <Described id={id} error={error} />
    </fieldset>
  );
}
