// Core's messages name a line:column of the XML. Beside a form field, for XML the form
// generated, that position points nowhere the user looks, so it is left out there.

export function withoutPosition(message: string): string {
  return message.replace(/ \(line \d+:\d+\)/, '');
}
