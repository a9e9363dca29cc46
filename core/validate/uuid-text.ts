// libvirt's virUUIDParse is liberal: surrounding blanks, and '-' or ' ' before
// any hex-digit pair, as long as there are exactly 32 hex digits.

export function isValidUuid(text: string): boolean {
  return /^[ \t\n\v\f\r]*(?:[- ]*[0-9a-fA-F]{2}){16}[ \t\n\v\f\r]*$/.test(text);
}
