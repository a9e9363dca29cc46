// The host's iptables filter table as `iptables -S` prints it, and the one question
// the planner and doctor ask of it: does a built-in chain drop what nobody accepted
// (a DROP policy, as Docker and ufw set it, or a final unconditional DROP/REJECT,
// as firewalld's iptables backend ends FORWARD with)? Rules of ours are found by
// their comment (host-chain-rules.ts).
import type { HostChain } from './host-chain-rules.js';

export interface IptablesRule {
  chain: string;
  /** The words after `-A CHAIN`, quotes removed. */
  args: string[];
  /** The line as iptables printed it, for evidence. */
  line: string;
  comment?: string;
}

export interface IptablesListing {
  policies: Record<string, string>;
  rules: IptablesRule[];
}

export function parseIptablesListing(text: string): IptablesListing {
  const listing: IptablesListing = { policies: {}, rules: [] };
  for (const line of text.split('\n')) {
    const words = splitWords(line.trim());
    if (words[0] === '-P' && words[1] && words[2]) listing.policies[words[1]] = words[2];
    if (words[0] === '-A' && words[1]) {
      const args = words.slice(2);
      const at = args.indexOf('--comment');
      const comment = at >= 0 ? args[at + 1] : undefined;
      listing.rules.push({ chain: words[1], args, line: line.trim(), ...(comment ? { comment } : {}) });
    }
  }
  return listing;
}

/** What makes the chain drop unknown packets, as the line that does it; undefined when it accepts them. */
export function chainDropEvidence(listing: IptablesListing, chain: HostChain): string | undefined {
  const policy = listing.policies[chain];
  if (policy === 'DROP' || policy === 'REJECT') return `-P ${chain} ${policy}`;
  const last = listing.rules.filter((r) => r.chain === chain).at(-1);
  return last && isUnconditionalDrop(last.args) ? last.line : undefined;
}

/** `-j DROP` / `-j REJECT …` with no match before it (a comment is no match). */
function isUnconditionalDrop(args: string[]): boolean {
  const j = args.indexOf('-j');
  if (j < 0 || !['DROP', 'REJECT'].includes(args[j + 1] ?? '')) return false;
  const before = args.slice(0, j);
  const at = before.findIndex((w, k) => w === '-m' && before[k + 1] === 'comment');
  const matches = at >= 0 ? [...before.slice(0, at), ...before.slice(at + 4)] : before;
  return matches.length === 0;
}

/** The comments of the rules in CHAIN, for telling which of ours are there. */
export function commentsIn(listing: IptablesListing, chain: string): Set<string> {
  return new Set(listing.rules.filter((r) => r.chain === chain && r.comment).map((r) => r.comment as string));
}

/** Shell-like words: iptables quotes comments with spaces in double quotes, escaping '"' and '\'. */
function splitWords(line: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (line[i] === ' ') i++;
    if (i >= line.length) break;
    let word = '';
    if (line[i] === '"') {
      i++;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '\\' && i + 1 < line.length) i++;
        word += line[i++];
      }
      i++;
    } else {
      while (i < line.length && line[i] !== ' ') word += line[i++];
    }
    words.push(word);
  }
  return words;
}
