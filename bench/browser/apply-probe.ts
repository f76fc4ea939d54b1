/**
 * In-page functions for the Apply benchmark (bench/apply-paint.ts), handed to Playwright's
 * page.evaluate: each runs in the /calls page, so they use nothing from outside their body.
 */

export interface Applied {
  /** Click on Apply → a table row in the DOM and the frame after it run. */
  ms: number;
  /** Click on Apply → the page asks /api/calls (Resource Timing startTime). */
  fetchStart: number;
  /** Click on Apply → the first byte of the /api/calls answer. */
  responseStart: number;
  /** Click on Apply → the last byte of the /api/calls answer (Resource Timing; streamed, it may come after the paint). */
  responseEnd: number;
}

export interface Fetched {
  ms: number;
  status: number;
  calls: number;
}

declare global {
  interface Window {
    __applyPainted?: Promise<{ clickedAt: number; paintedAt: number }>;
  }
}

/** fetch + JSON parse of one /api/calls URL, nothing else. */
export async function fetchAndParse(url: string): Promise<Fetched> {
  const started = performance.now();
  const response = await fetch(url, { headers: { accept: "application/json" } });
  const body = (await response.json()) as { calls?: unknown[] };
  return {
    ms: performance.now() - started,
    status: response.status,
    calls: body.calls?.length ?? -1,
  };
}

/** Before the click: notes when Apply is clicked and when a row is painted after it. */
export function armApplyProbe(timeoutMs: number): void {
  window.__applyPainted = new Promise((resolve, reject) => {
    let clickedAt: number | undefined;
    window.addEventListener(
      "click",
      (event) => {
        if (event.target instanceof Element && event.target.closest("button[type=submit]"))
          clickedAt = performance.now();
      },
      { capture: true },
    );
    const observer = new MutationObserver(() => {
      if (clickedAt === undefined || !document.querySelector("tbody [role=row]")) return;
      const clicked = clickedAt;
      observer.disconnect();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () =>
          resolve({ clickedAt: clicked, paintedAt: performance.now() });
        channel.port2.postMessage(null);
      });
    });
    observer.observe(document.body, { childList: true, subtree: true });
    setTimeout(() => reject(new Error(`no row painted within ${timeoutMs} ms`)), timeoutMs);
  });
}

/** After the click: the times the probe noted. `search` picks the page's /api/calls request. */
export async function awaitApply(search: string): Promise<Applied> {
  const painted = await window.__applyPainted;
  if (!painted) throw new Error("probe not armed");
  // a streamed answer paints before its last byte: its timing entry appears when it ends
  // (no named helper here: the bundler would wrap it in a function the page lacks). The
  // path too, not only the search: /api/calls/mode is asked with the same one; and asked
  // after the click, not the fetch+parse measured before it.
  const wanted = `${location.origin}/api/calls${search}`;
  let entry: PerformanceResourceTiming | undefined;
  for (let waited = 0; waited <= 60_000; waited += 100) {
    entry = performance
      .getEntriesByType("resource")
      .filter((e) => e.name === wanted && e.startTime >= painted.clickedAt)
      .pop() as PerformanceResourceTiming | undefined;
    if (entry) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const clicked = painted.clickedAt;
  return {
    ms: painted.paintedAt - clicked,
    fetchStart: entry ? entry.startTime - clicked : Number.NaN,
    responseStart: entry ? entry.responseStart - clicked : Number.NaN,
    responseEnd: entry ? entry.responseEnd - clicked : Number.NaN,
  };
}

/**
 * Waits until the page has run no long task for `quietMs`: a page just loaded is still
 * busy (the view engine, hydration's effects), and a click or a fetch then measures that.
 */
export async function settlePage(quietMs: number): Promise<void> {
  let last = performance.now();
  const observer = new PerformanceObserver(() => {
    last = performance.now();
  });
  observer.observe({ type: "longtask" });
  const deadline = performance.now() + 10_000;
  while (performance.now() - last < quietMs && performance.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
}
