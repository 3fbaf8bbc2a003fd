/** @jest-environment node */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ipFromHeaders, installPeerAddressStamp, PEER_HEADER } from "@/lib/shared/request-ip";

const request = (peer: string | null, forwardedFor?: string) => new Headers({ ...(peer !== null ? { [PEER_HEADER]: peer } : {}), ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) });

describe("ipFromHeaders", () => {
  it("without TRUSTED_PROXIES, a client's X-Forwarded-For (or X-Real-IP) is ignored: the connection's address counts", () => {
    const env = {};
    // The probe's finding: a forged header used to be recorded as the client's address.
    expect(ipFromHeaders(request("198.51.100.2", "203.0.113.7"), env)).toBe("198.51.100.2");
    expect(ipFromHeaders(new Headers({ [PEER_HEADER]: "198.51.100.2", "x-real-ip": "203.0.113.7" }), env)).toBe("198.51.100.2");
    expect(ipFromHeaders(request("::ffff:198.51.100.2"), env)).toBe("198.51.100.2");
    expect(ipFromHeaders(request("2001:db8::1"), env)).toBe("2001:db8::1");
  });

  it("without the connection's address (stamp not installed), nothing is believed", () => {
    expect(ipFromHeaders(request(null, "203.0.113.7"), {})).toBeNull();
    expect(ipFromHeaders(request(null, "203.0.113.7"), { TRUSTED_PROXIES: "0.0.0.0/0" })).toBeNull();
    expect(ipFromHeaders(request("pas une adresse", "203.0.113.7"), {})).toBeNull();
  });

  it("behind trusted proxies, X-Forwarded-For is read from the right, up to the first address that is not a trusted proxy", () => {
    const env = { TRUSTED_PROXIES: "10.0.0.0/8, 192.168.1.10" };
    expect(ipFromHeaders(request("10.0.0.5", "203.0.113.7"), env)).toBe("203.0.113.7");
    // The client forged a first hop: the proxy appended the real address after it.
    expect(ipFromHeaders(request("10.0.0.5", "1.2.3.4, 203.0.113.7"), env)).toBe("203.0.113.7");
    // Two trusted proxies in a row.
    expect(ipFromHeaders(request("10.0.0.5", "1.2.3.4, 203.0.113.7, 192.168.1.10"), env)).toBe("203.0.113.7");
    // A forged "trusted" hop on the left does not help: the first untrusted from the right counts.
    expect(ipFromHeaders(request("10.0.0.5", "10.9.9.9, 203.0.113.7"), env)).toBe("203.0.113.7");
    // No header from a trusted proxy: the proxy itself is the closest known address.
    expect(ipFromHeaders(request("10.0.0.5"), env)).toBe("10.0.0.5");
    // Garbage written on the client's side of the chain stops the reading there.
    expect(ipFromHeaders(request("10.0.0.5", "<script>, 10.0.0.7"), env)).toBe("10.0.0.7");
  });

  it("a connection from an address that is not a trusted proxy is the client, even with a header", () => {
    expect(ipFromHeaders(request("198.51.100.2", "203.0.113.7"), { TRUSTED_PROXIES: "10.0.0.0/8" })).toBe("198.51.100.2");
  });
});

describe("installPeerAddressStamp", () => {
  it("stamps each request with its connection's address, overwriting what the client sent under that name", async () => {
    installPeerAddressStamp();
    installPeerAddressStamp(); // once only
    const seen: (string | undefined)[] = [];
    const server = http.createServer((req, res) => {
      seen.push(req.headers[PEER_HEADER] as string | undefined);
      res.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { [PEER_HEADER]: "203.0.113.7", "x-forwarded-for": "203.0.113.7" } });
      expect(await response.text()).toBe("ok");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(seen).toEqual(["127.0.0.1"]);
  });
});
