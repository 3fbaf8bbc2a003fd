import { getCurrentUser } from "@/lib/auth/session";
import { queueExportHandler } from "@/lib/requests/queue-export";
import { createStaff } from "../../support/requests";

jest.mock("@/lib/auth/session", () => ({ getCurrentUser: jest.fn() }));
const sessionUser = jest.mocked(getCurrentUser);

const get = (space: "centre" | "national") => queueExportHandler(space)(new Request(`http://localhost/${space}/export?etat=IN_REVIEW`));

test("the CSV export: 401 anonymous, 403 from another space, a streamed UTF-8 file with BOM otherwise", async () => {
  sessionUser.mockResolvedValue(null);
  expect((await get("centre")).status).toBe(401);

  const agent = await createStaff("AGENT_CENTRE", "PARIS");
  sessionUser.mockResolvedValue({ ...agent, sessionId: "s", identifier: "a", displayName: "A", profileComplete: true });
  expect((await get("national")).status).toBe(403);
  const response = await get("centre");
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toContain("text/csv");
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(new TextDecoder().decode(bytes)).toContain("Numéro;Type;État");

  const admin = await createStaff("ADMIN");
  sessionUser.mockResolvedValue({ ...admin, sessionId: "s", identifier: "b", displayName: "B", profileComplete: true });
  expect((await get("centre")).status).toBe(403);
});
