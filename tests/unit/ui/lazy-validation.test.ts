import { zodResolver } from "@hookform/resolvers/zod";
import { VALIDATION_UNAVAILABLE, lazyZodResolver } from "@/components/ui/lazy-validation";
import { newPasswordSchema } from "@/lib/auth/domain/password";
import { MAX_PASSWORD_LENGTH } from "@/lib/auth/domain/password-policy";
import { loginSchema, MAX_IDENTIFIER_LENGTH } from "@/lib/auth/schemas";
import { experienceFormSchema } from "@/lib/catalogue/domain/experience-form";
import { profileSchema } from "@/lib/profile/domain/profile";
import { cappedWith, capsOnce, fieldCaps, maxLengthFor } from "@/lib/shared/forms";

const options = { fields: {}, shouldUseNativeValidation: false } as const;

describe("fieldCaps: the numbers a client form gets instead of its schema", () => {
  test("every capped field of the login schema (zod/mini), and nothing else", () => {
    expect(fieldCaps(loginSchema)).toEqual({ identifier: MAX_IDENTIFIER_LENGTH, password: MAX_PASSWORD_LENGTH });
  });

  test("through a refined object (the new password's confirmation check); an uncapped field has no entry", () => {
    expect(fieldCaps(newPasswordSchema(""))).toEqual({ password: MAX_PASSWORD_LENGTH });
  });

  test("the same caps as maxLengthFor, field by field, on the profile and experience forms", () => {
    for (const schema of [profileSchema(), experienceFormSchema()]) {
      const caps = fieldCaps(schema);
      expect(Object.keys(caps).length).toBeGreaterThan(3);
      for (const [name, cap] of Object.entries(caps)) expect(cap).toBe(maxLengthFor(schema, name));
    }
  });

  test("capsOnce builds the schema once, however many page views ask", () => {
    const build = jest.fn(() => profileSchema());
    const caps = capsOnce(build);
    expect(build).not.toHaveBeenCalled();
    expect(caps()).toEqual(fieldCaps(profileSchema()));
    expect(caps()).toBe(caps());
    expect(build).toHaveBeenCalledTimes(1);
  });

  test("cappedWith puts the cap on a registered field's props, and leaves an uncapped one alone", () => {
    const capped = cappedWith({ identifier: 100 });
    expect(capped({ name: "identifier", onBlur: "x" })).toEqual({ name: "identifier", onBlur: "x", maxLength: 100 });
    expect(capped({ name: "password" })).toEqual({ name: "password" });
  });
});

describe("lazyZodResolver: the schema downloaded on first use", () => {
  test("answers exactly what zodResolver answers, valid and invalid, and loads the schema once", async () => {
    const load = jest.fn(async () => loginSchema);
    const lazy = lazyZodResolver(load);
    const eager = zodResolver(loginSchema);
    for (const values of [
      { identifier: "", password: "" },
      { identifier: "Jeanne Dupont", password: "x" },
      { identifier: "jeanne.dupont.auditeur", password: "un mot de passe" },
    ]) {
      expect(await lazy(values, undefined, options)).toEqual(await eager(values, undefined, options));
    }
    expect(load).toHaveBeenCalledTimes(1);
  });

  test("preload starts the download before the first validation", async () => {
    const load = jest.fn(async () => loginSchema);
    const lazy = lazyZodResolver(load);
    lazy.preload();
    lazy.preload();
    expect(load).toHaveBeenCalledTimes(1);
    await lazy({ identifier: "jeanne.dupont.auditeur", password: "x" }, undefined, options);
    expect(load).toHaveBeenCalledTimes(1);
  });

  test("a failed download is a form-level message, not a dead button, and the next attempt downloads again", async () => {
    const load = jest.fn<Promise<typeof loginSchema>, []>().mockRejectedValueOnce(new TypeError("Failed to fetch dynamically imported module")).mockResolvedValue(loginSchema);
    const lazy = lazyZodResolver(load);
    expect(await lazy({ identifier: "jeanne.dupont.auditeur", password: "x" }, undefined, options)).toEqual({
      values: {},
      errors: { root: { type: "unavailable", message: VALIDATION_UNAVAILABLE } },
    });
    const retried = await lazy({ identifier: "jeanne.dupont.auditeur", password: "x" }, undefined, options);
    expect(retried.errors).toEqual({});
    expect(load).toHaveBeenCalledTimes(2);
  });
});
