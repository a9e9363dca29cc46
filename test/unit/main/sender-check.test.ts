import type { WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../main/electron/sender-check.js';

const ours = { id: 1 } as unknown as WebContents;
const other = { id: 2 } as unknown as WebContents;
const frame = (url: string, parent: unknown = null) => ({ url, parent }) as never;

describe('Electron sender check', () => {
  it('trusts the top frame of our window on app://switchyard', () => {
    expect(isTrustedSender({ sender: ours, senderFrame: frame('app://switchyard/index.html') }, ours)).toBe(
      true,
    );
  });

  it('refuses other windows, subframes, other origins and missing frames', () => {
    expect(isTrustedSender({ sender: other, senderFrame: frame('app://switchyard/index.html') }, ours)).toBe(
      false,
    );
    expect(isTrustedSender({ sender: ours, senderFrame: frame('app://switchyard/x', {}) }, ours)).toBe(false);
    expect(isTrustedSender({ sender: ours, senderFrame: frame('https://evil.example/') }, ours)).toBe(false);
    expect(isTrustedSender({ sender: ours, senderFrame: frame('file:///etc/passwd') }, ours)).toBe(false);
    expect(isTrustedSender({ sender: ours, senderFrame: null }, ours)).toBe(false);
    expect(isTrustedSender({ sender: ours, senderFrame: frame('app://switchyard/') }, undefined)).toBe(false);
  });
});
