// What the engine knows about a running network, beside the live XML that
// net-dumpxml prints. Written last on start and removed last on stop, so its presence
// means "fully started"; reconcile uses `completed` to undo a start that a crash cut short.
export interface NetworkStatus {
  name: string;
  uuid: string;
  bridge: string;
  /** nftables table owned by this network (absent in open mode). */
  table?: string;
  dnsmasqPid?: number;
  /** false for net-create networks, and for defined networks undefined while running. */
  persistent: boolean;
  startedAt: string;
}
