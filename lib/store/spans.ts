/**
 * Coverage as interval algebra, pure: which spans of time the store holds completely, and
 * what a new fetch changes. Spans are half-open, [from, to), in epoch ms.
 */

export interface Span {
  from: number;
  to: number;
}

export interface CoverageSpan extends Span {
  /** When the fetch began: every call visible upstream by then is in the store. */
  fetchedAt: number;
  complete: boolean;
  /** Fetched long enough after its end that no late record can still arrive in it. */
  settled: boolean;
}

export interface FetchedSpan extends Span {
  fetchedAt: number;
  complete: boolean;
}

/** The parts of `span` outside every one of `holes`. */
export function subtract(span: Span, holes: readonly Span[]): Span[] {
  let parts: Span[] = span.to > span.from ? [{ from: span.from, to: span.to }] : [];
  for (const hole of holes) {
    if (hole.to <= hole.from) continue;
    parts = parts.flatMap((part) => {
      if (hole.to <= part.from || hole.from >= part.to) return [part];
      const left = { from: part.from, to: hole.from };
      const right = { from: hole.to, to: part.to };
      return [left, right].filter((p) => p.to > p.from);
    });
  }
  return parts;
}

/** Sorted, with overlapping or touching spans joined. */
export function union(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.to > s.from).sort((a, b) => a.from - b.from);
  const out: Span[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span.from <= last.to) last.to = Math.max(last.to, span.to);
    else out.push({ from: span.from, to: span.to });
  }
  return out;
}

/** The parts of `range` none of `covering` holds. */
export function gaps(range: Span, covering: readonly Span[]): Span[] {
  return subtract(range, union(covering));
}

export function totalLength(spans: readonly Span[]): number {
  return spans.reduce((sum, s) => sum + Math.max(0, s.to - s.from), 0);
}

/** Joins touching spans of one kind; the joined span is as old as its oldest part. */
function merge(spans: CoverageSpan[]): CoverageSpan[] {
  const sorted = [...spans].sort((a, b) => a.from - b.from);
  const out: CoverageSpan[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span.from <= last.to) {
      last.to = Math.max(last.to, span.to);
      last.fetchedAt = Math.min(last.fetchedAt, span.fetchedAt);
    } else out.push({ ...span });
  }
  return out;
}

/**
 * The coverage of one filter after a fetch, from the spans it touches (`existing`: every
 * span that overlaps or touches the fetched one). A complete fetch replaces older
 * unsettled and incomplete coverage where it lies; its part that ended at least
 * `settleMs` before the fetch began is settled, and settled spans join each other. An
 * incomplete fetch only records itself (it covers nothing).
 */
export function applyFetch(
  existing: readonly CoverageSpan[],
  fetched: FetchedSpan,
  settleMs: number,
): CoverageSpan[] {
  if (fetched.to <= fetched.from) return existing.map((s) => ({ ...s }));
  if (!fetched.complete) {
    const kept = existing.filter((s) => s.complete || s.from < fetched.from || s.to > fetched.to);
    return [
      ...kept.map((s) => ({ ...s })),
      { ...span(fetched), fetchedAt: fetched.fetchedAt, complete: false, settled: false },
    ];
  }
  const settledTo = Math.min(fetched.to, Math.max(fetched.from, fetched.fetchedAt - settleMs));
  const settled: CoverageSpan[] = [];
  const unsettled: CoverageSpan[] = [];
  const incomplete: CoverageSpan[] = [];
  for (const s of existing) {
    if (s.complete && s.settled) settled.push({ ...s });
    else {
      const into = s.complete ? unsettled : incomplete;
      for (const part of subtract(s, [fetched])) into.push({ ...s, ...part });
    }
  }
  if (settledTo > fetched.from) {
    settled.push({
      from: fetched.from,
      to: settledTo,
      fetchedAt: fetched.fetchedAt,
      complete: true,
      settled: true,
    });
  }
  const mergedSettled = merge(settled);
  for (const part of subtract({ from: settledTo, to: fetched.to }, mergedSettled)) {
    unsettled.push({ ...part, fetchedAt: fetched.fetchedAt, complete: true, settled: false });
  }
  // settled beats unsettled where both lie (clocks of two instances may disagree)
  const unsettledLeft = unsettled.flatMap((s) =>
    subtract(s, mergedSettled).map((part) => ({ ...s, ...part })),
  );
  return [...mergedSettled, ...merge(unsettledLeft), ...incomplete].sort(
    (a, b) => a.from - b.from || Number(b.complete) - Number(a.complete),
  );
}

function span(s: Span): Span {
  return { from: s.from, to: s.to };
}
