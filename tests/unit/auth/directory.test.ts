import {
  DEFAULT_LDAP_ATTRIBUTES,
  DEFAULT_OIDC_CLAIMS,
  accountDecision,
  displayNameOf,
  escapeFilterValue,
  parseGroupRoles,
  personFrom,
  roleFromGroups,
  userFilter,
} from "@/lib/auth/domain/directory";

describe("LDAP search filter", () => {
  test("the identifier replaces every {identifier}", () => {
    expect(userFilter("(uid={identifier})", "zoe.lefevre.auditeur")).toBe("(uid=zoe.lefevre.auditeur)");
    expect(userFilter("(|(uid={identifier})(mail={identifier}))", "a.b")).toBe("(|(uid=a.b)(mail=a.b))");
  });
  test("filter metacharacters are escaped (RFC 4515), so a value can never widen the search", () => {
    expect(escapeFilterValue("*)(uid=*")).toBe("\\2a\\29\\28uid=\\2a");
    expect(escapeFilterValue("a\\b\0")).toBe("a\\5cb\\00");
    expect(userFilter("(uid={identifier})", "*")).toBe("(uid=\\2a)");
  });
});

describe("attributes of a directory entry", () => {
  test("defaults: givenName, sn, mail, employeeNumber, memberOf; names compare case-insensitively; first value of many", () => {
    const person = personFrom("lea.a.auditeur", { givenname: ["Léa", "Lea"], SN: "Annuaire", mail: "lea@enf.test", employeeNumber: "100900001", memberOf: "cn=x" }, DEFAULT_LDAP_ATTRIBUTES);
    expect(person).toEqual({ identifier: "lea.a.auditeur", givenName: "Léa", surname: "Annuaire", email: "lea@enf.test", learnerNumber: "100900001", groups: ["cn=x"] });
    expect(displayNameOf(person)).toBe("Léa Annuaire");
  });
  test("missing or empty attributes are null; the display name falls back to the identifier", () => {
    const person = personFrom("x.y.auditeur", { givenName: [], sn: "  " }, DEFAULT_LDAP_ATTRIBUTES);
    expect(person).toMatchObject({ givenName: null, surname: null, email: null, learnerNumber: null, groups: [] });
    expect(displayNameOf(person)).toBe("x.y.auditeur");
  });
  test("OpenID Connect claims, with buffers and numbers read as text", () => {
    const person = personFrom("a.b.auditeur", { given_name: "A", family_name: Buffer.from("B"), email: "a@b", learner_number: 123, groups: ["g1", "g2"] }, DEFAULT_OIDC_CLAIMS);
    expect(person).toMatchObject({ givenName: "A", surname: "B", learnerNumber: "123", groups: ["g1", "g2"] });
  });
});

describe("group → role mapping", () => {
  test("parsed from RÔLE=groupe;…, only ADMIN and AGENT_NATIONAL", () => {
    expect(parseGroupRoles(undefined)).toEqual({ ok: true, mapping: [] });
    expect(parseGroupRoles("ADMIN=cn=a,dc=x; AGENT_NATIONAL=cn=j,dc=x")).toEqual({
      ok: true,
      mapping: [
        { role: "ADMIN", group: "cn=a,dc=x" },
        { role: "AGENT_NATIONAL", group: "cn=j,dc=x" },
      ],
    });
    expect(parseGroupRoles("AGENT_CENTRE=cn=c")).toMatchObject({ ok: false, message: expect.stringContaining("gestionnaire de centre") });
    expect(parseGroupRoles("ADMIN")).toMatchObject({ ok: false });
  });
  test("the highest role held wins; DNs compare case-insensitively", () => {
    const mapping = [
      { role: "AGENT_NATIONAL" as const, group: "cn=jury,dc=x" },
      { role: "ADMIN" as const, group: "cn=admins,dc=x" },
    ];
    expect(roleFromGroups(["CN=Jury,DC=x"], mapping)).toBe("AGENT_NATIONAL");
    expect(roleFromGroups(["cn=jury,dc=x", "cn=admins,dc=x"], mapping)).toBe("ADMIN");
    expect(roleFromGroups(["cn=autre"], mapping)).toBeNull();
  });
});

describe("accountDecision: what a login accepted by the directory opens", () => {
  const mapping = [{ role: "ADMIN" as const, group: "cn=admins" }];
  test("an existing active account opens; a disabled one is refused whatever the directory says", () => {
    expect(accountDecision("a.b", { id: "u1", role: "AGENT_CENTRE", active: true }, ["cn=admins"], mapping)).toEqual({ kind: "open", userId: "u1" });
    expect(accountDecision("a.b", { id: "u1", role: "AGENT_CENTRE", active: false }, ["cn=admins"], mapping)).toEqual({ kind: "disabled" });
    expect(accountDecision("a.b.auditeur", { id: "u2", role: "AUDITEUR", active: false }, [], [])).toEqual({ kind: "disabled" });
  });
  test("a new learner is provisioned; a new staff member only through a mapped group", () => {
    expect(accountDecision("a.b.auditeur", null, [], [])).toEqual({ kind: "provision", role: "AUDITEUR" });
    expect(accountDecision("a.b", null, [], mapping)).toEqual({ kind: "staff-unknown" });
    expect(accountDecision("a.b", null, ["cn=admins"], mapping)).toEqual({ kind: "provision", role: "ADMIN" });
  });
});
