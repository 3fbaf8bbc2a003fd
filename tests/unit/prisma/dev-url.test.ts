import { devNextAuthUrl, devPort } from "@/prisma/scripts/dev-url";

describe("npm run dev: the port and the NEXTAUTH_URL that goes with it", () => {
  test("the port comes from -p / --port, then PORT, then 3000", () => {
    expect(devPort(undefined, [])).toBe("3000");
    expect(devPort("3700", [])).toBe("3700");
    expect(devPort("3700", ["-p", "4100"])).toBe("4100");
    expect(devPort(undefined, ["--port=4200"])).toBe("4200");
    expect(devPort(undefined, ["--port", "4300"])).toBe("4300");
  });

  test("without NEXTAUTH_URL, the local address on the dev port", () => {
    expect(devNextAuthUrl(undefined, "3700")).toBe("http://localhost:3700");
  });

  test("a local NEXTAUTH_URL on another port follows the dev port", () => {
    expect(devNextAuthUrl("http://localhost:3000", "3700")).toBe("http://localhost:3700");
    expect(devNextAuthUrl("http://127.0.0.1:3000/", "3001")).toBe("http://127.0.0.1:3001");
  });

  test("a real host name is kept as configured", () => {
    expect(devNextAuthUrl("https://d3-dev.example.fr", "3700")).toBe("https://d3-dev.example.fr");
  });
});
