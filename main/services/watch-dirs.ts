// Watching the state directories so a change made elsewhere (the CLI in a terminal,
// dnsmasq writing a lease) reaches the window within a second. fs.watch needs the
// directory to exist, and the engine creates them lazily, so missing ones are retried.
import { existsSync, type FSWatcher, watch } from 'node:fs';

export interface DirWatch {
  close(): void;
}

export function watchDirs(dirs: string[], onChange: () => void, debounceMs = 100): DirWatch {
  const watchers = new Map<string, FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  const fire = () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  };
  const attach = () => {
    for (const dir of dirs) {
      if (watchers.has(dir) || !existsSync(dir)) continue;
      try {
        const w = watch(dir, { persistent: false }, fire);
        w.on('error', () => {
          w.close();
          watchers.delete(dir);
        });
        watchers.set(dir, w);
        fire();
      } catch {
        // Raced with a removal: the next round tries again.
      }
    }
  };
  attach();
  const retry = setInterval(attach, 1000);
  retry.unref();
  return {
    close() {
      clearInterval(retry);
      clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}
