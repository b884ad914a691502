import { afterEach, expect, test, vi } from 'vitest';

vi.mock('../../api', async (original) => ({
  ...(await original<typeof import('../../api')>()),
  api: { eventsUrl: (id: number) => `/events/${id}` },
}));

const { LiveFeed } = await import('./liveFeed');

/** An EventSource the test drives. */
class FakeEventSource {
  static CLOSED = 2;
  static all: FakeEventSource[] = [];
  readyState = 0;
  private readonly listeners = new Map<string, (e: { data: string }) => void>();
  constructor() {
    FakeEventSource.all.push(this);
  }
  addEventListener(type: string, fn: (e: { data: string }) => void) {
    this.listeners.set(type, fn);
  }
  fire(type: string) {
    this.listeners.get(type)?.({ data: '{}' });
  }
  close() {
    this.readyState = 2;
  }
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  FakeEventSource.all = [];
});

test('a stream the server refused is opened again; it is not live until it opens, and reads what it missed then', () => {
  vi.useFakeTimers();
  vi.stubGlobal('EventSource', FakeEventSource);
  const listener = { batch: vi.fn(), opened: vi.fn(), reconnecting: vi.fn() };
  const feed = new LiveFeed(1, listener);
  feed.open();
  FakeEventSource.all[0].fire('open');
  expect(listener.opened).toHaveBeenCalledTimes(1);

  FakeEventSource.all[0].readyState = FakeEventSource.CLOSED; // e.g. a 503 from a proxy: the browser gives up
  FakeEventSource.all[0].fire('error');
  expect(listener.reconnecting).toHaveBeenCalledTimes(1);
  vi.advanceTimersByTime(1999);
  expect(FakeEventSource.all).toHaveLength(1);
  vi.advanceTimersByTime(1);
  expect(FakeEventSource.all).toHaveLength(2);
  FakeEventSource.all[1].fire('open');
  expect(listener.opened).toHaveBeenCalledTimes(2);

  feed.close(); // the search ended: no more reopening
  FakeEventSource.all[1].fire('error');
  vi.advanceTimersByTime(10_000);
  expect(FakeEventSource.all).toHaveLength(2);
});
