#!/usr/bin/env python3
"""Extract an unlabelled evaluation set of real text from Claude Code transcripts.

Reads /tmp/labels-src/manifest.tsv (written by prepare_sources.py: repo, path,
commit, licence, local file) and writes items.jsonl beside this script, one
object per line:

  {"id", "kind", ["how",] "text", "context", "source": {"repo", "path", "commit", "licence"}}

`how` says where the text came from, as the classifiers are told it: for
agent_question `ask_user` (AskUserQuestion), `plan` (ExitPlanMode) or `question`
(a turn-final text ending in "?"); for human_after_stop `interrupt` or
`rejection`.

Every item is chosen by its POSITION in a transcript, never by what its text says:

  human_after_stop  the first real human prompt after an interrupt marker
                    ("[Request interrupted by user...]") or after a tool use the
                    person rejected (tool_result with is_error whose content says
                    the user doesn't want to proceed / take this action, or
                    toolUseResult "User rejected tool use"); also the reason the
                    person typed with a rejection (the text after "the user said:").
                    context: last 300 chars of the agent's last text in the turn
                    before the stop.
  closing_message   the agent's last text of a turn; half the quota from texts
                    ending in "?", half from the others. context: empty.
  agent_question    each "question" of an AskUserQuestion tool_use, the plan of an
                    ExitPlanMode tool_use (first 600 chars), and the agent's final
                    text of a turn when it ends with "?" (those not already drawn as
                    closing_message). context: the prompt (or command) that began
                    the turn, first 300 chars.
  followup_prompt   a real human prompt that is not the first of its session and
                    not already a human_after_stop. context: last 300 chars of the
                    agent's text before it.
  task_prompt       the first real human prompt of a session (first 1,000 chars).

A turn runs from one person input (a real prompt, a slash command, a bash-mode
input, an accepted plan) to the next. Only turns that are followed by another such
input count as finished (a snapshot may end mid-turn), and turns that ended in an
interrupt or rejection are not "closing" turns. "Real human prompt": a main-chain
user line with string content or text parts, not a tool_result, not isMeta /
isCompactSummary / isVisibleInTranscriptOnly / planContent / sourceToolUseID, not a
command, caveat, local-command output, bash-mode, task-notification or
system-reminder text, not an interrupt marker and not a hook's "Operation stopped
by hook" message. Sessions run through the SDK (entrypoint "sdk-*") are skipped:
their prompts are not typed by a person. Sidechains (subagents) are skipped.

The same session can appear in several files (successive checkpoints or versions of
logs/chat.json): its lines are merged by uuid.

Sampling: candidates of each kind are drawn with a fixed seed, a source (the owner of
the repository: person or organisation) never giving more than about 25% of a kind's
items; texts are redacted (e-mails, secrets,
home-directory user names), cut at 1,000 characters (the first 1,000, except for an
agent's turn-final text, closing_message or agent_question, where the last 1,000 are
kept: that is where it hands over to the person), and exact duplicate texts are
dropped (a text is used once across all kinds: human_after_stop first, then
closing_message, agent_question, task_prompt, followup_prompt).
"""
import collections
import csv
import hashlib
import json
import math
import os
import random
import re
import sys

SRC = os.environ.get("LABELS_SRC", "/tmp/labels-src")
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "items.jsonl")
SEED = 20260101
SHARE = 0.25  # most a single owner (person, team) may give of one kind

TARGETS = {
    "human_after_stop": None,  # as many as found (subject to the share cap)
    "agent_question": 120,
    "closing_message": 120,  # 60 ending in "?", 60 not
    "followup_prompt": 150,
    "task_prompt": 150,
}

SYSTEM_PREFIXES = (
    "<command-name>", "<command-message>", "<command-args>", "<local-command-",
    "<bash-input>", "<bash-stdout>", "<bash-stderr>", "<system-reminder>",
    "<task-notification>", "<user-prompt-submit-hook>", "<user-memory-input>",
    "Caveat:", "[Request interrupted by user", "This session is being continued",
    "Operation stopped by hook", "<ide_opened_file>", "<ide_selection>", "<ide_diagnostics>",
)
BOUNDARY_PREFIXES = ("<command-name>", "<command-message>", "<bash-input>")
REJECT_MARKS = ("doesn't want to proceed with this tool use", "doesn't want to take this action")
CLARIFY = "The user wants to clarify these questions"  # AskUserQuestion template, not typed
REMINDER = re.compile(r"<system-reminder>.*?</system-reminder>", re.S)


# ---------------------------------------------------------------- reading

def load_lines(path):
    raw = open(path, "rb").read().decode("utf-8", "replace")
    s = raw.lstrip()
    if s.startswith("["):
        try:
            data = json.loads(s)
            return [d for d in data if isinstance(d, dict)]
        except ValueError:
            pass
    out = []
    for line in raw.splitlines():
        line = line.strip()
        if not line:
            continue
        try:
            d = json.loads(line)
        except ValueError:
            continue
        if isinstance(d, dict):
            out.append(d)
    return out


def read_sources():
    """{(repo, sessionId): [entry, ...]} with entry['_src'] = (path, commit, licence)."""
    files = collections.defaultdict(list)  # (repo, sid) -> [(n, [entries])]
    licence = {}
    with open(os.path.join(SRC, "manifest.tsv")) as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            licence[row["repo"]] = row["licence"]
            if os.path.basename(row["path"]).startswith("agent-"):
                continue  # subagent transcripts
            per = collections.defaultdict(list)
            for d in load_lines(row["local"]):
                if d.get("type") not in ("user", "assistant") or d.get("isSidechain"):
                    continue
                if not isinstance(d.get("message"), dict) or not d.get("sessionId"):
                    continue
                d["_src"] = (row["path"], row["commit"], row["licence"])
                per[d["sessionId"]].append(d)
            for sid, es in per.items():
                files[(row["repo"], sid)].append(es)
    sessions = {}
    for key, versions in files.items():
        versions.sort(key=len, reverse=True)
        seen, merged = set(), []
        for es in versions:
            for d in es:
                u = d.get("uuid") or json.dumps(d, sort_keys=True)[:200]
                if u not in seen:
                    seen.add(u)
                    merged.append(d)
        if len(merged) > len(versions[0]):  # lines from several files: order by time
            merged.sort(key=lambda d: d.get("timestamp") or "")
        sessions[key] = merged
    return sessions, licence


# ---------------------------------------------------------------- classifying lines

def text_parts(content):
    if isinstance(content, str):
        return [content]
    out = []
    if isinstance(content, list):
        for b in content:
            if isinstance(b, dict) and b.get("type") == "text" and isinstance(b.get("text"), str):
                out.append(b["text"])
    return out


def has_tool_result(content):
    return isinstance(content, list) and any(
        isinstance(b, dict) and b.get("type") == "tool_result" for b in content)


def result_text(block):
    c = block.get("content")
    if isinstance(c, str):
        return c
    return "\n".join(text_parts(c))


def user_kind(d):
    """('prompt', text) | ('boundary', text) | ('interrupt', None) |
    ('reject', reason or None) | ('other', None)"""
    c = d["message"].get("content")
    if has_tool_result(c):
        rejected, reason = False, None
        if d.get("toolUseResult") == "User rejected tool use":
            rejected = True
        for b in c:
            if isinstance(b, dict) and b.get("type") == "tool_result" and b.get("is_error"):
                t = result_text(b)
                if any(m in t for m in REJECT_MARKS):
                    rejected = True
                    m = re.search(r"the user said:\s*\n?(.*)", t, re.S | re.I)
                    if m and m.group(1).strip() and not m.group(1).strip().startswith(CLARIFY):
                        reason = m.group(1).strip()
        return ("reject", reason) if rejected else ("other", None)
    parts = [REMINDER.sub("", p).strip() for p in text_parts(c)]
    parts = [p for p in parts if p]
    if any(p.startswith("[Request interrupted by user") for p in parts):
        return ("interrupt", None)
    if d.get("isMeta") or d.get("isCompactSummary") or d.get("isVisibleInTranscriptOnly") \
            or d.get("sourceToolUseID"):
        return ("other", None)
    if d.get("planContent"):
        return ("boundary", "")
    if any(p.startswith(BOUNDARY_PREFIXES) for p in parts):
        m = re.search(r"<command-name>(.*?)</command-name>", " ".join(parts))
        return ("boundary", m.group(1) if m else parts[0])
    parts = [p for p in parts if not p.startswith(SYSTEM_PREFIXES)]
    text = "\n\n".join(parts).strip()
    if not text:
        # image-only input or system text: a person's input if it is not system text
        has_image = isinstance(c, list) and any(isinstance(b, dict) and b.get("type") == "image" for b in c)
        return ("boundary", "") if has_image else ("other", None)
    if text.startswith("/"):
        return ("boundary", text.split()[0])
    return ("prompt", text)


def assistant_blocks(d):
    model = str(d["message"].get("model") or "claude")
    if d.get("isApiErrorMessage") or not model.startswith("claude"):
        return []  # API errors, "<synthetic>" messages, other models behind a proxy
    c = d["message"].get("content")
    if isinstance(c, str):
        return [("text", c)]
    out = []
    for b in c or []:
        if not isinstance(b, dict):
            continue
        if b.get("type") == "text" and isinstance(b.get("text"), str) and b["text"].strip():
            out.append(("text", b["text"]))
        elif b.get("type") == "tool_use":
            out.append(("tool", b))
    return out


def ends_with_question(t):
    return t.rstrip().rstrip("*_`").rstrip().endswith("?")


# ---------------------------------------------------------------- walking a session

def walk(repo, entries):
    """Yield candidate dicts: kind, text, context, src, pos, [q]."""
    if any(str(d.get("entrypoint", "")).startswith("sdk") for d in entries):
        return
    turn = None  # dict(start=text, last_text=, last_src=, stopped=)
    last_agent_text = ""
    pending_stop = None
    first_prompt_done = False
    for i, d in enumerate(entries):
        src = d["_src"]
        if d["type"] == "assistant":
            for kind, x in assistant_blocks(d):
                if kind == "text":
                    last_agent_text = x
                    if turn is not None:
                        turn["last_text"], turn["last_src"], turn["last_pos"] = x, src, i
                elif x.get("name") == "AskUserQuestion":
                    inp = x.get("input") or {}
                    qs = inp.get("questions")
                    if isinstance(qs, list):
                        texts = [q.get("question") for q in qs if isinstance(q, dict)]
                    else:
                        texts = [inp.get("question")]
                    for n, q in enumerate(texts):
                        if isinstance(q, str) and q.strip():
                            yield dict(kind="agent_question", how="ask_user", text=q, src=src, pos=(i, n),
                                       context=(turn or {}).get("start", ""), ctx_head=True)
                elif x.get("name") == "ExitPlanMode":
                    plan = (x.get("input") or {}).get("plan")
                    if isinstance(plan, str) and plan.strip():
                        yield dict(kind="agent_question", how="plan", text=plan[:600], src=src, pos=(i, 0),
                                   context=(turn or {}).get("start", ""), ctx_head=True)
            continue
        kind, x = user_kind(d)
        if kind in ("interrupt", "reject"):
            ctx = (turn or {}).get("last_text", "")
            if kind == "reject" and x:
                yield dict(kind="human_after_stop", how="rejection", text=x, src=src, pos=(i, 0), context=ctx)
            if pending_stop is None:
                pending_stop = (ctx, "interrupt" if kind == "interrupt" else "rejection")
            if turn is not None:
                turn["stopped"] = True
            continue
        if kind not in ("prompt", "boundary"):
            continue
        # a person's input: closes the running turn
        if turn is not None and not turn.get("stopped") and turn.get("last_text"):
            t = turn["last_text"]
            yield dict(kind="closing_message", text=t, src=turn["last_src"], pos=(turn["last_pos"], 0),
                       context="", q=ends_with_question(t), turn_start=turn.get("start", ""))
        if kind == "prompt":
            if pending_stop is not None:
                yield dict(kind="human_after_stop", how=pending_stop[1], text=x, src=src, pos=(i, 0), context=pending_stop[0])
            elif not first_prompt_done:
                yield dict(kind="task_prompt", text=x, src=src, pos=(i, 0), context="")
            else:
                yield dict(kind="followup_prompt", text=x, src=src, pos=(i, 0), context=last_agent_text)
            first_prompt_done = True
        pending_stop = None
        turn = dict(start=x or "", stopped=False)


# ---------------------------------------------------------------- redaction

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
SECRETS = [
    re.compile(r"sk-ant-[A-Za-z0-9_\-]{10,}"),
    re.compile(r"\bsk-(?:proj-)?[A-Za-z0-9_\-]{20,}"),
    re.compile(r"\bgh[pousr]_[A-Za-z0-9]{20,}"),
    re.compile(r"\bgithub_pat_[A-Za-z0-9_]{20,}"),
    re.compile(r"\bAKIA[0-9A-Z]{16}\b"),
    re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}"),
    re.compile(r"\bAIza[0-9A-Za-z_\-]{30,}"),
    re.compile(r"\beyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}"),
    re.compile(r"\b(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{10,}"),
    re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)", re.S),
]
KEYVAL = re.compile(
    r"(?i)\b((?:api[_-]?key|apikey|secret(?:[_-]?key)?|access[_-]?token|auth[_-]?token|token|password|passwd|"
    r"client[_-]?secret|private[_-]?key)[\"']?\s*[:=]\s*[\"']?)([^\s\"'`,;]{8,})")
BEARER = re.compile(r"(?i)\b(bearer\s+)[A-Za-z0-9._\-]{16,}")
HIGH_ENTROPY = re.compile(r"(?<![A-Za-z0-9+/_\-])[A-Za-z0-9+/_\-]{32,}(?![A-Za-z0-9+/_\-])")
HOME = [
    (re.compile(r"(/Users/|/home/)(?!<user>)([^/\s\"'`<>:]+)"), r"\1<user>"),
    (re.compile(r"([A-Za-z]:(?:\\\\|\\|/)Users(?:\\\\|\\|/))(?!<user>)([^\\/\s\"'`<>:]+)"), r"\1<user>"),
    (re.compile(r"(-(?:Users|home)-)(?!<user>)([A-Za-z0-9_.]+?)(?=-)"), r"\1<user>"),
]


def looks_random(s):
    if "/" in s.strip("/") and s.count("/") > 1:  # a path
        return False
    if re.fullmatch(r"[0-9a-fA-F\-]+", s):  # hashes, uuids
        return False
    return bool(re.search(r"[a-z]", s) and re.search(r"[A-Z]", s) and re.search(r"[0-9]", s))


def redact(t):
    t = EMAIL.sub("<email>", t)
    for rx in SECRETS:
        t = rx.sub("<secret>", t)
    t = KEYVAL.sub(lambda m: m.group(1) + ("<secret>" if looks_random(m.group(2)) or len(m.group(2)) >= 16
                                            and not m.group(2).startswith(("$", "<", "process.", "os.", "{"))
                                            else m.group(2)), t)
    t = BEARER.sub(r"\1<secret>", t)
    t = HIGH_ENTROPY.sub(lambda m: "<secret>" if looks_random(m.group(0)) else m.group(0), t)
    for rx, rep in HOME:
        t = rx.sub(rep, t)
    return t


def clean(text, limit=1000, tail=False):
    t = redact(text.strip())
    if tail:
        return t[-limit:]
    return t[:limit]


# ---------------------------------------------------------------- sampling

def fill(avail, target, share=SHARE):
    """Per-group quotas: as many items as possible up to target, no group above
    share * total; handed out one at a time, round robin over groups in name order."""
    total_avail = sum(avail.values())
    n = total_avail if target is None else min(target, total_avail)
    while n > 0:
        cap = max(1, math.floor(share * n + 1e-9))
        if sum(min(a, cap) for a in avail.values()) >= n:
            break
        n -= 1
    quota = {g: 0 for g in avail}
    if n == 0:
        return quota, 0
    cap = max(1, math.floor(share * n + 1e-9))
    left = n
    while left > 0:
        for g in sorted(avail):
            if left > 0 and quota[g] < min(avail[g], cap):
                quota[g] += 1
                left -= 1
    return quota, n


def group_of(repo):
    """Sources are capped per owner (one person or team may own several repos)."""
    return repo.split("/")[0].lower()


def main():
    sessions, licence = read_sources()
    cands = collections.defaultdict(list)
    for (repo, sid), entries in sorted(sessions.items()):
        for c in walk(repo, entries):
            c["repo"], c["sid"] = repo, sid
            cands[c["kind"]].append(c)
    # a turn-final text ending in "?" is a candidate both for closing_message and for
    # agent_question; closing_message is drawn first and a text is used only once
    closing_q = [c for c in cands.get("closing_message", []) if c["q"]]
    closing_nq = [c for c in cands.pop("closing_message", []) if not c["q"]]
    for c in closing_q:
        cands["agent_question"].append(dict(c, kind="agent_question", how="question", context=c["turn_start"], ctx_head=True))
    pools = [("human_after_stop", cands["human_after_stop"], TARGETS["human_after_stop"]),
             ("closing_message", closing_q, TARGETS["closing_message"] // 2),
             ("closing_message", closing_nq, TARGETS["closing_message"] - TARGETS["closing_message"] // 2),
             ("agent_question", cands["agent_question"], TARGETS["agent_question"]),
             ("task_prompt", cands["task_prompt"], TARGETS["task_prompt"]),
             ("followup_prompt", cands["followup_prompt"], TARGETS["followup_prompt"])]
    rng = random.Random(SEED)
    used = set()
    items = []
    stats = collections.defaultdict(collections.Counter)
    for kind, pool, target in pools:
        # clean and drop duplicates first, so quotas count usable items
        by_src = collections.defaultdict(list)
        for c in sorted(pool, key=lambda c: (c["repo"], c["sid"], c["pos"])):
            # an agent's turn-final text hands over at its end: keep its last 1,000 chars
            text = clean(c["text"], tail="q" in c)
            if not text or text.startswith(("/", "<command-name>", "<system-reminder>", "Caveat:")):
                continue
            c["clean"] = text
            by_src[group_of(c["repo"])].append(c)
        for s in by_src:  # duplicates inside a source
            seen, keep = set(), []
            for c in by_src[s]:
                if c["clean"] not in seen and c["clean"] not in used:
                    seen.add(c["clean"])
                    keep.append(c)
            by_src[s] = keep
        quota, n = fill({s: len(v) for s, v in by_src.items()}, target)
        chosen = []
        for s in sorted(by_src):
            pick = rng.sample(by_src[s], quota[s]) if quota[s] < len(by_src[s]) else list(by_src[s])
            chosen.extend(pick)
        chosen.sort(key=lambda c: (c["repo"], c["sid"], c["pos"]))
        for c in chosen:
            if c["clean"] in used:  # same text in two sources
                continue
            used.add(c["clean"])
            ctx = c.get("context") or ""
            ctx = clean(ctx, 300, tail=not c.get("ctx_head")) if ctx else ""
            path, commit, lic = c["src"]
            h = hashlib.sha256((c["repo"] + "\n" + c["clean"]).encode()).hexdigest()[:8]
            items.append({"id": f"{kind}-{h}", "kind": kind, **({"how": c["how"]} if "how" in c else {}), "text": c["clean"], "context": ctx,
                          "source": {"repo": c["repo"], "path": path, "commit": commit, "licence": lic}})
            stats[c["repo"]][kind] += 1
    with open(OUT, "w") as fh:
        for it in items:
            fh.write(json.dumps(it, ensure_ascii=False) + "\n")
    # report
    kinds = ["human_after_stop", "agent_question", "closing_message", "followup_prompt", "task_prompt"]
    avail = collections.defaultdict(collections.Counter)
    for k, lst in list(cands.items()) + [("closing_message", closing_q + closing_nq)]:
        for c in lst:
            avail[c["repo"]][k] += 1
    print("repo\t" + "\t".join(kinds) + "\ttotal\t(candidates)")
    for repo in sorted(set(stats) | set(avail)):
        row = [stats[repo][k] for k in kinds]
        print(f"{repo}\t" + "\t".join(map(str, row)) + f"\t{sum(row)}\t"
              + " ".join(f"{avail[repo][k]}" for k in kinds))
    tot = collections.Counter(it["kind"] for it in items)
    print("TOTAL\t" + "\t".join(str(tot[k]) for k in kinds) + f"\t{len(items)}")
    qs = sum(1 for it in items if it["kind"] == "closing_message" and ends_with_question(it["text"]))
    print(f"closing_message ending in '?': {qs}", file=sys.stderr)


if __name__ == "__main__":
    main()
