import { ROLE_LABELS } from "@/lib/domain/policy";
import type { CurrentUser } from "@/lib/server/session";
import { db } from "@/lib/server/db";

/** The landing page of a staff space: who is connected, in which role and centre, and what the space holds. */
export async function StaffHome({ user, title, duties }: { user: CurrentUser; title: string; duties: string[] }) {
  const centre = user.centreCode ? await db.centre.findUnique({ where: { code: user.centreCode }, select: { name: true } }) : null;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{title}</h1>
      <section className="rounded border border-slate-200 bg-white p-5 shadow-sm">
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">Connecté</dt>
          <dd>
            {user.displayName} ({user.identifier})
          </dd>
          <dt className="font-medium">Rôle</dt>
          <dd data-testid="staff-role">{ROLE_LABELS[user.role]}</dd>
          {centre ? (
            <>
              <dt className="font-medium">Centre</dt>
              <dd>{centre.name}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <section className="rounded border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="text-lg font-semibold">Dans cet espace</h2>
        <ul className="mt-2 list-disc space-y-1 pl-6">
          {duties.map((duty) => (
            <li key={duty}>{duty}</li>
          ))}
        </ul>
        <p className="mt-3 text-slate-700">Ces écrans arrivent avec les prochaines versions de D3 ; aucune demande n&apos;est encore déposée en ligne.</p>
      </section>
    </div>
  );
}
