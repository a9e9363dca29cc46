import { describe, expect, it } from 'vitest';
import { parseXml } from '../../../core/xml/xml-parser.js';
import type { XmlElement, XmlParseResult } from '../../../core/xml/xml-tree.js';

function root(source: string | Uint8Array): XmlElement {
  const r = parseXml(source);
  if (!r.ok) throw new Error(`${r.error.line}:${r.error.col} ${r.error.message}`);
  return r.root;
}

function child(el: XmlElement, index: number): XmlElement {
  const c = el.children.filter((n) => n.kind === 'element')[index];
  if (c?.kind !== 'element') throw new Error(`no element child ${index}`);
  return c;
}

function error(source: string | Uint8Array): { message: string; at: string } {
  const r: XmlParseResult = parseXml(source);
  if (r.ok) throw new Error('expected a parse error');
  return { message: r.error.message, at: `${r.error.line}:${r.error.col}` };
}

describe('parseXml: tree and positions', () => {
  it('gives line:column of every element and attribute', () => {
    const doc = root(
      "<network>\n  <bridge name='br0'\n          stp='on'/>\n\t<ip address='10.0.0.1'/>\n</network>",
    );
    expect([doc.line, doc.col]).toEqual([1, 1]);
    const bridge = child(doc, 0);
    expect([bridge.line, bridge.col]).toEqual([2, 3]);
    expect(bridge.attrs.map((a) => [a.name, a.value, a.line, a.col])).toEqual([
      ['name', 'br0', 2, 11],
      ['stp', 'on', 3, 11],
    ]);
    expect([child(doc, 1).line, child(doc, 1).col]).toEqual([4, 2]);
  });

  it('gives each element its own attributes, however many tags came before', () => {
    const doc = root("<a x='1' y='2'><b z='3'/><c/><b z='4' w='5'/></a>");
    expect(doc.attrs.map((a) => [a.name, a.value])).toEqual([
      ['x', '1'],
      ['y', '2'],
    ]);
    expect(doc.children.map((n) => (n.kind === 'element' ? n.attrs.map((a) => a.value) : []))).toEqual([
      ['3'],
      [],
      ['4', '5'],
    ]);
  });

  it('reads the XML declaration, comments and processing instructions', () => {
    const doc = root(
      "<?xml version='1.0' encoding='UTF-8'?>\n<!-- c --><?pi data?><a><!--in--><?t?></a><!--after-->",
    );
    expect(doc.name).toBe('a');
    expect(doc.children).toEqual([
      { kind: 'comment', value: 'in' },
      { kind: 'pi', target: 't', data: undefined },
    ]);
  });

  it('decodes the five predefined entities and character references', () => {
    const doc = root(`<a v="&lt;&gt;&amp;&apos;&quot;&#65;&#x42;&#x1F600;">x &lt;y&gt; &amp; &#233;</a>`);
    expect(doc.attrs[0]?.value).toBe('<>&\'"AB😀');
    expect(doc.children).toEqual([{ kind: 'text', value: 'x <y> & é' }]);
  });

  it('normalises white space in attribute values, except from references', () => {
    const doc = root("<a v='1\n2\t3&#10;4'/>");
    expect(doc.attrs[0]?.value).toBe('1 2 3\n4');
  });

  it('keeps CDATA as written', () => {
    const doc = root('<a><![CDATA[<not> &markup;]]></a>');
    expect(doc.children).toEqual([{ kind: 'cdata', value: '<not> &markup;' }]);
  });

  it('normalises CR LF and strips a byte-order mark, from a string or bytes', () => {
    const text = '\uFEFF<a>\r\n<b/>\r<c/></a>';
    for (const source of [text, new TextEncoder().encode(text)]) {
      const doc = root(source);
      expect([child(doc, 1).line, child(doc, 1).col]).toEqual([3, 1]);
    }
  });

  it('resolves namespace prefixes and default namespaces', () => {
    const doc = root("<r xmlns:p='urn:p'><p:a p:x='1' y='2'/><b xmlns='urn:d'><c/></b><q:u/></r>");
    const a = child(doc, 0);
    expect([a.prefix, a.local, a.ns]).toEqual(['p', 'a', 'urn:p']);
    expect(a.attrs.map((x) => [x.local, x.ns])).toEqual([
      ['x', 'urn:p'],
      ['y', undefined],
    ]);
    expect(child(child(doc, 1), 0).ns).toBe('urn:d');
    // An undeclared prefix leaves a plain name in no namespace, as libxml2 does.
    expect([child(doc, 2).local, child(doc, 2).ns]).toEqual(['q:u', undefined]);
  });

  it('drops white space between elements the way libxml2 (keepBlanks 0) does', () => {
    const doc = root('<a>\n  <b> </b>\n  <c>x <d/> </c>\n  <e>\n  </e>\n</a>');
    expect(doc.children.every((n) => n.kind === 'element')).toBe(true);
    expect(child(doc, 0).children).toEqual([{ kind: 'text', value: ' ' }]);
    expect(child(doc, 1).children.map((n) => n.kind)).toEqual(['text', 'element', 'text']);
    expect(child(doc, 2).children).toEqual([{ kind: 'text', value: '\n  ' }]);
  });
});

describe('parseXml: errors carry line:column', () => {
  const cases: [string, string, RegExp][] = [
    ['<a>\n  <b></c>\n</a>', '2:6', /end tag <\/c> does not match <b> opened at line 2:3/],
    ['<a>\n  <b>', '2:3', /<b> is not closed/],
    ['<a>&nbsp;</a>', '1:4', /undefined entity '&nbsp;'/],
    ["<a x='1' x='2'/>", '1:10', /attribute 'x' appears twice/],
    ['<a x=1/>', '1:6', /must be quoted/],
    ["<a x='<'/>", '1:7', /'<' is not allowed in an attribute value/],
    ['<a><!-- a -- b --></a>', '1:11', /'--' is not allowed inside a comment/],
    ['<a/>\ntext', '2:1', /content after the root element/],
    ['', '1:1', /no root element/],
    ['<a><?xml version="1.0"?></a>', '1:4', /only allowed at the very start/],
    ['<a>&#0;</a>', '1:4', /not an allowed XML character/],
    ['<a>]]></a>', '1:4', /']]>' is not allowed/],
    ['<a\u0001/>', '1:3', /U\+0001 is not allowed/],
    ['<a b="1"c="2"/>', '1:9', /expected white space/],
    ['<?xml version="2.0"?><a/>', '1:1', /unsupported XML version/],
  ];
  for (const [source, at, message] of cases) {
    it(`${JSON.stringify(source)} -> ${at}`, () => {
      const e = error(source);
      expect(e.message).toMatch(message);
      expect(e.at).toBe(at);
    });
  }

  it('refuses an encoding other than UTF-8 for bytes', () => {
    const bytes = new TextEncoder().encode("<?xml version='1.0' encoding='ISO-8859-1'?><a/>");
    expect(error(bytes).message).toMatch(/encoding 'ISO-8859-1' is not supported/);
  });
});
