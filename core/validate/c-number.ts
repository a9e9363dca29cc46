// Unsigned numbers written as C's strtoul with base 0 reads them, which is how
// libvirt reads PCI address parts and virtualport ids: 0x.. hex, 0.. octal, else decimal.

export function parseCNumber(text: string): number | undefined {
  if (/^0[xX][0-9a-fA-F]+$/.test(text)) return Number.parseInt(text.slice(2), 16);
  if (/^0[0-7]*$/.test(text)) return Number.parseInt(text, 8);
  if (/^[1-9][0-9]*$/.test(text)) return Number(text);
  return undefined;
}
