"use client";

import { useId, useState, type ComponentProps, type ReactNode } from "react";
import { TextField } from "./Field";

/**
 * A password input with « Afficher le mot de passe » (the pattern of the État's design system):
 * a checkbox tied to the field, so that a typing mistake can be seen before sending.
 */
export function PasswordField({
  toggleLabel = "Afficher le mot de passe",
  ...props
}: { label: string; hint?: ReactNode; error?: string; toggleLabel?: string } & Omit<ComponentProps<"input">, "type">) {
  const [visible, setVisible] = useState(false);
  const toggleId = useId();
  return (
    <div>
      <TextField {...props} type={visible ? "text" : "password"} />
      <p className="mt-2 flex items-center gap-2 text-sm">
        <input id={toggleId} type="checkbox" className="h-4 w-4" checked={visible} onChange={(event) => setVisible(event.target.checked)} />
        <label htmlFor={toggleId}>{toggleLabel}</label>
      </p>
    </div>
  );
}
