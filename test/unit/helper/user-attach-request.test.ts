// The one helper method the guest features add: a network and a boolean, nothing that
// could name a file or a bridge (those come from root-owned state on the helper's side).
import { describe, expect, it } from 'vitest';
import { parseRequestLine } from '../../../helper/parse-request.js';

const parse = (line: string) => parseRequestLine(Buffer.from(line));

describe('the userAttach request', () => {
  it('takes a network and on', () => {
    expect(parse('{"id":1,"method":"userAttach","params":{"net":"lab","on":true}}')).toEqual({
      ok: true,
      request: { id: 1, method: 'userAttach', params: { net: 'lab', on: true } },
    });
  });

  it.each([
    ['{"id":2,"method":"userAttach","params":{"net":"lab","on":true,"bridge":"all"}}', 'userAttach: '],
    ['{"id":2,"method":"userAttach","params":{"net":"lab","on":true,"dir":"/etc"}}', 'userAttach: '],
    [
      '{"id":2,"method":"userAttach","params":{"net":"../x","on":true}}',
      "userAttach: net: may not contain '/'",
    ],
    ['{"id":2,"method":"userAttach","params":{"net":"lab","on":"yes"}}', 'userAttach: on'],
  ])('refuses %j', (line, message) => {
    const parsed = parse(line);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error.message).toContain(message);
  });
});
