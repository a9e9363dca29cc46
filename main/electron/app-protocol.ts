// app://switchyard/ serves the built renderer (not file://, so the page has a real
// origin for the CSP and the sender checks), with the CSP sent as a header.
import type { Protocol } from 'electron';
import { contentSecurityPolicy, securityHeaders } from '../shell/content-policy.js';
import { readRendererFile } from '../shell/renderer-files.js';

export const APP_SCHEME = 'app';

export const appSchemePrivileges = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

export function serveRenderer(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    const file = url.host === 'switchyard' ? readRendererFile(rendererDir, url.pathname) : undefined;
    if (!file) return new Response('not found', { status: 404 });
    const headers: Record<string, string> = { ...securityHeaders, 'Content-Type': file.type };
    if (file.isPage) headers['Content-Security-Policy'] = contentSecurityPolicy();
    return new Response(new Uint8Array(file.body), { status: 200, headers });
  });
}
