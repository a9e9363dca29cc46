// nftables: scripts go to `nft -f -` on stdin, so a whole table is one transaction.
import { runCommand } from './run-command.js';

export const NFT_BINARY = 'nft';

export async function nftApply(script: string): Promise<void> {
  await runCommand(NFT_BINARY, ['-f', '-'], { input: script });
}

export interface NftTable {
  family: string;
  name: string;
}

export async function nftListTables(): Promise<NftTable[]> {
  const out = await runCommand(NFT_BINARY, ['-j', 'list', 'tables']);
  const doc = JSON.parse(out) as { nftables?: { table?: { family: string; name: string } }[] };
  return (doc.nftables ?? []).flatMap((e) =>
    e.table ? [{ family: e.table.family, name: e.table.name }] : [],
  );
}

/** The whole ruleset as nft's JSON document (root only). */
export async function nftListRuleset(): Promise<unknown> {
  return JSON.parse(await runCommand(NFT_BINARY, ['-j', 'list', 'ruleset']));
}

/** Whether the kernel would accept SCRIPT (`nft -c`: checked, never committed). */
export async function nftCheck(script: string): Promise<boolean> {
  try {
    await runCommand(NFT_BINARY, ['-c', '-f', '-'], { input: script });
    return true;
  } catch {
    return false;
  }
}
