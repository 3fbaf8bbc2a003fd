import { ipFromHeaders } from "@/lib/shared/request-ip";

describe("ipFromHeaders", () => {
  it("takes the first X-Forwarded-For hop, then X-Real-IP", () => {
    expect(ipFromHeaders(new Headers({ "x-forwarded-for": "203.0.113.7, 10.0.0.1", "x-real-ip": "10.0.0.1" }))).toBe("203.0.113.7");
    expect(ipFromHeaders(new Headers({ "x-real-ip": "198.51.100.2" }))).toBe("198.51.100.2");
    expect(ipFromHeaders(new Headers())).toBeNull();
  });
});
