// Pure helpers of the dashboard: where the open-findings trend starts.

export interface DayPoint {
  date: string; // "2026-11-30", a UTC day as the server counts them
  open: number;
}

// The trend from the first scan on: the server answers a fixed window of days and
// counts the days before any scan as 0, a line that would read as "nothing open".
// It starts at the first scan's day, or at the first day with open findings when
// that is earlier (older scans may have been pruned from the history); with
// neither known there is nothing to draw.
export function trendFromFirstScan(points: DayPoint[], firstScanAt: string | null | undefined): DayPoint[] {
  const starts: string[] = [];
  if (firstScanAt && !Number.isNaN(Date.parse(firstScanAt))) starts.push(new Date(firstScanAt).toISOString().slice(0, 10));
  const firstOpen = points.find((p) => p.open > 0);
  if (firstOpen) starts.push(firstOpen.date);
  if (starts.length === 0) return [];
  const start = starts.sort()[0];
  return points.filter((p) => p.date >= start);
}
