#!/usr/bin/env python3
"""Copy the raw transcript files used by collect.py into /tmp/labels-src/.

Inputs are git snapshots of public repositories (bare clones, one per repository,
at /work/.mirror/<owner>+<name>/repo, as brought in by the session's `fetch` tool)
and the project's own fixtures under test/fixtures/. Nothing is read from the
network here.

Output: /tmp/labels-src/<owner>+<name>/... (one file per transcript version) and
/tmp/labels-src/manifest.tsv with one row per file:
    repo <TAB> path <TAB> commit <TAB> licence <TAB> local file

Three kinds of source:
  * "entire": Entire CLI checkpoints (branch entire/checkpoints/v1, ref
    entire/checkpoints/v2/full/current), every <shard>/<id>/<n>/full.jsonl or
    .../raw_transcript blob present in the snapshot. `path` is
    "<ref>:<shard>/<id>/<n>/full.jsonl", `commit` the ref's tip.
  * "chatjson": the logs/chat.json file that the Stop hook of the
    claude-code-hooks pattern rewrites with the current transcript (a JSON array
    of transcript lines); every version of it in the repository's history.
  * "glob": session files committed to the repository (paths matching the given
    pathspecs), every version in its history.
  * "files": transcript files at a given commit (test fixtures).

Only repositories whose LICENSE file is permissive are listed. The licence of
each is written in SOURCES (checked by reading the LICENSE file).
"""
import os
import shutil
import subprocess
import sys

MIRROR = os.environ.get("MIRROR", "/work/.mirror")
OUT = os.environ.get("OUT", "/tmp/labels-src")
MAIN = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# repo, kind, licence, extra
SOURCES = [
    # Entire CLI checkpoint branches
    ("entireio/cli", "entire", "MIT", None),
    ("PackmindHub/context-evaluator", "entire", "Apache-2.0", None),
    ("FSM1/cipher-box", "entire", "MIT", None),
    ("EntityProcess/agentv", "entire", "MIT", None),
    ("JanDeDobbeleer/oh-my-posh", "entire", "MIT", None),  # licence text in COPYING
    ("entireio/skills", "entire", "MIT", None),
    ("stat-guy/imessage-mail", "entire", "MIT", None),
    ("f/awesome-chatgpt-prompts", "entire", "CC0-1.0", None),
    # logs/chat.json written by a Stop hook, all versions in history
    ("conneroisu/templar", "chatjson", "MIT", None),
    ("kesslerio/attio-mcp-server", "chatjson", "Apache-2.0", None),
    ("applab-nl/dmux", "chatjson", "MIT", None),
    ("getmany-software/llm-guard", "chatjson", "MIT", None),
    ("pookNast/loopkit", "chatjson", "MIT", None),
    ("Johannes0501/openshrooly", "chatjson", "MIT", None),
    ("RyanLisse/big3", "chatjson", "MIT", None),
    ("SacredTexts/chess-study-tool", "chatjson", "MIT", None),
    ("TomSelander/home-assistant-green-button", "chatjson", "Apache-2.0", None),
    ("connix-labs/connix", "chatjson", "MIT", None),
    ("pattern-stack/task-patterns", "chatjson", "MIT", None),
    ("RaggioS/jcode", "chatjson", "MIT", None),
    ("daniifrim/10-box-os", "chatjson", "Apache-2.0", None),
    ("rickithadi/jekyll-netlify-boilerplate", "chatjson", "MIT", None),
    # raw session files committed to the repository: every version in history
    ("M-Thisness/M-Claude", "glob", "CC0-1.0", [":(glob)Archives/*.jsonl"]),
    ("tonyandrewmeyer/charming-with-claude", "glob", "CC-BY-4.0", [":(glob)**/.claude/transcripts/**/*.jsonl"]),
    ("tonyandrewmeyer/sungather-k8s-operator", "glob", "Apache-2.0", [":(glob)**/.claude/transcripts/**/*.jsonl"]),
    # test fixtures of a transcript tool (under hive-mind/, which carries the MIT LICENSE)
    ("Crazytieguy/alignment-hive", "files", "MIT", ("HEAD", "hive-mind/cli/lib/fixtures/", ".jsonl")),
]

# the project's own fixtures (copied from test/fixtures/, see each SOURCE.md)
LOCAL_FIXTURES = [
    ("chiphuyen/sniffly", "a237d7e9a9b37181626c049046c99b496f6c33c5", "MIT",
     "test/fixtures/sniffly/mock-data", "tests/mock-data"),
    ("d-kimuson/claude-code-viewer", "9367cf006be9965c954e6cd36526f2195dce67ea", "MIT",
     "test/fixtures/claude-code-viewer/projects", "mock-global-claude-dir/projects"),
]


def git(repo_dir, *args, binary=False, partial=False):
    """Run git; None on failure, unless partial (then whatever it printed)."""
    r = subprocess.run(["git", "-C", repo_dir, *args], capture_output=True)
    if r.returncode != 0 and not partial:
        return None
    return r.stdout if binary else r.stdout.decode("utf-8", "replace")


def every_version(d, paths, base, repo, lic, rows):
    """Every committed version of each path, written under base/<commit>/<path>."""
    for p in paths:
        for c in git(d, "log", "--all", "--format=%H", "--", p, partial=True).split():
            data = git(d, "show", f"{c}:{p}", binary=True)
            if not data:
                continue
            local = os.path.join(base, c, p)
            os.makedirs(os.path.dirname(local), exist_ok=True)
            open(local, "wb").write(data)
            rows.append((repo, p, c, lic, local))


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    rows = []
    for repo, kind, lic, extra in SOURCES:
        d = os.path.join(MIRROR, repo.replace("/", "+"), "repo")
        if not os.path.isdir(d):
            print("missing mirror", repo, file=sys.stderr)
            continue
        base = os.path.join(OUT, repo.replace("/", "+"))
        if kind == "entire":
            refs = [r for r in git(d, "for-each-ref", "--format=%(refname)").split()
                    if r.endswith("entire/checkpoints/v1") or r.endswith("entire/checkpoints/v2/full/current")]
            for ref in refs:
                tip = git(d, "rev-parse", ref).strip()
                short = ref.replace("refs/heads/", "").replace("refs/", "")
                for line in git(d, "ls-tree", "-r", "-l", ref).splitlines():
                    meta, path = line.split("\t", 1)
                    _, _, blob, size = meta.split()
                    if not path.endswith(("full.jsonl", "raw_transcript")) or size == "-":
                        continue
                    data = git(d, "cat-file", "-p", blob, binary=True)
                    if data is None:  # object absent from the snapshot
                        continue
                    local = os.path.join(base, short, path)
                    os.makedirs(os.path.dirname(local), exist_ok=True)
                    open(local, "wb").write(data)
                    rows.append((repo, short + ":" + path, tip, lic, local))
        elif kind == "chatjson":
            names = git(d, "log", "--all", "--name-only", "--format=", "--", ":(glob)**/logs/chat.json", partial=True).splitlines()
            paths = sorted({p for p in names if p == "logs/chat.json" or p.endswith("/logs/chat.json")})
            paths = [p for p in paths if "/.claude/hooks/" not in "/" + p]
            every_version(d, paths, base, repo, lic, rows)
        elif kind == "glob":
            names = git(d, "log", "--all", "--name-only", "--format=", "--", *extra, partial=True).splitlines()
            every_version(d, sorted({n for n in names if n.endswith(".jsonl")}), base, repo, lic, rows)
        elif kind == "files":
            rev, prefix, ext = extra
            commit = git(d, "rev-parse", rev).strip()
            for line in git(d, "ls-tree", "-r", "-l", commit, prefix).splitlines():
                meta, path = line.split("\t", 1)
                _, _, blob, size = meta.split()
                if not path.endswith(ext) or size == "-":
                    continue
                data = git(d, "cat-file", "-p", blob, binary=True)
                if data is None:
                    continue
                local = os.path.join(base, commit, path)
                os.makedirs(os.path.dirname(local), exist_ok=True)
                open(local, "wb").write(data)
                rows.append((repo, path, commit, lic, local))
    for repo, commit, lic, here, there in LOCAL_FIXTURES:
        src = os.path.join(MAIN, here)
        for root, _, files in os.walk(src):
            for f in sorted(files):
                if not f.endswith(".jsonl"):
                    continue
                rel = os.path.relpath(os.path.join(root, f), src)
                local = os.path.join(OUT, repo.replace("/", "+"), commit, there, rel)
                os.makedirs(os.path.dirname(local), exist_ok=True)
                shutil.copyfile(os.path.join(root, f), local)
                rows.append((repo, there + "/" + rel, commit, lic, local))
    with open(os.path.join(OUT, "manifest.tsv"), "w") as fh:
        fh.write("repo\tpath\tcommit\tlicence\tlocal\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")
    print(len(rows), "files")


if __name__ == "__main__":
    main()
