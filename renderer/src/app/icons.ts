// The one icon set of the app (Lucide, @lucide/svelte): each icon imported by its own
// path so the bundle carries only these, under the name the UI uses it for.

export { default as IconBridge } from '@lucide/svelte/icons/cable';
export { default as IconClone } from '@lucide/svelte/icons/copy';
export { default as IconExport } from '@lucide/svelte/icons/download';
export { default as IconNat } from '@lucide/svelte/icons/globe';
export { default as IconOpen } from '@lucide/svelte/icons/lock-open';
export { default as IconVm } from '@lucide/svelte/icons/monitor';
export { default as IconNetwork } from '@lucide/svelte/icons/network';
export { default as IconStart } from '@lucide/svelte/icons/play';
export { default as IconNew } from '@lucide/svelte/icons/plus';
export { default as IconRestart } from '@lucide/svelte/icons/rotate-cw';
export { default as IconRouted } from '@lucide/svelte/icons/route';
export { default as IconSearch } from '@lucide/svelte/icons/search';
export { default as IconIsolated } from '@lucide/svelte/icons/shield';
export { default as IconStop } from '@lucide/svelte/icons/square';
export { default as IconTerminal } from '@lucide/svelte/icons/terminal';
export { default as IconDelete } from '@lucide/svelte/icons/trash-2';
export { default as IconAlert } from '@lucide/svelte/icons/triangle-alert';
export { default as IconDisconnected } from '@lucide/svelte/icons/unplug';
export { default as IconImport } from '@lucide/svelte/icons/upload';
export { default as IconClose } from '@lucide/svelte/icons/x';
