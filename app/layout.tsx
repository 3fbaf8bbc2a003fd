import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import { connection } from "next/server";
import { CurrentUserProvider } from "@/components/layout/CurrentUser";
import { SessionWatch } from "@/components/layout/SessionWatch";
import { SiteFooter } from "@/components/layout/SiteFooter";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { currentMe } from "@/lib/auth/session";
import "./globals.css";

// Inter (SIL Open Font License), latin subset: files/inter-latin-wght-normal.woff2 of @fontsource-variable/inter 5.3.0, kept in the repository so the build fetches nothing.
const inter = localFont({ src: "./fonts/InterVariable-latin.woff2", variable: "--font-inter", display: "swap" });

export const metadata: Metadata = {
  title: { default: "D3 — Diplômes et expérience – Cnam", template: "%s – D3 – Cnam" },
  description: "Demander la délivrance d'un diplôme du Cnam et l'analyse de son expérience professionnelle, puis suivre chaque dossier pas à pas.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request: its scripts carry the nonce of this request's
  // Content-Security-Policy (proxy.ts), which a page prerendered at build time could not know.
  await connection();
  const me = await currentMe();
  return (
    <html lang="fr" className={inter.variable}>
      <body className="min-h-screen font-sans antialiased flex flex-col">
        <a href="#contenu" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:px-3 focus:py-2">
          Aller au contenu
        </a>
        <CurrentUserProvider initial={me}>
          <SiteHeader />
          <main id="contenu" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 outline-none sm:py-8">
            {children}
          </main>
          <SiteFooter />
          <SessionWatch />
        </CurrentUserProvider>
      </body>
    </html>
  );
}
