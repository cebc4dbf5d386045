// Charts drawn on <canvas> by Chart.js (no inline styles or scripts: they work
// under the server's CSP). Labels are drawn as pixels, so any text is inert.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from "chart.js";
import { useEffect, useRef } from "preact/hooks";
import { SEVERITIES, type Severity } from "../types";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Filler);

export const SEVERITY_COLORS: Record<Severity, string> = {
  critical: "#7f1d1d",
  high: "#dc2626",
  medium: "#f59e0b",
  low: "#3b82f6",
  informational: "#94a3b8",
};

export function severitySeries(by: Partial<Record<Severity, number>>): { labels: string[]; values: number[] } {
  return { labels: SEVERITIES.slice(), values: SEVERITIES.map((s) => by[s] ?? 0) };
}

function useChart(make: (canvas: HTMLCanvasElement) => Chart, deps: unknown[]) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = make(ref.current);
    return () => chart.destroy();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return ref;
}

const animation = { duration: 0 } as const;

export function SeverityChart({ bySeverity }: { bySeverity: Partial<Record<Severity, number>> }) {
  const { labels, values } = severitySeries(bySeverity);
  const ref = useChart(
    (canvas) =>
      new Chart(canvas, {
        type: "bar",
        data: {
          labels,
          datasets: [
            { label: "Open findings", data: values, backgroundColor: SEVERITIES.map((s) => SEVERITY_COLORS[s]) },
          ],
        },
        options: {
          animation,
          responsive: true,
          maintainAspectRatio: false,
          plugins: { tooltip: { enabled: true } },
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        },
      }),
    [values.join(",")],
  );
  return (
    <div class="chart-box">
      <canvas ref={ref} data-testid="chart-severity" role="img" aria-label={`Open findings by severity: ${labels.map((l, i) => `${l} ${values[i]}`).join(", ")}`} />
    </div>
  );
}

export function OpenOverTimeChart({ points }: { points: { date: string; open: number }[] }) {
  const key = points.map((p) => `${p.date}:${p.open}`).join(",");
  const ref = useChart(
    (canvas) =>
      new Chart(canvas, {
        type: "line",
        data: {
          labels: points.map((p) => p.date),
          datasets: [
            {
              label: "Open findings",
              data: points.map((p) => p.open),
              borderColor: "#1d4ed8",
              backgroundColor: "rgba(29, 78, 216, 0.15)",
              fill: true,
              tension: 0.2,
              // A trend of one day (the first scan) is a single point: make it visible.
              pointRadius: points.length === 1 ? 5 : 3,
            },
          ],
        },
        options: {
          animation,
          responsive: true,
          maintainAspectRatio: false,
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        },
      }),
    [key],
  );
  return (
    <div class="chart-box">
      <canvas ref={ref} data-testid="chart-open-over-time" role="img" aria-label="Open findings over time" />
    </div>
  );
}
