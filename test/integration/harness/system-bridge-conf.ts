// qemu-bridge-helper reads /etc/qemu/bridge.conf, a path compiled into it, so a test
// that attaches a VM through the helper has to own that file for a while: it keeps
// what the machine had (the file, or that there was none, and whether /etc/qemu
// existed), writes its own, and puts the machine's back in restore(), which the
// tests call in afterAll and which also runs when the process exits.
import { existsSync, mkdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';

export const SYSTEM_BRIDGE_CONF = '/etc/qemu/bridge.conf';
const DIR = '/etc/qemu';

export interface SystemBridgeConf {
  write(content: string): void;
  restore(): void;
}

export function takeSystemBridgeConf(): SystemBridgeConf {
  const dirExisted = existsSync(DIR);
  const saved = existsSync(SYSTEM_BRIDGE_CONF)
    ? { content: readFileSync(SYSTEM_BRIDGE_CONF), mode: statSync(SYSTEM_BRIDGE_CONF).mode & 0o7777 }
    : undefined;
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    process.off('exit', restore);
    if (saved) writeFileSync(SYSTEM_BRIDGE_CONF, saved.content, { mode: saved.mode });
    else rmSync(SYSTEM_BRIDGE_CONF, { force: true });
    if (!dirExisted) rmdirSync(DIR);
  };
  process.on('exit', restore);
  return {
    write: (content) => {
      mkdirSync(DIR, { recursive: true, mode: 0o755 });
      writeFileSync(SYSTEM_BRIDGE_CONF, content, { mode: 0o644 });
    },
    restore,
  };
}
