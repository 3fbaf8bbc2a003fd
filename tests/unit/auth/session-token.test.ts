import { encode } from "next-auth/jwt";
import { decodeSessionToken } from "@/lib/auth/session-token";

// NextAuth's own decode, counted: the memo must spare it for a token already read, never more.
jest.mock("next-auth/jwt", () => {
  const actual = jest.requireActual("next-auth/jwt");
  return { ...actual, decode: jest.fn(actual.decode) };
});
const { decode } = jest.requireMock("next-auth/jwt") as { decode: jest.Mock };

const SECRET = "a-test-secret-of-enough-length-for-nextauth";
const claims = { sub: "user-1", sid: "session-1", role: "AUDITEUR" as const, profileComplete: true };

beforeEach(() => {
  decode.mockClear();
  jest.useRealTimers();
});

test("a token is decrypted once, then read from memory as a copy the caller may change", async () => {
  const token = await encode({ token: claims, secret: SECRET, maxAge: 3600 });
  const first = await decodeSessionToken({ token, secret: SECRET });
  expect(first).toMatchObject(claims);
  first!.sid = "changed";
  expect(await decodeSessionToken({ token, secret: SECRET })).toMatchObject({ sid: "session-1" });
  expect(decode).toHaveBeenCalledTimes(1);
});

test("another secret or salt decodes again (and fails as NextAuth's decode fails)", async () => {
  const token = await encode({ token: claims, secret: SECRET, maxAge: 3600 });
  await decodeSessionToken({ token, secret: SECRET });
  await expect(decodeSessionToken({ token, secret: `${SECRET}-other` })).rejects.toThrow();
  await expect(decodeSessionToken({ token, secret: SECRET, salt: "other" })).rejects.toThrow();
  expect(decode).toHaveBeenCalledTimes(3);
});

test("a remembered token past its expiry is decoded again, and refused", async () => {
  const token = await encode({ token: claims, secret: SECRET, maxAge: 60 });
  expect(await decodeSessionToken({ token, secret: SECRET })).toMatchObject(claims);
  jest.useFakeTimers({ now: Date.now() + 10 * 60_000 });
  await expect(decodeSessionToken({ token, secret: SECRET })).rejects.toThrow(/exp/);
  expect(decode).toHaveBeenCalledTimes(2);
});

test("a forged or garbled token is refused every time, never remembered", async () => {
  await expect(decodeSessionToken({ token: "not-a-token", secret: SECRET })).rejects.toThrow();
  await expect(decodeSessionToken({ token: "not-a-token", secret: SECRET })).rejects.toThrow();
  expect(decode).toHaveBeenCalledTimes(2);
  expect(await decodeSessionToken({ token: "", secret: SECRET })).toBeNull();
});
