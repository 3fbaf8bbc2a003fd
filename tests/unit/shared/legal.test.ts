import { checkEnvironment } from "@/lib/shared/env";
import { legalSettings } from "@/lib/shared/legal";

describe("the legal pages' settings", () => {
  test("without settings: the Cnam hosts, no email addresses are invented", () => {
    expect(legalSettings({})).toEqual({ host: expect.stringContaining("292 rue Saint-Martin, 75003 Paris"), dpoEmail: null, accessibilityEmail: null });
  });

  test("the configured host and contacts are used", () => {
    expect(legalSettings({ LEGAL_HOST: "Hébergeur SAS, 1 rue X, 75001 Paris", DPO_EMAIL: "dpo@example.fr", ACCESSIBILITY_EMAIL: "a11y@example.fr" })).toEqual({
      host: "Hébergeur SAS, 1 rue X, 75001 Paris",
      dpoEmail: "dpo@example.fr",
      accessibilityEmail: "a11y@example.fr",
    });
  });

  test("a wrong address stops the start with a message naming the variable", () => {
    expect(checkEnvironment({ DPO_EMAIL: "pas une adresse" })).toEqual([expect.stringMatching(/^DPO_EMAIL : une adresse électronique est attendue/)]);
  });
});
