#!/usr/bin/env python3
"""Print the markdown table of SOURCES.md from /tmp/labels-src/manifest.tsv and items.jsonl."""
import collections
import csv
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = ["human_after_stop", "agent_question", "closing_message", "followup_prompt", "task_prompt"]


def paths(rows):
    ps = sorted({r["path"] for r in rows})
    if len(ps) <= 4:
        return ", ".join(f"`{p}`" for p in ps)
    if all(":" in p for p in ps):
        refs = sorted({p.split(":", 1)[0] for p in ps})
        names = sorted({os.path.basename(p) for p in ps})
        return "; ".join(f"`{ref}:<shard>/<id>/<n>/{'|'.join(names)}`" for ref in refs) + f" ({len(ps)} files)"
    dirs = sorted({os.path.dirname(p) for p in ps})
    if len(dirs) == 1:
        return f"`{dirs[0]}/*.jsonl` ({len(ps)} files)"
    return f"`{os.path.commonpath(ps)}/…/*.jsonl` ({len(ps)} files)"


def commits(rows):
    cs = sorted({r["commit"] for r in rows})
    if len(cs) == 1:
        return f"`{cs[0]}`"
    return f"{len(cs)} commits (each item records its own)"


def main():
    man = list(csv.DictReader(open("/tmp/labels-src/manifest.tsv"), delimiter="\t"))
    items = [json.loads(l) for l in open(os.path.join(HERE, "items.jsonl"))]
    cnt = collections.defaultdict(collections.Counter)
    for i in items:
        cnt[i["source"]["repo"]][i["kind"]] += 1
    by = collections.defaultdict(list)
    for r in man:
        by[r["repo"]].append(r)
    print("| repository | path(s) | commit | licence | files read | " + " | ".join(KINDS) + " | total |")
    print("|---|---|---|---|---:|" + "---:|" * len(KINDS) + "---:|")
    tot = collections.Counter()
    for repo in sorted(by, key=lambda r: (-sum(cnt[r].values()), r.lower())):
        rows, c = by[repo], cnt[repo]
        tot.update(c)
        print(f"| [{repo}](https://github.com/{repo}) | {paths(rows)} | {commits(rows)} | {rows[0]['licence']} "
              f"| {len(rows)} | " + " | ".join(str(c[k]) for k in KINDS) + f" | {sum(c.values())} |")
    print(f"| **total** | | | | {len(man)} | " + " | ".join(str(tot[k]) for k in KINDS) + f" | {sum(tot.values())} |")


if __name__ == "__main__":
    main()
