import { describe, expect, it } from 'vitest';
import { parseRequestLine } from '../../../helper/parse-request.js';

const parse = (line: string | Buffer) =>
  parseRequestLine(typeof line === 'string' ? Buffer.from(line) : line);

describe('request lines', () => {
  it('accepts each method with its params', () => {
    expect(parse('{"id":1,"method":"start","params":{"net":"lab"}}')).toEqual({
      ok: true,
      request: { id: 1, method: 'start', params: { net: 'lab' } },
    });
    expect(parse('{"id":2,"method":"autostart","params":{"net":"lab","on":false}}').ok).toBe(true);
    expect(parse('{"id":3,"method":"define","params":{"xml":"<network/>"}}').ok).toBe(true);
    expect(parse('{"id":4,"method":"hello","params":{"protocol":1}}').ok).toBe(true);
  });

  it.each([
    ['', null, 'empty request line'],
    ['{', null, 'not JSON'],
    ['[]', null, 'malformed request'],
    ['null', null, 'malformed request'],
    ['{"id":5,"method":"start","params":{"net":"lab"},"extra":1}', 5, 'malformed request'],
    ['{"id":-1,"method":"start","params":{"net":"lab"}}', null, 'malformed request: id'],
    ['{"id":1.5,"method":"start","params":{"net":"lab"}}', null, 'malformed request: id'],
    ['{"id":"7","method":"start","params":{"net":"lab"}}', null, 'malformed request: id'],
    ['{"id":6,"method":"shell","params":{}}', 6, "unknown method 'shell'"],
    ['{"id":6,"method":"__proto__","params":{}}', 6, "unknown method '__proto__'"],
    ['{"id":6,"method":"toString","params":{}}', 6, "unknown method 'toString'"],
    ['{"id":7,"method":"start","params":{"net":"../etc"}}', 7, "start: net: may not contain '/'"],
    ['{"id":7,"method":"start","params":{"net":"a\\nb"}}', 7, 'start: net: may not contain a newline'],
    ['{"id":7,"method":"start","params":{"net":".."}}', 7, "start: net: may not be '..'"],
    ['{"id":7,"method":"start","params":{"net":""}}', 7, 'start: net'],
    [
      `{"id":7,"method":"start","params":{"net":"${'é'.repeat(101)}"}}`,
      7,
      'is 202 bytes long; at most 200 bytes (UTF-8) are allowed',
    ],
    ['{"id":8,"method":"start","params":{"net":"lab","cmd":"x"}}', 8, 'start: '],
    ['{"id":8,"method":"autostart","params":{"net":"lab","on":"yes"}}', 8, 'autostart: on'],
    ['{"id":9,"method":"define","params":{"xml":""}}', 9, 'define: xml'],
    ['{"id":9,"method":"define","params":{"xml":5}}', 9, 'define: xml'],
  ])('refuses %j', (line, id, message) => {
    const parsed = parse(line);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.id).toBe(id);
    expect(parsed.error.code).toBe('invalid-input');
    expect(parsed.error.message).toContain(message);
    expect(parsed.error.message).not.toMatch(/[\n\r]/);
  });

  it('refuses bytes that are not UTF-8', () => {
    const parsed = parse(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    expect(parsed.ok || parsed.error.message).toBe('the request line is not valid UTF-8');
  });

  it('echoes hostile text as one bounded line', () => {
    const parsed = parse(`{"id":1,"method":"${'\\n$(reboot)'.repeat(100)}","params":{}}`);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message.length).toBeLessThan(200);
  });
});
