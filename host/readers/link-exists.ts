// Whether a network interface exists in this process's network namespace, without
// privileges or a process start: /sys/class/net lists the namespace's links (ip
// netns exec mounts the namespace's own sysfs).
import { existsSync } from 'node:fs';

export function linkExists(name: string): boolean {
  // Validated bridge names never hold '/', but a status file is only as good as its writer.
  return (
    name !== '' &&
    !name.includes('/') &&
    name !== '.' &&
    name !== '..' &&
    existsSync(`/sys/class/net/${name}`)
  );
}
