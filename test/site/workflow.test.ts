// The GitHub Pages workflow (.github/workflows/pages.yml), which CI here cannot run: it is
// valid YAML, builds with the README's own build command, and deploys what that writes.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {parse} from "yaml";
import {ROOT} from "../../loaders/paths.ts";

type Step = {uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string>; id?: string};
type Workflow = {on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, {needs?: string; steps: Step[]; environment?: {name: string}}>};

const workflow = parse(readFileSync(join(ROOT, ".github", "workflows", "pages.yml"), "utf8"), {strict: true, uniqueKeys: true}) as Workflow;
// The README opens with the two commands; the first builds the report (and then serves it).
const readmeBuild = readFileSync(join(ROOT, "README.md"), "utf8").split("```sh\n")[1].split("\n")[0].split("#")[0].trim();

describe("the GitHub Pages workflow", () => {
  test("runs on a push to main, with the permissions Pages deployments need", () => {
    expect(workflow.on).toHaveProperty("push.branches", ["main"]);
    expect(workflow.permissions).toEqual({contents: "read", pages: "write", "id-token": "write"});
  });

  test("builds with the README's build command, on the Node the package asks for", () => {
    const steps = workflow.jobs.build.steps;
    const build = readmeBuild.split("&&").map((s) => s.trim()).filter((s) => s !== "npm run serve").join(" && ");
    expect(build).toBe("npm ci && npm run build");
    expect(steps.map((s) => s.run).filter(Boolean)).toEqual([build]);
    const node = steps.find((s) => s.uses?.startsWith("actions/setup-node@"))!.with!["node-version"];
    const engines = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {engines: {node: string}}).engines.node;
    expect(Number(node)).toBeGreaterThanOrEqual(Number(engines.replace(/^>=/, "")));
  });

  test("names the runner's Chrome for the build, which draws each page's charts into it and fails if that browser does not run", () => {
    expect(workflow.jobs.build.steps.find((s) => s.run)?.env?.CHROMIUM).toMatch(/^\/usr\/bin\/(google-chrome|chromium)/);
  });

  test("uploads dist/, after the build, and deploys it to the github-pages environment", () => {
    const steps = workflow.jobs.build.steps;
    const upload = steps.findIndex((s) => s.uses?.startsWith("actions/upload-pages-artifact@"));
    expect(upload).toBeGreaterThan(steps.findIndex((s) => s.run));
    expect(steps[upload].with).toEqual({path: "dist"});
    expect(workflow.jobs.deploy.needs).toBe("build");
    expect(workflow.jobs.deploy.environment?.name).toBe("github-pages");
    expect(workflow.jobs.deploy.steps.map((s) => s.uses?.split("@")[0])).toEqual(["actions/deploy-pages"]);
  });
});
