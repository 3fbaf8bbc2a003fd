import { currentTab, navigationFor, siteMapFor } from "@/lib/auth/domain/navigation";
import { ROLES, SPACE_PATHS, canEnter, type Role, type Space } from "@/lib/auth/domain/policy";
import { roleLabelFor } from "@/lib/auth/domain/role-label";

/** The space a path belongs to, if it is inside one. */
function spaceOf(href: string): Space | null {
  const entry = (Object.entries(SPACE_PATHS) as [Space, string][]).find(([, path]) => href === path || href.startsWith(path + "/"));
  return entry ? entry[0] : null;
}

describe("navigation by role", () => {
  test.each(ROLES)("%s is offered no tab and no site map link into a space it may not enter", (role: Role) => {
    const hrefs = [...navigationFor(role).map((tab) => tab.href), ...siteMapFor(role).flatMap((section) => section.links.map((link) => link.href))];
    for (const href of hrefs) {
      const space = spaceOf(href);
      if (space) expect([href, canEnter(role, space)]).toEqual([href, true]);
    }
  });

  test("a learner has no staff tab, agents have no learner tab", () => {
    expect(navigationFor("AUDITEUR").map((t) => t.label)).toEqual(["Mes demandes", "Aide"]);
    expect(navigationFor("AGENT_CENTRE").map((t) => t.href)).toEqual(["/centre", "/centre/numeros", "/aide"]);
    expect(currentTab(navigationFor("AGENT_CENTRE"), "/centre/numeros")).toBe("/centre/numeros");
    expect(currentTab(navigationFor("AGENT_CENTRE"), "/centre/demandes/abc")).toBe("/centre");
    expect(navigationFor("AGENT_CENTRE").some((t) => t.href.startsWith("/auditeur"))).toBe(false);
  });

  test("national agents and administrators reach their statistics from the header", () => {
    expect(navigationFor("AGENT_NATIONAL").map((t) => t.href)).toContain("/national/statistiques");
    expect(navigationFor("ADMIN").map((t) => t.href)).toContain("/admin/statistiques");
  });

  test("a visitor sees the Aide only", () => {
    expect(navigationFor(null).map((t) => t.href)).toEqual(["/aide"]);
  });

  test("the current tab is the one of the longest matching prefix", () => {
    const national = navigationFor("AGENT_NATIONAL");
    expect(currentTab(national, "/national/statistiques")).toBe("/national/statistiques");
    expect(currentTab(national, "/national/demandes/abc")).toBe("/national");
    expect(currentTab(navigationFor("AUDITEUR"), "/demandes/abc")).toBe("/auditeur");
    expect(currentTab(navigationFor("AUDITEUR"), "/nationalite")).toBeNull();
  });

  test("the site map lists every page of each staff space and the legal pages", () => {
    const hrefs = (role: Role) => siteMapFor(role).flatMap((s) => s.links.map((l) => l.href));
    expect(hrefs("ADMIN")).toEqual(expect.arrayContaining(["/admin", "/admin/centres", "/admin/comptes", "/admin/imports", "/admin/journal", "/admin/courriels", "/admin/statistiques"]));
    expect(hrefs("AGENT_NATIONAL")).toEqual(expect.arrayContaining(["/national", "/national/statistiques", "/notifications"]));
    expect(hrefs("AGENT_CENTRE")).toEqual(expect.arrayContaining(["/centre", "/notifications"]));
    for (const role of [null, ...ROLES]) {
      expect(siteMapFor(role).flatMap((s) => s.links.map((l) => l.href))).toEqual(expect.arrayContaining(["/accessibilite", "/mentions-legales", "/donnees-personnelles", "/plan-du-site"]));
    }
  });
});

describe("the role shown in the header", () => {
  test("a woman learner is « Auditrice », a man « Auditeur », before the profile neutral", () => {
    expect(roleLabelFor("AUDITEUR", "MADAME")).toBe("Auditrice");
    expect(roleLabelFor("AUDITEUR", "MONSIEUR")).toBe("Auditeur");
    expect(roleLabelFor("AUDITEUR", null)).toBe("Auditeur ou auditrice");
    expect(roleLabelFor("AGENT_CENTRE", "MADAME")).toBe("Gestionnaire de centre");
  });
});
