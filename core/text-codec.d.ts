// core/ compiles without DOM or Node types, yet runs where both exist. TextEncoder and
// TextDecoder are the only host globals it uses (UTF-8 bytes <-> strings), declared
// here with just the members core calls.
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
