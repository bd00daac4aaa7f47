// The URL fragment of the preview page (grammar in docs/preview-page.md):
// #team_grade=84&max=100&size=3&names=Ana,Ben,Cy&ratings=Ana>Ben:Excellent,B>A:Marginal
"use strict";
const TeamtoolFragment = (() => {
  const LETTERS = ["A", "B", "C", "D", "E"];
  const MIN_SIZE = 3;
  const MAX_SIZE = 5;
  const NOT_RATED = -1;

  function decode(part, what, problems) {
    try {
      return decodeURIComponent(part);
    } catch (e) {
      problems.push(`${what} "${part}" is not valid percent-encoding.`);
      return null;
    }
  }

  // Read a fragment: the state it describes (null parts: not given) and the problems found.
  function parse(fragment, labels, startSize) {
    const problems = [];
    const params = new Map();
    for (const item of fragment.split("&")) {
      if (!item) continue;
      const eq = item.indexOf("=");
      const key = eq < 0 ? item : item.slice(0, eq);
      if (!["team_grade", "max", "size", "names", "ratings"].includes(key)) {
        problems.push(`Unknown part "${key}" (use team_grade, max, size, names, ratings).`);
      } else {
        params.set(key, eq < 0 ? "" : item.slice(eq + 1));
      }
    }
    let names = null;
    if (params.has("names")) {
      names = params.get("names").split(",").map((n) => decode(n, "The name", problems) || "");
      names = names.map((n) => n.trim());
      const unique = new Set(names.filter((n) => n));
      if (names.length < MIN_SIZE || names.length > MAX_SIZE) {
        problems.push(`names lists ${names.length} members; a team has 3 to 5.`);
        names = null;
      } else if (unique.size !== names.filter((n) => n).length) {
        problems.push("names lists the same name twice; give every member their own name.");
        names = null;
      }
    }
    let size = names ? names.length : null;
    if (params.has("size")) {
      const n = Number(params.get("size"));
      if (Number.isInteger(n) && n >= MIN_SIZE && n <= MAX_SIZE && (!names || n === size)) {
        size = n;
      } else {
        problems.push(`size "${params.get("size")}" must be 3, 4 or 5 (and match names).`);
      }
    }
    const cells = [];
    if (params.has("ratings")) {
      for (const item of params.get("ratings").split(",")) {
        if (!item) continue;
        // browsers send ">" in a fragment as %3E: both separate the rater from the ratee
        const m = /^(.*?)(?:>|%3E)([^:]*):([^:]*)$/i.exec(item);
        if (!m) {
          problems.push(`The rating "${item}" is not RATER>RATEE:LABEL.`);
          continue;
        }
        const [rater, ratee, label] = m.slice(1).map((p) => decode(p, "The rating", problems));
        if (rater === null || ratee === null || label === null) continue;
        cells.push({ item, rater: rater.trim(), ratee: ratee.trim(), label: label.trim() });
      }
    }
    const known = names ? names.map((n, i) => n || LETTERS[i]) : LETTERS;
    // a member is named by their name or, when no member has that name, by their letter
    const find = (who) => {
      const at = known.slice(0, size).indexOf(who);
      return at >= 0 ? at : LETTERS.slice(0, size).indexOf(who);
    };
    if (size === null) {
      const used = cells.flatMap((c) => [known.indexOf(c.rater), known.indexOf(c.ratee)]);
      size = cells.length ? Math.max(MIN_SIZE, ...used.map((i) => i + 1)) : startSize;
      size = Math.min(size, MAX_SIZE);
    }
    const grid = LETTERS.map(() => LETTERS.map(() => (params.has("ratings") ? NOT_RATED : 0)));
    for (const c of cells) {
      const r = find(c.rater);
      const s = find(c.ratee);
      const wanted = c.label.toLowerCase();
      const level = labels.findIndex((l) => l.toLowerCase() === wanted);
      if (r < 0 || s < 0) {
        problems.push(`The rating "${c.item}" names someone who is not in the team.`);
      } else if (level < 0 && c.label !== "") {
        problems.push(`The rating "${c.item}" uses a label that is not on the scale.`);
      } else {
        grid[r][s] = c.label === "" ? NOT_RATED : level;
      }
    }
    const text = (key) => (params.has(key) ? decode(params.get(key), key, problems) || "" : null);
    return {
      size,
      names: LETTERS.map((_, i) => (names && names[i]) || ""),
      ratings: grid,
      teamGrade: text("team_grade"),
      maxPoints: text("max"),
      problems,
    };
  }

  // The fragment of a state ({size, names, ratings, teamGrade, maxPoints}).
  function build(state, labels) {
    const shownName = (i) => state.names[i].trim() || LETTERS[i];
    const enc = encodeURIComponent;
    const parts = [`team_grade=${enc(state.teamGrade)}`, `max=${enc(state.maxPoints)}`];
    parts.push(`size=${state.size}`);
    const members = [...Array(state.size).keys()];
    if (members.some((i) => state.names[i].trim())) {
      parts.push("names=" + members.map((i) => enc(state.names[i].trim())).join(","));
    }
    // names with ">" or names that are another member's letter: the ratings use letters
    const byLetter = members.some((i) => {
      const name = shownName(i);
      return name.includes(">") || (LETTERS.includes(name) && name !== LETTERS[i]);
    });
    const who = (i) => enc(byLetter ? LETTERS[i] : shownName(i));
    const cells = [];
    for (const r of members) {
      for (const s of members) {
        const level = state.ratings[r][s];
        if (level !== NOT_RATED) {
          cells.push(`${who(r)}>${who(s)}:${enc(labels[level])}`);
        }
      }
    }
    parts.push("ratings=" + cells.join(","));
    return "#" + parts.join("&");
  }

  return { LETTERS, MIN_SIZE, MAX_SIZE, NOT_RATED, parse, build };
})();
