// A built site served on 127.0.0.1 and opened in headless Chromium (Debian's, never a
// downloaded one), with everything that goes wrong on a page recorded: page errors,
// console errors and warnings (a Content-Security-Policy violation is one), failed
// requests, HTTP errors, and any request to another host.
import type {Server} from "node:http";
import {chromium, type Browser, type Page} from "playwright-core";
import {serve} from "../../scripts/serve.ts";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

export type Site = {
  origin: string;
  open(path: string, options?: {colorScheme?: "light" | "dark"; width?: number}): Promise<{page: Page; problems: string[]}>;
  close(): Promise<void>;
};

export async function openSite(dist: string): Promise<Site> {
  const {server, url: origin}: {server: Server; url: string} = await serve(dist);
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"]
  });
  return {
    origin,
    async open(path, options = {}) {
      const page = await browser.newPage({colorScheme: options.colorScheme ?? "light", viewport: {width: options.width ?? 1280, height: 900}});
      const problems: string[] = [];
      page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
      page.on("console", (m) => {
        if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
      });
      page.on("requestfailed", (r) => problems.push(`failed request: ${r.url()} ${r.failure()?.errorText}`));
      page.on("response", (r) => {
        if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
      });
      page.on("request", (r) => {
        const url = r.url();
        if (!url.startsWith(`${origin}/`) && !url.startsWith("blob:") && !url.startsWith("data:")) problems.push(`request to another host: ${url}`);
      });
      await page.goto(`${origin}${path}`);
      // A page that never answers says why: the problems seen so far are the message.
      await page.waitForSelector("html[data-rendered]", {timeout: 30_000}).catch((e) => {
        throw new Error(`${path} never rendered: ${problems.join("; ") || e.message}`);
      });
      return {page, problems};
    },
    async close() {
      await browser.close();
      server.close();
    }
  };
}

/** The site's pages as paths, from the HTML files at the top of `dist`. */
export function pagesOf(files: string[]): string[] {
  return files.filter((f) => f.endsWith(".html") && !f.includes("/")).map((f) => (f === "index.html" ? "/" : `/${f.slice(0, -5)}`));
}
