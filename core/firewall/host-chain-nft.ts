// The same accepts as our iptables rules, written for an nftables chain of somebody
// else's ruleset (the doctor's fix for a hand-written /etc/nftables.conf): one
// source for what a network needs, two syntaxes. Interface names match by name
// (iifname), not index, so the rules load at boot before our bridge exists.
import type { HostChainRule } from './host-chain-rules.js';

export function nftAcceptFor(rule: HostChainRule): string {
  const a = rule.args;
  const words: string[] = [];
  const ip = rule.family === 'ipv4' ? 'ip' : 'ip6';
  for (let i = 0; i < a.length; i++) {
    const value = a[i + 1] ?? '';
    switch (a[i]) {
      case '-i':
        words.push(`iifname "${value}"`);
        break;
      case '-o':
        words.push(`oifname "${value}"`);
        break;
      case '-s':
        words.push(`${ip} saddr ${value}`);
        break;
      case '-d':
        words.push(`${ip} daddr ${value}`);
        break;
      case '--dport':
      case '--sport':
        words.push(`${protoBefore(a, i)} ${a[i] === '--dport' ? 'dport' : 'sport'} ${value}`);
        break;
      case '--ctstate':
        words.push(`ct state ${value.toLowerCase()}`);
        break;
      case '--comment':
        words.push(`comment "${value}"`);
        break;
      default:
        continue;
    }
    i++;
  }
  // nft wants the comment last, after the verdict.
  const comment = words.filter((w) => w.startsWith('comment '));
  return [...words.filter((w) => !w.startsWith('comment ')), 'accept', ...comment].join(' ');
}

function protoBefore(args: string[], at: number): string {
  const p = args.lastIndexOf('-p', at);
  return p >= 0 ? (args[p + 1] ?? 'udp') : 'udp';
}
