export interface CliIo {
  out(text: string): void;
  env: NodeJS.ProcessEnv;
}

export interface Verb {
  name: string;
  usage: string;
  summary: string;
  run(argv: readonly string[], io: CliIo): Promise<void>;
}
