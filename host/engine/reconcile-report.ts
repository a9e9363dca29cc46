// What reconcile did, for its log lines and for the tests that pin each repair.
export interface ReconcileReport {
  /** Starts a crash cut short, undone; stops a crash cut short, finished. */
  undoneStarts: string[];
  finishedStops: string[];
  /** Live updates a crash cut short: dnsmasq's files brought to the live XML. */
  finishedUpdates: string[];
  /** Networks whose bridge had vanished (or is no longer ours): cleaned and marked inactive. */
  stopped: string[];
  /** Networks whose status JSON was damaged, rebuilt from the live XML. */
  repairedStatus: string[];
  /** Networks whose dnsmasq was dead and has been started again. */
  restartedDnsmasq: string[];
  removedBridges: string[];
  removedTables: string[];
  killedDnsmasq: number[];
  removedFiles: string[];
  /** Tables of running networks that somebody removed (a `flush ruleset`), loaded again. */
  restoredTables: string[];
  /** 'NAME: N': accepts inserted into host iptables chains that started dropping after the start. */
  restoredHostRules: string[];
  /** Host-wide sysctls put back to the value found before our first start. */
  restoredSysctls: string[];
  /**
   * NetworkManager's list of our bridges, when it was out of date and was rewritten:
   * the bridges it names now. A list, like every field, so an empty report is all empty.
   */
  rewroteNetworkManager: string[];
  /** What was missing of a running network's guest objects and was made again ('NAME: what'). */
  repairedGuests: string[];
  /** Our qemu access list, when it did not match the running networks and was rewritten. */
  rewroteQemuAcl: string[];
}

export function emptyReport(): ReconcileReport {
  return {
    undoneStarts: [],
    finishedStops: [],
    finishedUpdates: [],
    stopped: [],
    repairedStatus: [],
    restartedDnsmasq: [],
    removedBridges: [],
    removedTables: [],
    killedDnsmasq: [],
    removedFiles: [],
    restoredTables: [],
    restoredHostRules: [],
    restoredSysctls: [],
    rewroteNetworkManager: [],
    repairedGuests: [],
    rewroteQemuAcl: [],
  };
}

export function reportLines(r: ReconcileReport): string[] {
  return [
    ...r.undoneStarts.map((n) => `reconcile: undid the start of network '${n}' that was cut short`),
    ...r.finishedStops.map((n) => `reconcile: finished stopping network '${n}'`),
    ...r.finishedUpdates.map((n) => `reconcile: finished the live update of network '${n}'`),
    ...r.stopped.map((n) => `reconcile: network '${n}' lost its bridge; cleaned up and marked inactive`),
    ...r.repairedStatus.map((n) => `reconcile: rebuilt the damaged status of network '${n}'`),
    ...r.restartedDnsmasq.map((n) => `reconcile: restarted dnsmasq of network '${n}'`),
    ...r.removedBridges.map((b) => `reconcile: removed leftover bridge ${b}`),
    ...r.removedTables.map((t) => `reconcile: removed leftover nftables table inet ${t}`),
    ...r.killedDnsmasq.map((p) => `reconcile: stopped leftover dnsmasq ${p}`),
    ...r.removedFiles.map((f) => `reconcile: removed leftover file ${f}`),
    ...r.restoredTables.map((t) => `reconcile: loaded nftables table inet ${t} again (it had been removed)`),
    ...r.restoredHostRules.map(
      (n) => `reconcile: network ${n} accept rule(s) added to host iptables chains that drop`,
    ),
    ...r.restoredSysctls.map(
      (p) => `reconcile: put ${p.replaceAll('/', '.')} back as it was before Switchyard`,
    ),
    ...r.rewroteNetworkManager.map((b) => `reconcile: rewrote NetworkManager's list of our bridges: ${b}`),
    ...r.repairedGuests.map((g) => `reconcile: restored ${g}`),
    ...r.rewroteQemuAcl.map((f) => `reconcile: rewrote ${f} to match the running networks`),
  ];
}
