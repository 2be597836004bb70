// What some reliability tests need of the system: a user without privileges (root reads
// files of mode 000, so an unreadable file is unreadable only to someone else), and a
// tiny file system to fill (a tmpfs, mounted by root).
import {spawnSync} from "node:child_process";
import {chmodSync, mkdtempSync, statSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {ROOT} from "./cli.ts";

const USER = "nobody";

function has(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;
}

/**
 * How to run a command as a user without privileges: directly when the tests are not
 * root, else through runuser or setpriv (creating the user if the system lacks it); or
 * why it cannot be done.
 */
export function unprivileged(): {wrap: (argv: string[]) => string[]} | {skip: string} {
  if (process.getuid?.() !== 0) return {wrap: (argv) => argv};
  if (spawnSync("id", ["-u", USER]).status !== 0 && spawnSync("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", USER]).status !== 0) {
    return {skip: `no user ${USER}, and useradd could not create one`};
  }
  if (has("runuser")) return {wrap: (argv) => ["runuser", "-u", USER, "--", ...argv]};
  if (has("setpriv")) {
    const id = (flag: string) => spawnSync("id", [flag, USER], {encoding: "utf8"}).stdout.trim();
    return {wrap: (argv) => ["setpriv", `--reuid=${id("-u")}`, `--regid=${id("-g")}`, "--clear-groups", ...argv]};
  }
  return {skip: "the tests run as root, and neither runuser nor setpriv is installed to drop privileges"};
}

/**
 * Lets the user without privileges reach the project, whose clone may sit in a folder only
 * root may enter (`git clone . "$(mktemp -d)/x"`: mktemp makes it 0700): each folder above
 * it that denies others the right to pass through gets that right (not the right to list).
 * Returns what puts the folders back; the test run's setup calls it once for all files.
 */
export function letUnprivilegedReach(): () => void {
  const user = unprivileged();
  if ("skip" in user || runAs(user.wrap, ["test", "-r", join(ROOT, "bin", "agent-autonomy.js")]).code === 0) return () => {};
  const restore: (() => void)[] = [];
  for (let dir = ROOT; dir !== dirname(dir); dir = dirname(dir)) {
    const mode = statSync(dir).mode & 0o7777;
    if (mode & 0o001) continue;
    chmodSync(dir, mode | 0o001);
    restore.push(() => chmodSync(dir, mode));
  }
  return () => restore.forEach((put) => put());
}

/** Runs the CLI through `wrap` (as another user); returns its exit status and output. */
export function cliAs(wrap: (argv: string[]) => string[], args: string[]): {code: number; stdout: string; stderr: string} {
  return runAs(wrap, [process.execPath, join(ROOT, "bin", "agent-autonomy.js"), ...args]);
}

function runAs(wrap: (argv: string[]) => string[], argv: string[]): {code: number; stdout: string; stderr: string} {
  const [command, ...rest] = wrap(argv);
  const r = spawnSync(command, rest, {encoding: "utf8", cwd: ROOT});
  return {code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr};
}

/** A new temporary folder that every user may enter and write to. */
export function sharedTmp(): string {
  const dir = mkdtempSync(join(tmpdir(), "aa-shared-"));
  chmodSync(dir, 0o777);
  return dir;
}

/** Mounts a tmpfs of `size` bytes; returns its folder and how to unmount it, or why it cannot. */
export function tinyDisk(size: number): {dir: string; unmount: () => void} | {skip: string} {
  const dir = sharedTmp();
  const r = spawnSync("mount", ["-t", "tmpfs", "-o", `size=${size},mode=0777`, "tmpfs", dir], {encoding: "utf8"});
  if (r.status !== 0) return {skip: `cannot mount a tmpfs here (${(r.stderr || r.error?.message || "").trim()})`};
  return {dir, unmount: () => void spawnSync("umount", ["-l", dir])};
}
