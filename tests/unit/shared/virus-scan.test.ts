import { parseScanReply, scannerSettings, ScannerUnavailableError } from "@/lib/shared/storage/virus-scan";

test("clamd's INSTREAM replies: clean, infected with the signature's name, anything else is no verdict", () => {
  expect(parseScanReply("stream: OK")).toEqual({ clean: true });
  expect(parseScanReply("stream: Eicar-Test-Signature FOUND")).toEqual({ clean: false, signature: "Eicar-Test-Signature" });
  expect(parseScanReply("stream: Win.Trojan.Agent-1 (a) FOUND")).toEqual({ clean: false, signature: "Win.Trojan.Agent-1 (a)" });
  for (const reply of ["INSTREAM size limit exceeded. ERROR", "", "stream: OK FOUND?", "UNKNOWN COMMAND"]) {
    expect(() => parseScanReply(reply)).toThrow(ScannerUnavailableError);
  }
});

test("settings: off when unset or disabled; TCP with port 3310 by default; the socket wins over TCP", () => {
  expect(scannerSettings({})).toEqual({ mode: "off" });
  expect(scannerSettings({ CLAMAV_HOST: "clamd", CLAMAV_DISABLED: "true" })).toEqual({ mode: "off" });
  expect(scannerSettings({ CLAMAV_HOST: "clamd" })).toEqual({ mode: "tcp", host: "clamd", port: 3310, timeoutMs: 30_000 });
  expect(scannerSettings({ CLAMAV_HOST: "clamd", CLAMAV_PORT: "3311", CLAMAV_TIMEOUT_MS: "5000" })).toEqual({ mode: "tcp", host: "clamd", port: 3311, timeoutMs: 5_000 });
  expect(scannerSettings({ CLAMAV_SOCKET: "/run/clamav/clamd.ctl", CLAMAV_HOST: "clamd" })).toEqual({ mode: "socket", path: "/run/clamav/clamd.ctl", timeoutMs: 30_000 });
  expect(() => scannerSettings({ CLAMAV_PORT: "x" })).toThrow(/CLAMAV_PORT/);
});
