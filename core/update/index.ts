// net-update: one change to one section of a network definition, libvirt's way.
export { applyCheckedNetworkUpdate, applyNetworkUpdate } from './apply-update.js';
export {
  type EffectiveCommand,
  effectiveCommand,
  isUpdateCommand,
  isUpdateSection,
  type NetworkUpdateRequest,
  UPDATE_COMMANDS,
  UPDATE_SECTIONS,
  type UpdateCommand,
  type UpdateSection,
} from './update-request.js';
