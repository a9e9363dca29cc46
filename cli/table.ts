// virsh's table layout: one leading space, columns left-aligned and three spaces
// apart (the last one unpadded), a dashed line two longer than the header, and a
// blank line after the rows. Scripts parse this, so it matches virsh exactly.
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    ` ${cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('   ')}`.trimEnd();
  const headerLine = line(header);
  const width = 1 + widths.reduce((a, b) => a + b, 0) + 3 * (widths.length - 1);
  return `${headerLine}\n${'-'.repeat(width + 2)}\n${rows.map((r) => `${line(r)}\n`).join('')}\n`;
}

/** virsh's `Key:  value` blocks (net-info): keys padded to 16 columns. */
export function formatFields(fields: readonly [string, string][]): string {
  return `${fields.map(([k, v]) => `${`${k}:`.padEnd(16)}${v}`).join('\n')}\n\n`;
}
