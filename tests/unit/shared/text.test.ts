import { searchKey } from "@/lib/shared/text";
import { foldAccents, foldText } from "@/lib/shared/text";

describe("foldText", () => {
  it("compares French text without case, accents or extra spaces", () => {
    expect(foldText("  Expérience   PROFESSIONNELLE\t\nÀ l'étranger ")).toBe("experience professionnelle a l'etranger");
    expect(foldText("LEFÈVRE Zoë")).toBe(foldText("lefevre zoe"));
    expect(foldText("Œuvre")).toBe("œuvre");
  });

  it("is the domain's search key", () => {
    expect(searchKey).toBe(foldText);
  });
});

describe("foldAccents", () => {
  it("keeps spaces, so that the help search can map each character back", () => {
    expect(foldAccents(" É  e ")).toBe(" e  e ");
  });
});
