"use client";

import dynamic from "next/dynamic";

import type { HeatmapPanelProps } from "./heatmap-panel";
import { HeatmapSkeleton } from "./heatmap-skeleton";

// Its code loads after hydration, like the charts beside it.
const HeatmapPanel = dynamic(() => import("./heatmap-panel").then((m) => m.HeatmapPanel), {
  ssr: false,
  loading: () => <HeatmapSkeleton />,
});

export function LazyHeatmapPanel({
  conversations,
  ...props
}: Omit<HeatmapPanelProps, "conversations"> & {
  conversations: HeatmapPanelProps["conversations"] | null;
}) {
  return conversations ? (
    <HeatmapPanel conversations={conversations} {...props} />
  ) : (
    <HeatmapSkeleton />
  );
}
