import type { Metadata } from "next";
import Link from "next/link";
import { markAllReadFormAction, markReadFormAction } from "@/lib/notifications/actions";
import { listNotifications } from "@/lib/notifications/inbox";
import { requireUser } from "@/lib/auth/session";
import { formatLongDateTime } from "@/lib/shared/dates";
import { idParam, type SearchParams } from "@/lib/shared/params";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const avant = idParam((await searchParams).avant) ?? undefined;
  const { rows, next } = await listNotifications(user.id, { before: avant });
  const unread = rows.some((n) => !n.readAt);

  return (
    <div className="max-w-3xl space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-bold">Notifications</h1>
        {unread ? (
          <form action={markAllReadFormAction}>
            <button type="submit" className="rounded border border-slate-500 bg-white px-3 py-1.5 font-medium hover:bg-slate-100">
              Tout marquer comme lu
            </button>
          </form>
        ) : null}
      </div>
      {rows.length === 0 ? <p>Aucune notification pour l&apos;instant.</p> : null}
      <ul className="space-y-2" data-testid="notifications">
        {rows.map((n) => (
          <li key={n.id} className={`rounded border p-4 ${n.readAt ? "border-slate-200 bg-white" : "border-brand-700 bg-brand-50"}`}>
            <p className="font-semibold">
              {n.readAt ? null : <span className="sr-only">Non lue : </span>}
              {n.link ? <Link href={n.link}>{n.title}</Link> : n.title}
            </p>
            <p>{n.body}</p>
            <div className="mt-1 flex flex-wrap items-center gap-3 text-sm text-slate-700">
              <span>{formatLongDateTime(n.createdAt)}</span>
              {n.readAt ? null : (
                <form action={markReadFormAction}>
                  <input type="hidden" name="id" value={n.id} />
                  <button type="submit" className="underline">
                    Marquer comme lue<span className="sr-only"> : {n.title}</span>
                  </button>
                </form>
              )}
            </div>
          </li>
        ))}
      </ul>
      {next ? <Link href={`/notifications?avant=${encodeURIComponent(next)}`}>Notifications plus anciennes</Link> : null}
    </div>
  );
}
