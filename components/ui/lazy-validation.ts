import type { FieldErrors, FieldValues, Resolver } from "react-hook-form";
import type { $ZodType } from "zod/v4/core";
import { loadOnce } from "@/lib/shared/load-once";

/**
 * Validation downloaded when a form is first used, not with its page. A form's zod schema is the
 * same module the server action parses with (one schema, browser and server); with zod it weighs
 * 24–35 KB compressed, more than the whole page around most forms. The page renders and works
 * without it: its fields carry their caps as props (fieldCaps), and the schema arrives while the
 * user types (`preload` on the form's first focus) or, at the latest, when the form is submitted.
 *
 * A failed download is not a silent dead button: the resolver answers with a form-level error the
 * forms show (`errors.root`), and the next attempt downloads again.
 */
export const VALIDATION_UNAVAILABLE = "Le formulaire n'a pas pu être vérifié : la connexion au service a été interrompue. Réessayez dans un instant ; ce que vous avez saisi est conservé.";

export type LazyResolver<TValues extends FieldValues, TOutput> = Resolver<TValues, unknown, TOutput> & {
  /** Starts the download (on the form's first focus), so that submitting does not wait for it. */
  preload: () => void;
};

/**
 * zodResolver, with the schema (and zod, and the resolver) imported on first use:
 * `const resolver = lazyZodResolver(() => import("@/lib/auth/schemas").then((m) => m.loginSchema))`,
 * created once per form (module scope, or useMemo when the schema depends on props).
 */
export function lazyZodResolver<TValues extends FieldValues, TOutput = TValues>(loadSchema: () => Promise<$ZodType>): LazyResolver<TValues, TOutput> {
  const load = loadOnce(async () => {
    const [{ zodResolver }, schema] = await Promise.all([import("@hookform/resolvers/zod"), loadSchema()]);
    return zodResolver(schema as never) as unknown as Resolver<TValues, unknown, TOutput>;
  });
  const resolver: Resolver<TValues, unknown, TOutput> = async (values, context, options) => {
    let resolve: Resolver<TValues, unknown, TOutput>;
    try {
      resolve = await load();
    } catch {
      return { values: {}, errors: { root: { type: "unavailable", message: VALIDATION_UNAVAILABLE } } as FieldErrors<TValues> };
    }
    return resolve(values, context, options);
  };
  return Object.assign(resolver, { preload: load.preload });
}
