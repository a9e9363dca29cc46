// Guests on a network: who is attached, and the user's permission to attach.

export { currentBridge, currentDefinition } from './current-definition.js';
