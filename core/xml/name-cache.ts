// Element and attribute names repeat thousands of times in a large definition
// (<host mac=... name=... ip=...>). Handing out one string per distinct name,
// instead of a fresh slice of the source each time, saves an allocation per name
// and so garbage-collector time while the editor re-parses on every keystroke.

const SLOTS = 256;

export class NameCache {
  private readonly slots: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);

  /** text.slice(start, end), reusing an equal string handed out before when there is one. */
  get(text: string, start: number, end: number): string {
    const length = end - start;
    const slot = (length * 31 + text.charCodeAt(start) * 7 + text.charCodeAt(end - 1)) & (SLOTS - 1);
    const cached = this.slots[slot];
    if (cached !== undefined && cached.length === length && text.startsWith(cached, start)) return cached;
    // A miss (a new name, or two names sharing a slot): the newest wins the slot.
    const name = text.slice(start, end);
    this.slots[slot] = name;
    return name;
  }
}
