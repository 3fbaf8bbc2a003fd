import Link from "next/link";
import type { ComponentProps } from "react";

const VARIANTS = {
  primary: "bg-brand-700 text-white hover:bg-brand-800 border-brand-700",
  secondary: "bg-white text-ink hover:bg-slate-100 border-slate-500",
} as const;

/**
 * One primary action per page (RGAA, issue 13 point 9): the page's main next step is `primary`,
 * every other action `secondary`. `data-variant` says which, for the browser tests.
 */
const base = "inline-flex items-center justify-center rounded border px-4 py-2 font-semibold no-underline disabled:cursor-not-allowed disabled:opacity-60";

export function Button({ variant = "primary", className = "", ...props }: { variant?: keyof typeof VARIANTS } & ComponentProps<"button">) {
  return <button data-variant={variant} className={`${base} ${VARIANTS[variant]} ${className}`} {...props} />;
}

export function ButtonLink({ variant = "primary", className = "", ...props }: { variant?: keyof typeof VARIANTS } & ComponentProps<typeof Link>) {
  return <Link data-variant={variant} className={`${base} ${VARIANTS[variant]} ${className}`} {...props} />;
}

/** A link styled as a button that the browser follows itself: a file to download, not a page of the app. */
export function ButtonAnchor({ variant = "primary", className = "", ...props }: { variant?: keyof typeof VARIANTS } & ComponentProps<"a">) {
  return <a data-variant={variant} className={`${base} ${VARIANTS[variant]} ${className}`} {...props} />;
}
