// The classifiers' rules, as each module's header comment states them: the methodology
// page quotes the code's own words, so the two cannot drift apart.
import {readFileSync, readdirSync} from "node:fs";
import {join} from "node:path";
import {ROOT} from "../../loaders/paths.ts";

const dir = join(ROOT, "loaders", "classify");
const modules = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && !["index.ts", "types.ts", "agreement.ts"].includes(f))
  .sort()
  .map((file) => {
    const header = [];
    for (const line of readFileSync(join(dir, file), "utf8").split("\n")) {
      if (!line.startsWith("//")) break;
      header.push(line.replace(/^\/\/ ?/, ""));
    }
    return {module: `loaders/classify/${file}`, rules: header.join("\n")};
  });
process.stdout.write(JSON.stringify(modules));
