import { act, render, screen } from "@testing-library/react";
import { LiveRequest } from "@/components/requests/LiveRequest";

const router = { refresh: jest.fn() };
jest.mock("next/navigation", () => ({ useRouter: () => router }));

/** Stands for the browser's EventSource; the tests play the server's part. */
class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static instances: FakeEventSource[] = [];

  readyState = FakeEventSource.CONNECTING;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();

  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }

  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close() {
    this.readyState = FakeEventSource.CLOSED;
  }

  open() {
    act(() => {
      this.readyState = FakeEventSource.OPEN;
      this.onopen?.();
    });
  }

  posted(version: number) {
    act(() => {
      for (const listener of this.listeners.get("posted") ?? []) listener(new MessageEvent("posted", { data: JSON.stringify({ version }) }));
    });
  }

  change(version: number, state = "IN_REVIEW") {
    act(() => {
      for (const listener of this.listeners.get("change") ?? []) listener(new MessageEvent("change", { data: JSON.stringify({ version, state }) }));
    });
  }

  /** The server's « ended » (the session is over), before it closes the stream: the browser would reconnect. */
  ended() {
    act(() => {
      for (const listener of this.listeners.get("ended") ?? []) listener(new MessageEvent("ended", { data: "{}" }));
      if (this.readyState !== FakeEventSource.CLOSED) {
        this.readyState = FakeEventSource.CONNECTING;
        this.onerror?.();
      }
    });
  }

  /** A dropped connection the browser will retry (CONNECTING), or a refused one (CLOSED). */
  fail(readyState = FakeEventSource.CONNECTING) {
    act(() => {
      this.readyState = readyState;
      this.onerror?.();
    });
  }
}

/** The page as the server rendered it: a deposited diploma request, followed by its learner. */
const PAGE = { requestId: "req-1", state: "SUBMITTED", subject: "Votre demande de diplôme" } as const;
const ANNOUNCEMENT = "Votre demande de diplôme est passée à l'état : En instruction.";

function latestSource(): FakeEventSource {
  const source = FakeEventSource.instances.at(-1);
  if (!source) throw new Error("no EventSource was opened");
  return source;
}

/** What fetch resolves to, reduced to what the component reads (jsdom has no Response). */
function answer(version: number, status = 200) {
  return Promise.resolve({ ok: status === 200, status, json: async () => ({ version, state: "IN_REVIEW" }) });
}

let fetchMock: jest.Mock;
let visibility: DocumentVisibilityState;

beforeEach(() => {
  router.refresh.mockReset();
  FakeEventSource.instances = [];
  Object.defineProperty(window, "EventSource", { value: FakeEventSource, configurable: true, writable: true });
  fetchMock = jest.fn(() => answer(4));
  global.fetch = fetchMock as unknown as typeof fetch;
  visibility = "visible";
  jest.spyOn(document, "visibilityState", "get").mockImplementation(() => visibility);
});

afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

describe("LiveRequest with server-sent events", () => {
  test("listens to the request's stream and refreshes only for a newer version, once per version", () => {
    render(<LiveRequest {...PAGE} version={4} />);
    const source = latestSource();
    expect(source.url).toBe("/api/demandes/req-1/flux");
    source.open();

    source.change(4);
    source.change(3);
    expect(router.refresh).not.toHaveBeenCalled();
    expect(screen.queryByText(ANNOUNCEMENT)).not.toBeInTheDocument();

    source.change(5);
    expect(router.refresh).toHaveBeenCalledTimes(1);
    source.change(5);
    expect(router.refresh).toHaveBeenCalledTimes(1);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  test("a new message refreshes the page although the version does not change", () => {
    render(<LiveRequest {...PAGE} version={4} />);
    const source = latestSource();
    source.open();
    source.posted(4);
    expect(router.refresh).toHaveBeenCalledTimes(1);
  });

  test("announces the update politely, and shows nothing else", () => {
    const { container } = render(<LiveRequest {...PAGE} version={4} />);
    const region = container.querySelector('[aria-live="polite"]');
    expect(region).toBeInTheDocument();
    expect(region).toHaveClass("sr-only");
    expect(region).toHaveTextContent("");

    latestSource().change(6);
    expect(region).toHaveTextContent(ANNOUNCEMENT);
  });

  test("says what changed: the new state, a change that keeps the state, a new message", () => {
    const { container } = render(<LiveRequest {...PAGE} version={4} />);
    const region = container.querySelector('[aria-live="polite"]');
    const source = latestSource();
    source.change(5, "CORRECTION_REQUESTED");
    expect(region).toHaveTextContent("Votre demande de diplôme est passée à l'état : Complément demandé.");
    source.change(6, "CORRECTION_REQUESTED");
    expect(region).toHaveTextContent("Votre demande de diplôme a été mise à jour ; son état reste : Complément demandé.");
    source.posted(6);
    expect(region).toHaveTextContent("Nouveau message sur votre demande de diplôme.");
    source.change(7, "not-a-state");
    expect(region).toHaveTextContent("Votre demande de diplôme a été mise à jour ; son état reste : Complément demandé.");
  });

  test("a re-render with the refreshed version does not refresh again", () => {
    const { rerender } = render(<LiveRequest {...PAGE} version={4} />);
    const source = latestSource();
    source.change(5);
    rerender(<LiveRequest {...PAGE} version={5} />);
    source.change(5);
    expect(router.refresh).toHaveBeenCalledTimes(1);
    expect(FakeEventSource.instances).toHaveLength(1);
  });

  test("closes the stream when the page goes away", () => {
    const { unmount } = render(<LiveRequest {...PAGE} version={4} />);
    const source = latestSource();
    unmount();
    expect(source.readyState).toBe(FakeEventSource.CLOSED);
  });

  test("once the server says the session ended, the stream is closed for good: no reconnection, no polling", async () => {
    jest.useFakeTimers();
    render(<LiveRequest {...PAGE} version={4} />);
    const source = latestSource();
    source.open();
    source.ended();
    expect(source.readyState).toBe(FakeEventSource.CLOSED);
    await act(() => jest.advanceTimersByTimeAsync(10_000));
    expect(fetchMock).not.toHaveBeenCalled();
    expect(FakeEventSource.instances).toHaveLength(1);
  });

  test("errors separated by a successful reconnection do not give up the stream", () => {
    jest.useFakeTimers();
    render(<LiveRequest {...PAGE} version={4} />);
    const source = latestSource();
    source.fail();
    source.fail();
    source.open();
    source.fail();
    source.fail();
    expect(source.readyState).not.toBe(FakeEventSource.CLOSED);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe("LiveRequest polling fallback", () => {
  test("after 3 errors in a row, closes the stream and polls every 3 s, refreshing on a newer version", async () => {
    jest.useFakeTimers();
    render(<LiveRequest {...PAGE} version={4} />);
    const source = latestSource();
    source.fail();
    source.fail();
    expect(fetchMock).not.toHaveBeenCalled();
    source.fail();
    expect(source.readyState).toBe(FakeEventSource.CLOSED);
    await act(() => jest.advanceTimersByTimeAsync(0));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]![0]).toBe("/api/demandes/req-1/etat");
    expect(router.refresh).not.toHaveBeenCalled();

    fetchMock.mockImplementation(() => answer(5));
    await act(() => jest.advanceTimersByTimeAsync(3_000));
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(router.refresh).toHaveBeenCalledTimes(1);
    expect(screen.getByText(ANNOUNCEMENT)).toBeInTheDocument();

    await act(() => jest.advanceTimersByTimeAsync(3_000));
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(router.refresh).toHaveBeenCalledTimes(1);
  });

  test("polls at once when the browser refuses the stream (no automatic reconnection)", async () => {
    jest.useFakeTimers();
    render(<LiveRequest {...PAGE} version={4} />);
    latestSource().fail(FakeEventSource.CLOSED);
    await act(() => jest.advanceTimersByTimeAsync(0));
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  test("without EventSource, polls from the start, pauses while the tab is hidden and resumes when it is shown", async () => {
    jest.useFakeTimers();
    Object.defineProperty(window, "EventSource", { value: undefined, configurable: true, writable: true });
    render(<LiveRequest {...PAGE} version={4} />);
    await act(() => jest.advanceTimersByTimeAsync(3_000));
    expect(fetchMock).toHaveBeenCalledTimes(2);

    visibility = "hidden";
    act(() => void document.dispatchEvent(new Event("visibilitychange")));
    await act(() => jest.advanceTimersByTimeAsync(30_000));
    expect(fetchMock).toHaveBeenCalledTimes(2);

    fetchMock.mockImplementation(() => answer(7));
    visibility = "visible";
    act(() => void document.dispatchEvent(new Event("visibilitychange")));
    await act(() => jest.advanceTimersByTimeAsync(0));
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(router.refresh).toHaveBeenCalledTimes(1);
  });

  test("stops polling once the request is no longer visible to this user (404)", async () => {
    jest.useFakeTimers();
    Object.defineProperty(window, "EventSource", { value: undefined, configurable: true, writable: true });
    fetchMock.mockImplementation(() => answer(0, 404));
    render(<LiveRequest {...PAGE} version={4} />);
    await act(() => jest.advanceTimersByTimeAsync(30_000));
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  test("stops polling when the page goes away", async () => {
    jest.useFakeTimers();
    Object.defineProperty(window, "EventSource", { value: undefined, configurable: true, writable: true });
    const { unmount } = render(<LiveRequest {...PAGE} version={4} />);
    await act(() => jest.advanceTimersByTimeAsync(0));
    unmount();
    await act(() => jest.advanceTimersByTimeAsync(30_000));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(jest.getTimerCount()).toBe(0);
  });
});
