import { decode, type JWT, type JWTDecodeParams } from "next-auth/jwt";
import { BoundedMap } from "@/lib/shared/bounded-map";

/** Tokens remembered, the oldest forgotten first: a few hundred sessions at a time is this app's scale. */
const KEPT = 2000;
const known = new BoundedMap<string, { secret: string | Buffer; salt: string; token: JWT }>(KEPT);

/**
 * NextAuth's decoding of the session cookie, remembered per token: every request reads the cookie
 * twice (proxy.ts, then lib/auth/session.ts), and each decoding derives the key (HKDF) and
 * decrypts, for the same few tokens again and again. A token is a pure function of its text and the
 * secret, so its first decoding holds until it expires; a token that does not decode is never kept.
 * The Session row behind it is still checked on every request (lib/auth/session.ts).
 */
export async function decodeSessionToken(params: JWTDecodeParams): Promise<JWT | null> {
  const { token: text, secret, salt = "" } = params;
  if (!text) return null;
  const kept = known.get(text);
  if (kept && kept.secret === secret && kept.salt === salt && unexpired(kept.token)) return { ...kept.token };
  if (kept) known.delete(text);
  const token = await decode(params);
  if (token && unexpired(token)) {
    known.set(text, { secret, salt, token: { ...token } });
  }
  return token;
}

/** NextAuth's tokens carry their expiry (`exp`, in seconds): one without is not kept. */
function unexpired(token: JWT): boolean {
  return typeof token.exp === "number" && token.exp * 1000 > Date.now();
}
