// Reading the built renderer (dist/renderer) for either shell: a request path maps to
// a file inside that directory or to nothing — never outside it.
import { readFileSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
};

export interface RendererFile {
  body: Buffer;
  type: string;
  isPage: boolean;
}

export function readRendererFile(root: string, urlPath: string): RendererFile | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  if (relative.includes('\0')) return undefined;
  const full = normalize(join(root, relative));
  if (!full.startsWith(normalize(root) + sep)) return undefined;
  const type = types[extname(full)];
  if (!type) return undefined;
  try {
    return { body: readFileSync(full), type, isPage: type.startsWith('text/html') };
  } catch {
    return undefined;
  }
}
