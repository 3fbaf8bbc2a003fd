import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { signIn } from "next-auth/react";
import { LoginForm } from "@/components/auth/LoginForm";
import { loginSchema } from "@/lib/auth/schemas";
import { fieldCaps } from "@/lib/shared/forms";

jest.mock("next-auth/react", () => ({ signIn: jest.fn() }));

const signInMock = signIn as jest.MockedFunction<typeof signIn>;

const ACCENT_MESSAGE =
  "L'identifiant ne contient pas d'accent ni de caractère spécial (écrivez « e » pour « é », « c » pour « ç »). Votre identifiant est de la forme prenom.nom.auditeur pour les auditeurs et auditrices, prenom.nom pour les personnels du Cnam (sans accent ni espace).";
const LOCKED_MESSAGE =
  "Trop de tentatives de connexion ont échoué : la connexion à ce compte est bloquée pendant 15 minutes, jusqu'à 14:30.";

/** The <p> holding a field's error message (its own text, without the warning sign). */
function errorMessage(text: string): HTMLElement {
  return screen.getByText(text);
}

function expectFieldError(input: HTMLElement, text: string) {
  const message = errorMessage(text);
  expect(input).toHaveAttribute("aria-invalid", "true");
  expect(message.id).not.toBe("");
  expect(input.getAttribute("aria-describedby")?.split(" ")).toContain(message.id);
  expect(input).toHaveAccessibleDescription(expect.stringContaining(text));
}

function setup(callbackPath = "/espace") {
  const user = userEvent.setup();
  render(<LoginForm callbackPath={callbackPath} caps={fieldCaps(loginSchema)} />);
  return {
    user,
    identifier: screen.getByLabelText("Identifiant"),
    password: screen.getByLabelText("Mot de passe"),
    submit: screen.getByRole("button", { name: "Se connecter" }),
  };
}

/*
 * jsdom 26 makes window.location and location.assign non-configurable, so they cannot be replaced
 * by a mock. Navigation is observed instead: a change of fragment only is carried out by jsdom
 * (window.location.href changes), any other navigation is reported as "not implemented" through
 * console.error.
 */
let consoleError: jest.SpyInstance;

function navigationAttempts(): number {
  // The error comes from jsdom's own realm: compare its text, not its class.
  return consoleError.mock.calls.filter(([error]) => String(error).includes("Not implemented: navigation")).length;
}

beforeEach(() => {
  signInMock.mockReset();
  window.history.replaceState(null, "", "/");
  consoleError = jest.spyOn(console, "error").mockImplementation(() => {});
});

afterEach(() => {
  // Anything else than jsdom's navigation notice (a React warning, say) must not go unnoticed.
  expect(consoleError.mock.calls.length).toBe(navigationAttempts());
  consoleError.mockRestore();
  window.history.replaceState(null, "", "/");
});

describe("LoginForm: before submitting", () => {
  test("shows the identifier and password fields, with the format hint, and no error", () => {
    const { identifier, password } = setup();
    expect(identifier).toHaveAttribute("autocomplete", "username");
    expect(password).toHaveAttribute("type", "password");
    expect(password).toHaveAttribute("autocomplete", "current-password");
    expect(identifier).toHaveAccessibleDescription("Auditeurs et auditrices : prenom.nom.auditeur ; personnels du Cnam : prenom.nom. Sans accent ni espace. En savoir plus sur l'identifiant");
    expect(identifier).not.toHaveAttribute("aria-invalid");
    expect(password).not.toHaveAttribute("aria-invalid");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });
});

describe("LoginForm: checks in the browser", () => {
  test("submitting the empty form shows a message next to each field and does not call signIn", async () => {
    const { user, identifier, password, submit } = setup();
    await user.click(submit);

    expectFieldError(identifier, "Saisissez votre identifiant.");
    expectFieldError(password, "Saisissez votre mot de passe.");
    expect(signInMock).not.toHaveBeenCalled();
  });

  test("the identifier keeps its format hint in its description next to the error", async () => {
    const { user, identifier, submit } = setup();
    await user.click(submit);
    expect(identifier).toHaveAccessibleDescription(expect.stringContaining("personnels du Cnam : prenom.nom."));
  });

  test("an identifier with an accent shows the accent message and does not call signIn", async () => {
    const { user, identifier, password, submit } = setup();
    await user.type(identifier, "jérôme.dupont.auditeur");
    await user.type(password, "un mot de passe");
    await user.click(submit);

    expectFieldError(identifier, ACCENT_MESSAGE);
    expect(password).not.toHaveAttribute("aria-invalid");
    expect(signInMock).not.toHaveBeenCalled();
  });

  test("a password alone is not enough: the identifier is asked for", async () => {
    const { user, identifier, password, submit } = setup();
    await user.type(password, "un mot de passe");
    await user.click(submit);

    expectFieldError(identifier, "Saisissez votre identifiant.");
    expect(screen.queryByText("Saisissez votre mot de passe.")).not.toBeInTheDocument();
    expect(signInMock).not.toHaveBeenCalled();
  });
});

describe("LoginForm: answers from the server", () => {
  test("sends the identifier and password to the ENF provider without redirecting", async () => {
    signInMock.mockResolvedValue({ ok: false, error: "INVALID_CREDENTIALS", status: 401, url: null });
    const { user, identifier, password, submit } = setup();
    await user.type(identifier, "jean.dupont.auditeur");
    await user.type(password, "mauvais mot de passe");
    await user.click(submit);

    await waitFor(() => expect(signInMock).toHaveBeenCalledTimes(1));
    expect(signInMock).toHaveBeenCalledWith("enf", { identifier: "jean.dupont.auditeur", password: "mauvais mot de passe", redirect: false });
  });

  test("a wrong password shows the generic message, keeps the identifier and does not navigate", async () => {
    signInMock.mockResolvedValue({ ok: false, error: "INVALID_CREDENTIALS", status: 401, url: null });
    const { user, identifier, password, submit } = setup();
    await user.type(identifier, "jean.dupont.auditeur");
    await user.type(password, "mauvais mot de passe");
    await user.click(submit);

    expect(await screen.findByRole("alert")).toHaveTextContent("Identifiant ou mot de passe incorrect.");
    expect(identifier).toHaveValue("jean.dupont.auditeur");
    expect(password).toHaveFocus();
    expect(navigationAttempts()).toBe(0);
    expect(window.location.href).toBe("http://localhost/");
  });

  test("the generic message never says which of identifier or password was wrong", async () => {
    signInMock.mockResolvedValue({ ok: false, error: "UNKNOWN_USER", status: 401, url: null });
    const { user, identifier, password, submit } = setup();
    await user.type(identifier, "inconnu.dupont.auditeur");
    await user.type(password, "mot de passe");
    await user.click(submit);

    expect(await screen.findByRole("alert")).toHaveTextContent("Identifiant ou mot de passe incorrect.");
  });

  test("no answer at all from signIn shows the generic message", async () => {
    signInMock.mockResolvedValue(undefined);
    const { user, identifier, password, submit } = setup();
    await user.type(identifier, "jean.dupont.auditeur");
    await user.type(password, "mot de passe");
    await user.click(submit);

    expect(await screen.findByRole("alert")).toHaveTextContent("Identifiant ou mot de passe incorrect.");
    expect(navigationAttempts()).toBe(0);
    expect(window.location.href).toBe("http://localhost/");
  });

  test("a lockout shows the lockout message without its LOCKED: prefix", async () => {
    signInMock.mockResolvedValue({ ok: false, error: `LOCKED:${LOCKED_MESSAGE}`, status: 401, url: null });
    const { user, identifier, password, submit } = setup();
    await user.type(identifier, "jean.dupont.auditeur");
    await user.type(password, "mot de passe");
    await user.click(submit);

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(LOCKED_MESSAGE);
    expect(alert).not.toHaveTextContent("LOCKED:");
    expect(alert).not.toHaveTextContent("Identifiant ou mot de passe incorrect.");
    expect(navigationAttempts()).toBe(0);
    expect(window.location.href).toBe("http://localhost/");
  });

  test("a lockout answer without ok also shows the lockout message", async () => {
    signInMock.mockResolvedValue({ error: "LOCKED:Trop de tentatives…" } as Awaited<ReturnType<typeof signIn>>);
    const { user, identifier, password, submit } = setup();
    await user.type(identifier, "jean.dupont.auditeur");
    await user.type(password, "mot de passe");
    await user.click(submit);

    expect(await screen.findByRole("alert")).toHaveTextContent("Trop de tentatives…");
  });

  test("a new attempt clears the previous failure message", async () => {
    signInMock.mockResolvedValueOnce({ ok: false, error: "INVALID_CREDENTIALS", status: 401, url: null });
    const { user, identifier, password, submit } = setup("/#espace");
    await user.type(identifier, "jean.dupont.auditeur");
    await user.type(password, "mauvais");
    await user.click(submit);
    expect(await screen.findByRole("alert")).toBeInTheDocument();

    signInMock.mockResolvedValueOnce({ ok: true, error: null, status: 200, url: "/espace" });
    await user.clear(password);
    await user.type(password, "bon mot de passe");
    await user.click(submit);

    await waitFor(() => expect(window.location.href).toBe("http://localhost/#espace"));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  test("on success it navigates to the callback path", async () => {
    signInMock.mockResolvedValue({ ok: true, error: null, status: 200, url: "/" });
    const { user, identifier, password, submit } = setup("/#suite");
    await user.type(identifier, "jean.dupont.auditeur");
    await user.type(password, "bon mot de passe");
    await user.click(submit);

    await waitFor(() => expect(window.location.href).toBe("http://localhost/#suite"));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  test("on success it starts a full navigation to another page (not a client-side route change)", async () => {
    signInMock.mockResolvedValue({ ok: true, error: null, status: 200, url: "/auditeur" });
    const { user, identifier, password, submit } = setup("/auditeur/nouvelle-demande");
    await user.type(identifier, "jean.dupont.auditeur");
    await user.type(password, "bon mot de passe");
    await user.click(submit);

    await waitFor(() => expect(navigationAttempts()).toBe(1));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  test("an answer marked ok but carrying an error does not navigate", async () => {
    signInMock.mockResolvedValue({ ok: true, error: "INVALID_CREDENTIALS", status: 200, url: null });
    const { user, identifier, password, submit } = setup();
    await user.type(identifier, "jean.dupont.auditeur");
    await user.type(password, "mot de passe");
    await user.click(submit);

    expect(await screen.findByRole("alert")).toHaveTextContent("Identifiant ou mot de passe incorrect.");
    expect(navigationAttempts()).toBe(0);
    expect(window.location.href).toBe("http://localhost/");
  });
});

describe("LoginForm: « Afficher le mot de passe »", () => {
  test("the checkbox shows the password as typed, and hides it again", async () => {
    render(<LoginForm callbackPath="/espace" caps={fieldCaps(loginSchema)} />);
    const password = screen.getByLabelText("Mot de passe", { exact: true });
    expect(password).toHaveAttribute("type", "password");
    await userEvent.click(screen.getByLabelText("Afficher le mot de passe"));
    expect(password).toHaveAttribute("type", "text");
    await userEvent.click(screen.getByLabelText("Afficher le mot de passe"));
    expect(password).toHaveAttribute("type", "password");
  });
});
