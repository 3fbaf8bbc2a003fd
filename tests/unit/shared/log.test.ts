import { Writable } from "node:stream";
import { headers } from "next/headers";
import { createLogger, requestLogger } from "@/lib/shared/log";
import { REQUEST_ID_HEADER, requestIdOf } from "@/lib/shared/request-id";

jest.mock("next/headers", () => ({ headers: jest.fn() }));

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      done();
    },
  });
  const read = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger: createLogger(destination, "info"), read };
}

test("the logger masks passwords, tokens, secrets and email addresses, at the top level and one level down", () => {
  const { logger, read } = capture();
  logger.info({ event: "test.redaction", userId: "u1", password: "hunter2", token: "abc", email: "zoe@example.fr", user: { email: "zoe@example.fr", password: "p", displayName: "Zoé Lefèvre" }, reset: { token: "t" }, secret: "s" }, "masked");
  const [line] = read();
  expect(line).toMatchObject({ event: "test.redaction", userId: "u1", password: "[masqué]", token: "[masqué]", email: "[masqué]", secret: "[masqué]", reset: { token: "[masqué]" } });
  expect(line?.user).toEqual({ email: "[masqué]", password: "[masqué]", displayName: "[masqué]" });
  expect(JSON.stringify(line)).not.toMatch(/hunter2|zoe@example|Lefèvre/);
});

test("an error is logged with its message and stack, under err", () => {
  const { logger, read } = capture();
  logger.error({ event: "test.error", err: new Error("boom") }, "failed");
  expect(read()[0]).toMatchObject({ level: 50, event: "test.error", err: { type: "Error", message: "boom", stack: expect.stringContaining("boom") } });
});

test("requestLogger adds the id of the request being served, and nothing outside a request", async () => {
  jest.mocked(headers).mockResolvedValueOnce(new Headers({ [REQUEST_ID_HEADER]: "lb-0123456789" }) as never);
  expect((await requestLogger({ route: "sante" })).bindings()).toMatchObject({ route: "sante", reqId: "lb-0123456789" });
  // What headers() does when called outside a request scope.
  jest.mocked(headers).mockRejectedValueOnce(new Error("`headers` was called outside a request scope"));
  const outside = (await requestLogger({ route: "sante" })).bindings();
  expect(outside).toMatchObject({ route: "sante" });
  expect(outside).not.toHaveProperty("reqId");
});

test("a request id: the load balancer's is kept when it looks like one, anything else is replaced by a new UUID", () => {
  const given = new Headers({ [REQUEST_ID_HEADER]: "lb-5f2c9a10-0001" });
  expect(requestIdOf(given)).toBe("lb-5f2c9a10-0001");
  const injected = requestIdOf(new Headers({ [REQUEST_ID_HEADER]: "x {\"level\":60}" }));
  expect(injected).toMatch(/^[0-9a-f-]{36}$/);
  expect(requestIdOf(new Headers())).not.toBe(requestIdOf(new Headers()));
});
