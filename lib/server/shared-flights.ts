import "server-only";

/**
 * Identical work in flight done once for everyone waiting on it, and stopped when nobody
 * waits any more: each waiter's signal only takes that waiter away; when the last one has
 * gone, the work's own signal aborts (so a load nobody waits for stops spending the
 * upstream budget). A waiter that joins late is first told every event the work has sent
 * so far, then the rest as they come — it sees what the first waiter saw.
 */

export interface FlightStart<T, E> {
  (signal: AbortSignal, emit: (event: E) => void): Promise<T>;
}

export interface JoinOptions<E> {
  /** Leaves the flight (it goes on while others wait). Without one, the waiter never leaves. */
  signal?: AbortSignal;
  onEvent?: (event: E) => void;
}

export interface SharedFlights<T, E> {
  /** Joins the flight of `key`, or starts it with `start`. `joined`: it was already running. */
  join(
    key: string,
    start: FlightStart<T, E>,
    opts?: JoinOptions<E>,
  ): { result: Promise<T>; joined: boolean };
  /** Flights running now, and how many wait on each (for tests and stats). */
  waiting(key: string): number;
}

interface Flight<T, E> {
  controller: AbortController;
  promise: Promise<T>;
  waiters: number;
  events: E[];
  listeners: Set<(event: E) => void>;
}

export function createSharedFlights<T, E = never>(): SharedFlights<T, E> {
  const flights = new Map<string, Flight<T, E>>();

  function begin(key: string, start: FlightStart<T, E>): Flight<T, E> {
    const controller = new AbortController();
    const flight: Flight<T, E> = {
      controller,
      waiters: 0,
      events: [],
      listeners: new Set(),
      promise: Promise.resolve() as Promise<never>,
    };
    const emit = (event: E) => {
      if (flights.get(key) !== flight) return;
      flight.events.push(event);
      for (const listener of flight.listeners) listener(event);
    };
    // registered before the work's first await, so every concurrent caller finds it
    flights.set(key, flight);
    const run = async () => start(controller.signal, emit);
    flight.promise = run().finally(() => {
      if (flights.get(key) === flight) flights.delete(key);
    });
    return flight;
  }

  return {
    join(key, start, opts = {}) {
      const running = flights.get(key);
      const joined = running !== undefined && !running.controller.signal.aborted;
      const flight = joined ? running : begin(key, start);
      const { signal, onEvent } = opts;
      if (signal?.aborted) {
        if (!joined && flight.waiters === 0) flight.controller.abort(signal.reason);
        return { result: Promise.reject(signal.reason as Error), joined };
      }
      flight.waiters++;
      if (onEvent) {
        for (const event of flight.events) onEvent(event);
        flight.listeners.add(onEvent);
      }
      let left = false;
      const leave = () => {
        if (left) return;
        left = true;
        if (onEvent) flight.listeners.delete(onEvent);
        flight.waiters--;
      };
      if (!signal) {
        return { result: flight.promise.finally(leave), joined };
      }
      const result = new Promise<T>((resolve, reject) => {
        const onAbort = () => {
          leave();
          if (flight.waiters === 0) flight.controller.abort(signal.reason);
          reject(signal.reason as Error);
        };
        signal.addEventListener("abort", onAbort, { once: true });
        flight.promise.then(resolve, reject).finally(() => {
          signal.removeEventListener("abort", onAbort);
          leave();
        });
      });
      return { result, joined };
    },
    waiting: (key) => flights.get(key)?.waiters ?? 0,
  };
}
