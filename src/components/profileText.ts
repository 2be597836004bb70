// The home page's profile of one person (src/data/profile.json.ts): the sentences the
// terminal prints, a section a finding, the study's figures beside.
import {el} from "./html.js";

type ProfileText = {about: string[]; sections: {title: string; page: string; lines: string[]; study: string[]}[]};

export function profileText(p: ProfileText): HTMLElement {
  return el(
    "section",
    {class: "profile"},
    el("h2", {}, "You, against the study"),
    el("p", {}, ...p.about.flatMap((line, i) => [i ? el("br") : null, line])),
    ...p.sections.map((s) =>
      el("div", {class: "profile-finding"}, el("h3", {}, el("a", {href: `./${s.page}`}, s.title)), ...s.lines.map((line) => el("p", {}, line)), ...s.study.map((line) => el("p", {class: "study"}, line)))
    ),
    el("p", {class: "study"}, "Counts and shares only, as npx agent-autonomy prints them in a terminal. The study's figures are of its own population. Each heading opens its finding's page, which says how it is defined and draws your sessions or turns there.")
  );
}
