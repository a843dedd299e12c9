// How the browser tests and the performance script launch the system's Chromium (never a
// downloaded browser): where it is, and the flags that keep it quiet on a machine with no
// network or GPU. CHROMIUM_PATH overrides the location.
export const chromiumLaunch = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
