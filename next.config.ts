import type { NextConfig } from "next";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  experimental: {
    authInterrupts: true,
    // A pièce justificative is up to 10 MB (MAX_DOCUMENT_BYTES), plus the multipart envelope.
    serverActions: { bodySizeLimit: "11mb" },
    // proxy.ts runs on every path; Next buffers bodies for it (10 MB by default) and truncates beyond.
    proxyClientMaxBodySize: "11mb",
  },
  serverExternalPackages: ["@node-rs/argon2", "pg", "nodemailer", "pino", "graphile-worker"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // The staff preview of a pièce justificative is shown inside the request page: same origin only.
      { source: "/documents/:id", has: [{ type: "query", key: "apercu", value: "1" }], headers: [{ key: "X-Frame-Options", value: "SAMEORIGIN" }] },
    ];
  },
};

export default nextConfig;
