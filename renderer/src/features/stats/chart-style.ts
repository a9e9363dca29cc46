// How the rate chart looks. It draws on a canvas, which cannot use CSS variables: its
// colours are read from the theme (app.css) each time it is built, so a light/dark
// switch rebuilds it in the new colours instead of leaving near-black labels on a dark
// background.

export interface ChartColors {
  /** Axis labels: the theme's secondary text colour, readable on the panel. */
  labels: string;
  grid: string;
  rx: string;
  rxFill: string;
  tx: string;
}

/** `read` gives the value of a custom property (getComputedStyle(el).getPropertyValue). */
export function chartColors(read: (property: string) => string): ChartColors {
  const rx = read('--chart-rx').trim();
  return {
    labels: read('--muted').trim(),
    grid: read('--border').trim(),
    rx,
    rxFill: withAlpha(rx, 0.12),
    tx: read('--chart-tx').trim(),
  };
}

/** #rgb or #rrggbb with an alpha, as rgba(); any other colour is returned as it is. */
export function withAlpha(color: string, alpha: number): string {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color)?.[1];
  if (!hex) return color;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/** How one rate line is drawn (the subset of uPlot's series options the chart sets). */
export interface LineStyle {
  label: string;
  stroke: string;
  width: number;
  fill?: string;
  dash?: number[];
}

/**
 * rx, then tx on top of it. Where the two are equal (a guest pinging the host) the
 * lines coincide: tx is dashed and thinner, so rx shows through its gaps and along
 * its edges, and both stay visible.
 */
export function lineStyles(c: ChartColors): [LineStyle, LineStyle] {
  return [
    { label: 'rx', stroke: c.rx, fill: c.rxFill, width: 2 },
    { label: 'tx', stroke: c.tx, width: 1.5, dash: [6, 4] },
  ];
}
