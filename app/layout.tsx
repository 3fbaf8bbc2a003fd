import type { Metadata, Viewport } from "next";
import Link from "next/link";
import localFont from "next/font/local";
import { SiteHeader } from "@/components/layout/SiteHeader";
import "./globals.css";

// Inter (SIL Open Font License), latin subset: files/inter-latin-wght-normal.woff2 of @fontsource-variable/inter 5.3.0, kept in the repository so the build fetches nothing.
const inter = localFont({ src: "./fonts/InterVariable-latin.woff2", variable: "--font-inter", display: "swap" });

export const metadata: Metadata = {
  title: { default: "D3 – Demandes de diplôme – Cnam", template: "%s – D3 – Cnam" },
  description: "Demander la délivrance d'un diplôme du Cnam et l'analyse de son expérience professionnelle, puis suivre chaque dossier pas à pas.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="fr" className={inter.variable}>
      <body className="min-h-screen font-sans antialiased flex flex-col">
        <a href="#contenu" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:px-3 focus:py-2">
          Aller au contenu
        </a>
        <SiteHeader />
        <main id="contenu" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 outline-none">
          {children}
        </main>
        <footer className="border-t border-slate-200 bg-white">
          <div className="mx-auto max-w-5xl px-4 py-4 text-sm text-slate-700">
            D3 – Conservatoire national des arts et métiers. Une question sans réponse dans l&apos;<Link href="/aide">Aide</Link> ? Adressez-vous à votre centre d&apos;inscription.
          </div>
        </footer>
      </body>
    </html>
  );
}
