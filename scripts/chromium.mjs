// Debian's Chromium and the flags every launch in this repo uses: root needs --no-sandbox, and the
// closed network refuses Chromium's background connections unless they are switched off.
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
