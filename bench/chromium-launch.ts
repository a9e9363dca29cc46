// How Debian's Chromium is launched headless here, for the browser benchmarks and the
// Playwright config alike: Playwright's own browsers cannot be downloaded, and without
// the background-networking flags Chromium keeps dialling out of this closed network.
export const CHROMIUM_EXECUTABLE = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
