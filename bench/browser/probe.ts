/**
 * In-page side of the grid benchmark (bundled into both static pages): times each action
 * from its start until the change it causes is in the DOM and the frame after it has been
 * produced, and exposes the results to the driver as `window.__bench`.
 */

/** What a page tells the probe about its grid. */
export interface GridAdapter {
  /** Selector matching one element per rendered row. */
  rowSelector: string;
  /** Id of the row shown first, or null when none is rendered. */
  firstRowId: () => string | null;
  /** The scrolling element holding the rows. */
  scroller: () => HTMLElement | null;
  render: () => void;
  sortByDurationDesc: () => void;
  quickFilter: (text: string) => void;
}

export interface ScrollResult {
  frames: number[];
  maxRows: number;
  scrolledPx: number;
}

export interface BenchApi {
  mount(): Promise<number>;
  sort(): Promise<number>;
  filter(text: string): Promise<number>;
  scroll(ms: number, stepPx: number): Promise<ScrollResult>;
  rowElements(): number;
  /** Rows the grid says it shows (its aria-rowcount, less the header row). */
  shownRows(): number;
}

declare global {
  interface Window {
    __bench?: BenchApi;
  }
}

const TIMEOUT_MS = 30_000;

/** Resolves after the next frame: rAF runs before paint, the message task right after it. */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    }),
  );
}

/** Resolves once `done()` holds, checked now and after every DOM mutation. */
export function until(done: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    if (done()) return resolve();
    const observer = new MutationObserver(() => {
      if (!done()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error("timed out waiting for the grid to change"));
    }, TIMEOUT_MS);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

function shownRows(): number {
  const grid = document.querySelector("[role=grid][aria-rowcount], [role=treegrid][aria-rowcount]");
  return Number(grid?.getAttribute("aria-rowcount") ?? NaN) - 1;
}

async function timed(action: () => void, changed: () => boolean): Promise<number> {
  const started = performance.now();
  action();
  await until(changed);
  await afterPaint();
  return performance.now() - started;
}

export function installProbe(grid: GridAdapter): void {
  const rowElements = () => document.querySelectorAll(grid.rowSelector).length;
  window.__bench = {
    mount: () => timed(grid.render, () => rowElements() > 0),
    sort() {
      const before = grid.firstRowId();
      return timed(grid.sortByDurationDesc, () => {
        const first = grid.firstRowId();
        return first !== null && first !== before;
      });
    },
    filter(text) {
      const before = shownRows();
      return timed(
        () => grid.quickFilter(text),
        () => shownRows() !== before,
      );
    },
    scroll(ms, stepPx) {
      const scroller = grid.scroller();
      if (!scroller) return Promise.reject(new Error("no scroller"));
      const frames: number[] = [];
      let maxRows = rowElements();
      const startTop = scroller.scrollTop;
      return new Promise((resolve) => {
        let last = performance.now();
        const end = last + ms;
        const tick = (now: number) => {
          frames.push(now - last);
          last = now;
          maxRows = Math.max(maxRows, rowElements());
          if (now >= end) {
            resolve({
              frames: frames.slice(1),
              maxRows,
              scrolledPx: scroller.scrollTop - startTop,
            });
            return;
          }
          scroller.scrollTop += stepPx;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
    },
    rowElements,
    shownRows,
  };
}
