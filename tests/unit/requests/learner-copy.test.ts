import { learnerCopy, learnerDisplayName } from "@/lib/requests/domain/learner-copy";

const profile = { firstNames: "Zoé Anne", birthName: "Lefèvre", usageName: null, learnerNumber: "123456789" };

test("the name: first names, then the usage name or else the birth name; the account's name without a profile", () => {
  expect(learnerDisplayName(profile, "Compte")).toBe("Zoé Anne Lefèvre");
  expect(learnerDisplayName({ ...profile, usageName: "Martin" }, "Compte")).toBe("Zoé Anne Martin");
  expect(learnerDisplayName({ ...profile, usageName: "" }, "Compte")).toBe("Zoé Anne Lefèvre");
  expect(learnerDisplayName(null, "Compte")).toBe("Compte");
});

test("the copy a submission makes: that name and the learner number, none when there is no number", () => {
  expect(learnerCopy(profile, "Compte")).toEqual({ learnerName: "Zoé Anne Lefèvre", learnerNumber: "123456789" });
  expect(learnerCopy({ ...profile, learnerNumber: "" }, "Compte")).toEqual({ learnerName: "Zoé Anne Lefèvre", learnerNumber: null });
  expect(learnerCopy(null, "Compte")).toEqual({ learnerName: "Compte", learnerNumber: null });
});
