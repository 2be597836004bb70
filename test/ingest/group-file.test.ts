// The groups a run reads wait on disk (loaders/ingest/group-file.ts): each must come back
// as the source found it, whichever is asked for first. Paths outside ASCII take more
// bytes than characters, so a line's place counted in characters would read a neighbour's.
import {join} from "node:path";
import {expect, test} from "vitest";
import {GroupFile, writeGroups} from "../../loaders/ingest/group-file.ts";
import type {Group} from "../../loaders/sources/types.ts";
import {tmp} from "../helpers/tmp.ts";

test("every group comes back whole, in any order, with paths in any script", () => {
  const groups: Group[] = [
    {source: "claude-code", files: [{path: "/home/zoë/projects/-home-zoë-app/a.jsonl"}, {path: "/home/zoë/projects/-home-zoë-app/b.jsonl"}]},
    {source: "codex", files: []},
    {source: "claude-code", files: [{path: "/data/用户/projects/-项目/😀.jsonl"}]},
    {source: "otel", files: [{path: "/t/logs.json"}], extra: {synthetic: true, user: "ü"}} as Group
  ];
  const path = join(tmp(), "groups.jsonl");
  const file = new GroupFile(path, writeGroups(path, groups));
  try {
    for (const i of [3, 0, 2, 1, 2]) expect(file.get(i)).toEqual(groups[i]);
    expect(JSON.parse(file.line(2))).toEqual(groups[2]);
  } finally {
    file.close();
  }
});
