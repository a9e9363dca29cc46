// Text that goes into an nft script from outside: interface names and comments.
// nft's quoted strings have no escape for '"', so anything that could end the
// string (or the line) is refused or left out, never passed through.

/** Characters Linux allows in interface names that are also safe inside nft quotes. */
export const NFT_IFACE_CHARS = /^[A-Za-z0-9_.+@-]*$/;
const IFACE = /^[A-Za-z0-9_.+@-]{1,15}$/;

/** An interface name as an nft string literal; throws for names we cannot quote safely. */
export function nftIface(name: string): string {
  if (!IFACE.test(name)) {
    throw new Error(`firewall: interface name ${JSON.stringify(name)} is not usable in an nft rule`);
  }
  return `"${name}"`;
}

const COMMENT_SAFE = /^[A-Za-z0-9 ._+:/@()-]{1,120}$/;

/** A comment literal when the text is plainly safe, else undefined (leave it out). */
export function nftComment(text: string): string | undefined {
  return COMMENT_SAFE.test(text) ? `"${text}"` : undefined;
}
