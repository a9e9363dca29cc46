// The udhcpc event script (Debian's busybox ships none). Test harness only: it
// configures the leased address and default route and prints one "lease ..." line.
export const UDHCPC_SCRIPT = `#!/bin/sh
case "$1" in
  deconfig)
    ip -4 addr flush dev "$interface"
    ip link set "$interface" up
    ;;
  bound|renew)
    ip -4 addr flush dev "$interface"
    ip addr add "$ip/\${mask:-24}" dev "$interface"
    if [ -n "$router" ]; then
      ip route replace default via "\${router%% *}" dev "$interface"
    fi
    echo "lease ip=$ip prefix=\${mask:-24} router=\${router:-none} dns=\${dns:-none} domain=\${domain:-none}"
    ;;
esac
exit 0
`;

export interface Lease {
  ip: string;
  prefix: number;
  router?: string;
  dns?: string;
  domain?: string;
  /** From udhcpc start to the lease. */
  ms: number;
}

export function parseLease(stdout: string, ms: number): Lease | undefined {
  const m = /^lease ip=(\S+) prefix=(\d+) router=(\S+) dns=(\S+) domain=(\S+)/m.exec(stdout);
  if (!m) return undefined;
  const opt = (v: string | undefined) => (v && v !== 'none' ? v.split(' ')[0] : undefined);
  return {
    ip: m[1] ?? '',
    prefix: Number(m[2]),
    ...(opt(m[3]) ? { router: opt(m[3]) } : {}),
    ...(opt(m[4]) ? { dns: opt(m[4]) } : {}),
    ...(opt(m[5]) ? { domain: opt(m[5]) } : {}),
    ms,
  };
}
