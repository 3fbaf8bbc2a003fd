/**
 * What each user is offered to move around: the header's tabs and the site map. Only the spaces
 * the role may enter (policy.ts), so that no tab leads to a 403. Pure, tested in tests/unit/auth.
 */
import type { Role } from "./policy";

export type NavLink = { href: string; label: string; description?: string };
/** A header tab: `match` are the path prefixes under which the tab is the current one. */
export type NavTab = NavLink & { match: readonly string[] };
export type SiteMapSection = { title: string; links: readonly NavLink[] };

const HELP_TAB: NavTab = { href: "/aide", label: "Aide", match: ["/aide"] };

const TABS: Record<Role, readonly NavTab[]> = {
  AUDITEUR: [{ href: "/auditeur", label: "Mes demandes", match: ["/auditeur", "/demandes", "/profil"] }],
  AGENT_CENTRE: [
    { href: "/centre", label: "Demandes du centre", match: ["/centre", "/espace-centre"] },
    { href: "/centre/numeros", label: "Numéros à confirmer", match: ["/centre/numeros"] },
  ],
  AGENT_NATIONAL: [
    { href: "/national", label: "Demandes", match: [] },
    { href: "/national/statistiques", label: "Statistiques", match: ["/national/statistiques"] },
  ],
  ADMIN: [
    { href: "/admin", label: "Administration", match: [] },
    { href: "/admin/statistiques", label: "Statistiques", match: ["/admin/statistiques"] },
  ],
};

/** The header's tabs: the user's own space(s), then the Aide. Visitors see the Aide only. */
export function navigationFor(role: Role | null): readonly NavTab[] {
  return role ? [...TABS[role], HELP_TAB] : [HELP_TAB];
}

/** Which tab is the current page's: the longest matching prefix wins (« /national/statistiques » over « /national »). */
export function currentTab(tabs: readonly NavTab[], pathname: string): string | null {
  let best: { href: string; length: number } | null = null;
  for (const tab of tabs) {
    for (const prefix of [tab.href, ...tab.match]) {
      const hit = pathname === prefix || pathname.startsWith(prefix + "/");
      if (hit && (!best || prefix.length > best.length)) best = { href: tab.href, length: prefix.length };
    }
  }
  return best?.href ?? null;
}

const PUBLIC_SECTION: SiteMapSection = {
  title: "Pages ouvertes à tous",
  links: [
    { href: "/", label: "Accueil" },
    { href: "/aide", label: "Aide", description: "Les étapes d'une demande, les pièces, les délais." },
    { href: "/aide/recherche", label: "Rechercher dans l'Aide" },
    { href: "/connexion", label: "Se connecter" },
    { href: "/mot-de-passe-oublie", label: "Mot de passe oublié" },
  ],
};

const LEGAL_SECTION: SiteMapSection = {
  title: "Informations légales",
  links: [
    { href: "/accessibilite", label: "Accessibilité : partiellement conforme" },
    { href: "/mentions-legales", label: "Mentions légales" },
    { href: "/donnees-personnelles", label: "Données personnelles" },
    { href: "/plan-du-site", label: "Plan du site" },
  ],
};

const ROLE_SECTIONS: Record<Role, SiteMapSection> = {
  AUDITEUR: {
    title: "Mon espace auditeur",
    links: [
      { href: "/auditeur", label: "Mes demandes", description: "Suivre vos demandes, les compléter, télécharger récépissés et courriers." },
      { href: "/auditeur/nouvelle-demande", label: "Nouvelle demande", description: "Choisir un diplôme et vérifier ce qu'il vous manque." },
      { href: "/auditeur/profil", label: "Mon profil", description: "Vos coordonnées, et le téléchargement de vos données." },
      { href: "/notifications", label: "Notifications" },
    ],
  },
  AGENT_CENTRE: {
    title: "Espace du centre",
    links: [
      { href: "/centre", label: "Demandes du centre", description: "Les demandes déposées par les auditeurs du centre, à instruire." },
      { href: "/centre/numeros", label: "Numéros d'auditeur à confirmer", description: "Les numéros saisis par les auditeurs du centre, à vérifier dans vos dossiers." },
      { href: "/centre/courriels", label: "Mes courriels", description: "Un courriel à chaque dépôt, un récapitulatif quotidien, ou aucun." },
      { href: "/notifications", label: "Notifications" },
    ],
  },
  AGENT_NATIONAL: {
    title: "Service national",
    links: [
      { href: "/national", label: "Demandes transmises au national", description: "Validation des diplômes et avis du jury." },
      { href: "/national/statistiques", label: "Statistiques", description: "Demandes par état et par centre, durée de chaque étape." },
      { href: "/notifications", label: "Notifications" },
    ],
  },
  ADMIN: {
    title: "Administration",
    links: [
      { href: "/admin", label: "Tableau de bord de l'administration" },
      { href: "/admin/centres", label: "Centres d'inscription" },
      { href: "/admin/comptes", label: "Comptes des personnels" },
      { href: "/admin/imports", label: "Imports du catalogue et des résultats" },
      { href: "/admin/journal", label: "Journal d'audit" },
      { href: "/admin/courriels", label: "Courriels en attente" },
      { href: "/admin/statistiques", label: "Statistiques" },
      { href: "/notifications", label: "Notifications" },
    ],
  },
};

/** The site map: the user's own pages first (none for a visitor), then the public and legal pages. */
export function siteMapFor(role: Role | null): readonly SiteMapSection[] {
  return role ? [ROLE_SECTIONS[role], PUBLIC_SECTION, LEGAL_SECTION] : [PUBLIC_SECTION, LEGAL_SECTION];
}
