// Output the way libvirt's virBuffer builds it: two spaces per level, one element
// per line, attributes in single quotes escaped like virBufferEscapeString.

const INDENTS: string[] = [];

function indentation(depth: number): string {
  let s = INDENTS[depth];
  if (s === undefined) {
    s = '  '.repeat(depth);
    INDENTS[depth] = s;
  }
  return s;
}

export class XmlWriter {
  private out = '';
  private depth = 0;

  /** One line at the current depth (a multi-line text is indented on its first line only). */
  line(text: string): void {
    this.out += `${indentation(this.depth)}${text}\n`;
  }

  open(text: string): void {
    this.line(text);
    this.depth++;
  }

  close(text: string): void {
    this.depth--;
    this.line(text);
  }

  toString(): string {
    return this.out;
  }
}

const ESCAPES: Record<string, string> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
};

// libvirt drops control characters other than tab, LF and CR; none can come from a
// parsed document, but a hand-built definition must still give well-formed XML.
const NEEDS_ESCAPE = /[<>&"'\x00-\x08\x0b\x0c\x0e-\x1f]/;
const ESCAPE_ALL = /[<>&"'\x00-\x08\x0b\x0c\x0e-\x1f]/g;

export function escapeXml(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(ESCAPE_ALL, (ch) => ESCAPES[ch] ?? '');
}

/** ` name='value'`, or nothing for an absent value. */
export function attr(name: string, value: string | number | undefined): string {
  if (value === undefined) return '';
  return ` ${name}='${typeof value === 'number' ? value : escapeXml(value)}'`;
}
