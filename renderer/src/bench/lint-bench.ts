// Measured in the browser by bench/ui-bench.ts: the editor's lint (core's parse and
// validate) on a definition with many DHCP hosts, once per simulated keystroke.
import { lintNetworkXml } from '../features/xml-editor/lint.js';

export function bigDefinition(hosts: number): string {
  const lines = [
    '<network>',
    '  <name>big</name>',
    "  <forward mode='nat'/>",
    "  <ip address='10.20.0.1' netmask='255.255.0.0'>",
    '    <dhcp>',
    "      <range start='10.20.200.1' end='10.20.255.254'/>",
  ];
  for (let i = 0; i < hosts; i++) {
    const mac = `52:54:00:${[i >> 16, (i >> 8) & 255, i & 255].map((b) => b.toString(16).padStart(2, '0')).join(':')}`;
    lines.push(
      `      <host mac='${mac}' name='guest${i}' ip='10.20.${Math.floor(i / 250) + 1}.${(i % 250) + 2}'/>`,
    );
  }
  lines.push('    </dhcp>', '  </ip>', '</network>', '');
  return lines.join('\n');
}

export function runLintBench(
  hosts: number,
  keystrokes: number,
): { bytes: number; problems: number; ms: number[] } {
  let text = bigDefinition(hosts);
  // Warm up as the Node bench (bench/core-parse.ts) does: the editor's lint worker lives
  // for the whole session, so what a user feels while typing is the optimised code, not
  // the first few runs while V8 is still compiling the parser.
  for (let i = 0; i < 10; i++) lintNetworkXml(text);
  const ms: number[] = [];
  let problems = 0;
  const at = text.indexOf('guest2500');
  for (let k = 0; k < keystrokes; k++) {
    // A keystroke inside a host name: the document changes by one character each time.
    text = `${text.slice(0, at + 5)}${String.fromCharCode(97 + (k % 26))}${text.slice(at + 6)}`;
    const t0 = performance.now();
    problems = lintNetworkXml(text).length;
    ms.push(performance.now() - t0);
  }
  return { bytes: text.length, problems, ms };
}

Object.assign(window, { lintBench: runLintBench, bigDefinition });
