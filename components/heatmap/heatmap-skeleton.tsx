import { Card } from "@/components/ui/card";

/** The heatmap's place while its code or the conversations load. */
export function HeatmapSkeleton() {
  return (
    <Card aria-hidden="true" className="h-[22rem] animate-pulse p-4">
      <div className="h-4 w-48 rounded bg-slate-100 dark:bg-slate-800" />
    </Card>
  );
}
