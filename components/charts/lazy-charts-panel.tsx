"use client";

import dynamic from "next/dynamic";

import type { ChartsPanelProps } from "./charts-panel";
import { ChartsSkeleton } from "./charts-skeleton";

// Recharts stays out of the first-load bundle: the panel is fetched after hydration.
const ChartsPanel = dynamic(() => import("./charts-panel").then((m) => m.ChartsPanel), {
  ssr: false,
  loading: () => <ChartsSkeleton />,
});

export interface LazyChartsPanelProps extends ChartsPanelProps {
  /** While the calls load, the skeleton shows instead of charts of a partial result. */
  loading?: boolean;
}

export function LazyChartsPanel({ loading = false, ...props }: LazyChartsPanelProps) {
  return loading ? <ChartsSkeleton /> : <ChartsPanel {...props} />;
}
