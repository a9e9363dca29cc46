// Turns one request line into a request the contract allows, or into the error the
// helper answers with. Every check is data in contract/helper.ts; this file only
// orders them so the error names the first thing that is wrong.
import type { z } from 'zod';
import {
  type HelperRequest,
  helperMethods,
  isHelperMethod,
  type RequestId,
  requestEnvelope,
  requestId,
  type WireError,
} from '../contract/helper.js';

export type ParsedLine =
  | { ok: true; request: HelperRequest }
  | { ok: false; id: RequestId | null; error: WireError };

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function parseRequestLine(bytes: Buffer): ParsedLine {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return refuse(null, 'the request line is not valid UTF-8');
  }
  if (text.trim() === '') return refuse(null, 'empty request line');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return refuse(null, `the request line is not JSON: ${printable((err as Error).message)}`);
  }
  return parseRequest(value);
}

export function parseRequest(value: unknown): ParsedLine {
  const id = idOf(value);
  const envelope = requestEnvelope.safeParse(value);
  if (!envelope.success) return refuse(id, `malformed request: ${firstIssue(envelope.error)}`);
  const { method, params } = envelope.data;
  if (!isHelperMethod(method)) return refuse(id, `unknown method '${printable(method)}'`);
  const checked = helperMethods[method].params.safeParse(params);
  if (!checked.success) return refuse(id, `${method}: ${firstIssue(checked.error)}`);
  return { ok: true, request: { id: envelope.data.id, method, params: checked.data } as HelperRequest };
}

/** Echo the id whenever there is a usable one, so the client can match the error. */
function idOf(value: unknown): RequestId | null {
  if (typeof value !== 'object' || value === null || !('id' in value)) return null;
  const id = requestId.safeParse((value as { id: unknown }).id);
  return id.success ? id.data : null;
}

/** The first issue, as `path: message`, one line and bounded in length. */
function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.map(String).join('.');
  return printable(path ? `${path}: ${issue.message}` : issue.message);
}

/** Hostile text is echoed only as one bounded line without control characters. */
function printable(text: string): string {
  const clean = text.replace(/[\x00-\x1f\x7f]/g, '?');
  return clean.length > 120 ? `${clean.slice(0, 120)}…` : clean;
}

function refuse(id: RequestId | null, message: string): ParsedLine {
  return { ok: false, id, error: { code: 'invalid-input', message } };
}
