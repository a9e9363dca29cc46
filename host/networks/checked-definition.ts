// A definition parsed and validated by core in this process, passed on instead of its
// text so the next layer (the helper's request handler → the registry) does not parse
// and validate it again. Only `read` makes one, so holding one proves the check ran.
import { readNetworkDefinition } from '../../core/definition.js';
import type { NetworkDef } from '../../core/model/index.js';
import { problemError } from '../problem-error.js';

export class CheckedDefinition {
  private constructor(
    readonly def: NetworkDef,
    /** The text it was read from, as received. */
    readonly source: string | Uint8Array,
  ) {}

  /** Parses and validates SOURCE, throwing core's first problem as a HostError. */
  static read(source: string | Uint8Array): CheckedDefinition {
    const parsed = readNetworkDefinition(source);
    if (!parsed.ok) throw problemError(parsed.error);
    return new CheckedDefinition(parsed.value, source);
  }
}

/** The checked definition of SOURCE: read now if it is text, as is if it was checked already. */
export const checkedDefinitionOf = (source: DefinitionSource): NetworkDef =>
  (source instanceof CheckedDefinition ? source : CheckedDefinition.read(source)).def;

export type DefinitionSource = string | Uint8Array | CheckedDefinition;
