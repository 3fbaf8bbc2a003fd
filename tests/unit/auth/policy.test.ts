import { canEnter, homePath, isProtectedPath, isStaff, PROTECTED_PREFIXES, type Role, ROLE_LABELS, ROLES, type Space, SPACE_PATHS } from "@/lib/auth/domain/policy";

const SPACES: Space[] = ["auditeur", "centre", "national", "admin"];

describe("roles", () => {
  test("there are exactly four roles", () => {
    expect([...ROLES]).toEqual(["AUDITEUR", "AGENT_CENTRE", "AGENT_NATIONAL", "ADMIN"]);
  });

  test("every role has a French label", () => {
    expect(ROLE_LABELS).toEqual({
      AUDITEUR: "Auditeur",
      AGENT_CENTRE: "Gestionnaire de centre",
      AGENT_NATIONAL: "Agent national / jury",
      ADMIN: "Administrateur",
    });
  });
});

describe("canEnter: each role enters its own space and no other", () => {
  const allowed: Record<Role, Space> = { AUDITEUR: "auditeur", AGENT_CENTRE: "centre", AGENT_NATIONAL: "national", ADMIN: "admin" };
  const table = ROLES.flatMap((role) => SPACES.map((space) => [role, space, allowed[role] === space] as const));

  test.each(table)("%s may enter the %s space: %s", (role, space, expected) => {
    expect(canEnter(role, space)).toBe(expected);
  });

  test("the admin has no implicit access to the other spaces", () => {
    expect(SPACES.filter((space) => canEnter("ADMIN", space))).toEqual(["admin"]);
  });

  test("each space is open to exactly one role", () => {
    for (const space of SPACES) expect(ROLES.filter((role) => canEnter(role, space))).toHaveLength(1);
  });
});

describe("homePath", () => {
  test.each([
    ["AUDITEUR", "/auditeur"],
    ["AGENT_CENTRE", "/centre"],
    ["AGENT_NATIONAL", "/national"],
    ["ADMIN", "/admin"],
  ] as const)("%s lands on %s after logging in", (role, path) => {
    expect(homePath(role)).toBe(path);
  });

  test("every role's home is a space it may enter", () => {
    for (const role of ROLES) {
      const space = SPACES.find((s) => SPACE_PATHS[s] === homePath(role));
      expect(space).toBeDefined();
      expect(canEnter(role, space!)).toBe(true);
    }
  });

  test("every home path is protected", () => {
    for (const role of ROLES) expect(isProtectedPath(homePath(role))).toBe(true);
  });
});

describe("isStaff", () => {
  test.each([
    ["AUDITEUR", false],
    ["AGENT_CENTRE", true],
    ["AGENT_NATIONAL", true],
    ["ADMIN", true],
  ] as const)("%s is staff: %s", (role, expected) => {
    expect(isStaff(role)).toBe(expected);
  });
});

describe("isProtectedPath", () => {
  test.each([
    "/auditeur",
    "/auditeur/",
    "/auditeur/x",
    "/auditeur/nouvelle-demande",
    "/centre",
    "/centre/demandes/42",
    "/national",
    "/national/x",
    "/admin",
    "/admin/utilisateurs",
    "/profil",
    "/profil/completer",
    "/espace",
    "/espace/x",
  ])("%s needs a session", (path) => {
    expect(isProtectedPath(path)).toBe(true);
  });

  test.each([
    "/",
    "/aide",
    "/connexion",
    "/mot-de-passe-oublie",
    "/mot-de-passe/nouveau",
    "/profil-enregistre",
    "/auditeurx",
    "/auditeurs",
    "/centres",
    "/nationale",
    "/administration",
    "/espaces",
    "/profils",
    "/aide/auditeur",
    "",
  ])("%j is public", (path) => {
    expect(isProtectedPath(path)).toBe(false);
  });

  test("the protected prefixes are the four spaces, /espace, /profil, the request pages, the documents and the notifications", () => {
    expect([...PROTECTED_PREFIXES].sort()).toEqual(["/admin", "/auditeur", "/centre", "/demandes", "/documents", "/espace", "/national", "/notifications", "/profil"]);
  });

  test("every space path is protected", () => {
    for (const space of SPACES) expect(isProtectedPath(SPACE_PATHS[space])).toBe(true);
  });
});
