// Switchyard's files on the host: definitions, statuses, intents, the lock and the identity index.

export { withLock } from './lock.js';
export { listActiveNames, readActive, readDefinitionXml } from './state-store.js';
