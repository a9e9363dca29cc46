// The changes a caller may ask for. Registry implements it in-process (as root); the
// client of the root helper implements it over the helper protocol. CLI and app code
// depend on this interface, never on which side does the work.
export interface NetworkControl {
  define(xml: string): Promise<{ name: string; uuid: string }>;
  create(xml: string): Promise<{ name: string; uuid: string }>;
  start(net: string): Promise<void>;
  destroy(net: string): Promise<void>;
  undefine(net: string): Promise<void>;
  setAutostart(net: string, on: boolean): Promise<void>;
}
