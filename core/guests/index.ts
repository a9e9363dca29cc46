// Guests on a network: how to connect a VM, who may attach through qemu-bridge-helper,
// and the ports a stopped network remembers.
export { type ConnectSnippets, connectSnippets } from './connect-snippets.js';
export {
  SWITCHYARD_NAMESPACE,
  unprivilegedAttach,
  withUnprivilegedAttach,
} from './guest-settings.js';
export {
  aclFileBridges,
  aclFileName,
  aclFileText,
  aclNameProblem,
  BRIDGE_CONF,
  includeLine,
  withInclude,
} from './qemu-acl.js';
export {
  formatRememberedPorts,
  parseRememberedPorts,
  type RememberedPort,
  type RememberedPorts,
} from './remembered-ports.js';
