import type { Metadata } from "next";
import Link from "next/link";
import { siteMapFor } from "@/lib/auth/domain/navigation";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Plan du site" };

/** Every page the visitor may open: their own space's pages first once logged in, then the public ones. */
export default async function SiteMapPage() {
  const user = await getCurrentUser();
  const sections = siteMapFor(user?.role ?? null);
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold">Plan du site</h1>
      {user ? null : (
        <p>
          Une fois <Link href="/connexion?callbackUrl=%2Fplan-du-site">connecté</Link>, ce plan montre aussi les pages de votre espace.
        </p>
      )}
      {sections.map((section) => (
        <section key={section.title} className="space-y-2">
          <h2 className="text-xl font-semibold">{section.title}</h2>
          <ul className="ml-5 list-disc space-y-1">
            {section.links.map((link) => (
              <li key={link.href}>
                <Link href={link.href}>{link.label}</Link>
                {link.description ? <span className="text-slate-700"> – {link.description}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
