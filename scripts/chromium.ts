// The headless Chromium that the build, the page tests and the bench drive: Debian's (or the
// binary $CHROMIUM names), never one downloaded by Playwright, started with the flags that
// keep it from reaching beyond the machine.
import {execFileSync} from "node:child_process";
import {chromium, type Browser} from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"];

/** The browser as it names itself ("Chromium 156.0.8078.114", "Google Chrome 143.0.7499.40"), or undefined when there is none at `path`. */
export function chromiumName(path = CHROMIUM): string | undefined {
  try {
    return /(?:Chromium|Google Chrome) [\d.]+/.exec(execFileSync(path, ["--version"], {encoding: "utf8", stdio: ["ignore", "pipe", "ignore"]}))?.[0] ?? path;
  } catch {
    return undefined;
  }
}

export function launchChromium(path = CHROMIUM): Promise<Browser> {
  return chromium.launch({executablePath: path, args: ARGS});
}
