// The helper's loop: read lines, answer each one in order, one request at a time.
// Whatever arrives, the answer is a response line; nothing a client sends can end
// the loop except closing stdin (finish what was sent, then exit) or stop()
// (SIGTERM: finish the request in flight, refuse the rest, exit).
import type { Readable, Writable } from 'node:stream';
import {
  HELPER_PROTOCOL,
  type HelperEvent,
  type HelperEventData,
  type HelperRequest,
  MAX_LINE_BYTES,
  type RequestId,
  type ResponseLine,
  type WireError,
} from '../contract/helper.js';
import { type HelperBackend, handleRequest } from './handle-request.js';
import { type LineEvent, LineSplitter } from './line-splitter.js';
import { parseRequestLine } from './parse-request.js';
import { toWireError } from './to-wire-error.js';

export interface ServeOptions {
  input: Readable;
  output: Writable;
  backend: HelperBackend;
  /** Runs before the helper answers anything: reconcile what a crash left. */
  prepare(): Promise<void>;
  log(message: string): void;
  identity: { pid: number; uid: number };
  maxLineBytes?: number;
}

export interface Serving {
  /** Resolves when the helper has nothing left to do and may exit. */
  done: Promise<void>;
  /** SIGTERM: finish or roll back the request in flight, refuse what is queued. */
  stop(reason: string): void;
}

/** Lines held before reading pauses, so a flooding client cannot grow memory. */
const QUEUE_HIGH_WATER = 8;

export function serve(opts: ServeOptions): Serving {
  const splitter = new LineSplitter(opts.maxLineBytes ?? MAX_LINE_BYTES);
  const queue: LineEvent[] = [];
  let inputEnded = false;
  let stopping: string | undefined;
  let greeted = false;
  let ready = false;
  let busy = false;
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });

  const write = (line: ResponseLine | { event: HelperEvent; data: HelperEventData<HelperEvent> }): void => {
    if (!opts.output.writable) return;
    opts.output.write(`${JSON.stringify(line)}\n`);
  };
  const answer = (id: RequestId | null, error: WireError): void => write({ id, ok: false, error });

  const enqueue = (events: LineEvent[]): void => {
    queue.push(...events);
    if (queue.length >= QUEUE_HIGH_WATER) opts.input.pause();
    void pump();
  };

  opts.input.on('data', (chunk: Buffer) => enqueue(splitter.push(chunk)));
  opts.input.on('end', () => {
    inputEnded = true;
    enqueue(splitter.end());
  });
  opts.input.on('error', (err) => {
    opts.log(`stdin failed: ${err.message}`);
    inputEnded = true;
    void pump();
  });
  opts.output.on('error', (err) => {
    // The client is gone; nobody reads answers any more.
    if (stopping === undefined) stop(`stdout failed: ${err.message}`);
  });

  async function pump(): Promise<void> {
    if (busy || !ready) return;
    busy = true;
    try {
      for (let next = queue.shift(); next; next = queue.shift()) {
        if (queue.length < QUEUE_HIGH_WATER && stopping === undefined) opts.input.resume();
        if (stopping !== undefined) answer(idIfAny(next), { code: 'helper-unavailable', message: stopping });
        else await serveOne(next);
      }
    } finally {
      busy = false;
    }
    if (inputEnded || stopping !== undefined) finish();
  }

  async function serveOne(event: LineEvent): Promise<void> {
    if (event.kind === 'oversized') {
      opts.log(`refused a ${event.bytes}-byte line`);
      return answer(null, {
        code: 'invalid-input',
        message: `request line longer than ${MAX_LINE_BYTES} bytes`,
      });
    }
    const parsed = parseRequestLine(event.bytes);
    if (!parsed.ok) {
      opts.log(`refused: ${parsed.error.message}`);
      return answer(parsed.id, parsed.error);
    }
    await dispatch(parsed.request);
  }

  async function dispatch(request: HelperRequest): Promise<void> {
    if (request.method === 'hello') {
      const protocol = request.params.protocol;
      if (protocol !== HELPER_PROTOCOL)
        return answer(request.id, {
          code: 'helper-unavailable',
          message: `the installed switchyard-helper speaks protocol ${HELPER_PROTOCOL}, this client ${protocol}; install matching versions`,
        });
      greeted = true;
      return write({ id: request.id, ok: true, result: { protocol: HELPER_PROTOCOL, ...opts.identity } });
    }
    if (!greeted)
      return answer(request.id, { code: 'invalid-input', message: `'${request.method}' before hello` });
    const started = Date.now();
    try {
      const result = await handleRequest(opts.backend, request);
      opts.log(`#${request.id} ${request.method} ok in ${Date.now() - started} ms`);
      write({ id: request.id, ok: true, result });
      // The doctor's methods name no network; a repair may change several (the list re-reads anyway).
      if ('name' in result) write({ event: 'changed', data: { name: result.name } });
    } catch (err) {
      const error = toWireError(err);
      opts.log(`#${request.id} ${request.method} failed: ${error.code}: ${error.message}`);
      answer(request.id, error);
    }
  }

  function stop(reason: string): void {
    if (stopping !== undefined) return;
    stopping = reason;
    opts.log(`stopping: ${reason}`);
    opts.input.pause();
    void pump();
  }

  opts
    .prepare()
    .catch((err: unknown) => opts.log(`reconcile failed (each change retries it): ${(err as Error).message}`))
    .then(() => {
      if (stopping !== undefined) return finish();
      write({ event: 'ready', data: { protocol: HELPER_PROTOCOL, pid: opts.identity.pid } });
      ready = true;
      void pump();
    });

  return { done, stop };
}

/** A queued line refused during shutdown still gets its id back when it has one. */
function idIfAny(event: LineEvent): RequestId | null {
  if (event.kind !== 'line') return null;
  const parsed = parseRequestLine(event.bytes);
  return parsed.ok ? parsed.request.id : parsed.id;
}
