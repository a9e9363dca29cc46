// Which bridges this window asks main to sample: the open Statistics tab's bridge and
// the list's visible active rows. The union changes often while scrolling, so main is
// told only when it actually differs.
export class WatchSet {
  private readonly owners = new Map<string, Set<string>>();
  private sent = '';

  /** `owner` (e.g. 'list', 'details') now wants exactly these bridges. */
  set(owner: string, bridges: readonly string[]): void {
    if (bridges.length === 0) this.owners.delete(owner);
    else this.owners.set(owner, new Set(bridges));
  }

  union(): string[] {
    const all = new Set<string>();
    for (const s of this.owners.values()) for (const b of s) all.add(b);
    return [...all].sort();
  }

  /** The union when it differs from what was last sent, else undefined. */
  changed(): string[] | undefined {
    const u = this.union();
    const key = u.join(',');
    if (key === this.sent) return undefined;
    this.sent = key;
    return u;
  }

  /** After a reconnect main knows nothing: the next changed() sends again. */
  reset(): void {
    this.sent = '';
  }
}
