import { render, screen } from "@testing-library/react";
import { UserBox } from "@/components/layout/UserBox";
import { useCurrentUser } from "@/components/layout/CurrentUser";

jest.mock("@/components/layout/CurrentUser", () => ({ useCurrentUser: jest.fn() }));
jest.mock("@/components/layout/LogoutButton", () => ({ LogoutButton: () => null }));
const current = jest.mocked(useCurrentUser);

const me = (unread: number) => ({ me: { displayName: "Hugo Roux", role: "AUDITEUR" as const, roleLabel: "Auditeur", unread, sessionSecondsLeft: 3600 } });

test.each([
  [1, "Notifications : 1 non lue"],
  [2, "Notifications : 2 non lues"],
])("the unread count agrees with its number (%i)", (unread, name) => {
  current.mockReturnValue(me(unread) as unknown as ReturnType<typeof useCurrentUser>);
  render(<UserBox />);
  expect(screen.getByRole("link", { name: /^Notifications/ })).toHaveAccessibleName(name);
});
