import { Button } from "@/components/ui/Button";

/** A plain GET form: the search works without JavaScript, and its results page can be bookmarked. */
export function HelpSearchForm({ defaultValue = "", inputId = "recherche-aide" }: { defaultValue?: string; inputId?: string }) {
  return (
    <form role="search" action="/aide/recherche" method="get">
      <label htmlFor={inputId} className="block font-medium">
        Rechercher dans l&apos;aide
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id={inputId}
          name="q"
          type="search"
          defaultValue={defaultValue}
          maxLength={200}
          className="min-w-0 flex-1 rounded border border-slate-500 bg-white px-3 py-2"
        />
        <Button type="submit">Rechercher</Button>
      </div>
    </form>
  );
}
