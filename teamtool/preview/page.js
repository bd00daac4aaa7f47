// The preview page: team, names, ratings and team grade in; factors and grades out.
// Every text a student types is put in the page with textContent, never as HTML.
"use strict";
(() => {
  const config = JSON.parse(document.getElementById("teamtool-config").textContent);
  const labels = config.scale.map((level) => level[0]);
  const values = config.scale.map((level) => level[1]);
  const LETTERS = ["A", "B", "C", "D", "E"];
  const MIN_SIZE = 3;
  const MAX_SIZE = 5;
  const NOT_RATED = -1;
  const $ = (id) => document.getElementById(id);
  const state = {
    size: config.team_size,
    names: ["", "", "", "", ""],
    ratings: LETTERS.map(() => LETTERS.map(() => 0)), // label index or NOT_RATED
    teamGrade: String(config.team_grade),
    maxPoints: String(config.max_points),
  };

  const shownName = (i) => state.names[i].trim() || LETTERS[i];
  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // ---- the URL fragment: #team_grade=84&max=100&size=3&names=Ana,Ben,Cy&ratings=A>B:Excellent
  function decode(part, what, problems) {
    try {
      return decodeURIComponent(part);
    } catch (e) {
      problems.push(`${what} "${part}" is not valid percent-encoding.`);
      return null;
    }
  }

  function applyFragment(fragment) {
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
      size = cells.length ? Math.max(MIN_SIZE, ...used.map((i) => i + 1)) : config.team_size;
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
    state.size = size;
    state.names = LETTERS.map((_, i) => (names && names[i]) || "");
    state.ratings = grid;
    if (params.has("team_grade")) state.teamGrade = decode(params.get("team_grade"), "team_grade", problems) || "";
    if (params.has("max")) state.maxPoints = decode(params.get("max"), "max", problems) || "";
    return problems;
  }

  function currentFragment() {
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

  // ---- the form ----
  function renderNames() {
    const box = $("names");
    box.replaceChildren();
    for (let i = 0; i < state.size; i++) {
      const id = `name-${i}`;
      const row = el("div", { class: "field" });
      row.append(el("label", { for: id }, `Member ${i + 1} (${LETTERS[i]})`));
      const input = el("input", { id, type: "text", autocomplete: "off", maxlength: "60" });
      input.value = state.names[i];
      input.addEventListener("input", () => {
        state.names[i] = input.value;
        renderMatrix();
        update();
      });
      row.append(input);
      box.append(row);
    }
  }

  function renderMatrix() {
    const table = $("ratings");
    table.replaceChildren();
    table.append(el("caption", {}, "Ratings: each row is the rater, each column the member rated"));
    const head = el("tr");
    head.append(el("td"));
    for (let s = 0; s < state.size; s++) head.append(el("th", { scope: "col" }, shownName(s)));
    const thead = el("thead");
    thead.append(head);
    table.append(thead);
    const body = el("tbody");
    for (let r = 0; r < state.size; r++) {
      const row = el("tr");
      row.append(el("th", { scope: "row" }, `${shownName(r)} rates`));
      for (let s = 0; s < state.size; s++) {
        const id = `rating-${r}-${s}`;
        const cell = el("td");
        const self = r === s && config.options.self_mode === "exclude" ? " (not counted)" : "";
        const text = r === s ? `${shownName(r)}'s rating of themself${self}` :
          `${shownName(r)}'s rating of ${shownName(s)}`;
        cell.append(el("label", { for: id, class: "visually-hidden" }, text));
        const select = el("select", { id, "data-rater": r, "data-ratee": s });
        select.append(el("option", { value: String(NOT_RATED) }, "— not rated —"));
        labels.forEach((label, i) => select.append(el("option", { value: String(i) }, label)));
        select.value = String(state.ratings[r][s]);
        select.addEventListener("change", () => {
          state.ratings[r][s] = Number(select.value);
          update();
        });
        cell.append(select);
        row.append(cell);
      }
      body.append(row);
    }
    table.append(body);
  }

  function readNumber(text, what, problems) {
    const value = Number(String(text).trim().replace(",", "."));
    if (String(text).trim() === "" || !Number.isFinite(value) || value < 0) {
      problems.push(`Enter the ${what} as a number of 0 or more.`);
      return null;
    }
    return value;
  }

  function note(result) {
    const notes = [];
    if (result.why === "not-rated-by-peers") notes.push("not rated by teammates: grade not adjusted");
    if (result.why === "zero-team-average") notes.push("team average is 0: grade not adjusted");
    if (!result.responded) notes.push(config.missing_note);
    return notes.join("; ");
  }

  function update() {
    const problems = [];
    const teamGrade = readNumber(state.teamGrade, "team grade", problems);
    let maxPoints = readNumber(state.maxPoints, "maximum points", problems);
    if (maxPoints === 0) {
      problems.push("The maximum points must be above 0.");
      maxPoints = null;
    }
    const given = [];
    for (let r = 0; r < state.size; r++) {
      for (let s = 0; s < state.size; s++) {
        const level = state.ratings[r][s];
        if (level !== NOT_RATED) given.push([r, s, values[level]]);
      }
    }
    const ok = maxPoints !== null;
    const results = TeamtoolAdjust.adjustTeam(state.size, given, teamGrade, maxPoints, config.options);
    const body = $("results-body");
    body.replaceChildren();
    const spoken = [];
    results.forEach((result, i) => {
      const row = el("tr", { "data-member": String(i) });
      row.append(el("th", { scope: "row" }, shownName(i)));
      const factor = result.factor === null ? "not adjusted" : TeamtoolAdjust.formatCell(result.factor);
      const grade = ok && result.grade !== null ? TeamtoolAdjust.formatCell(result.grade) : "—";
      row.append(el("td", { class: "factor" }, factor));
      row.append(el("td", { class: "grade" }, grade));
      row.append(el("td", { class: "note" }, note(result)));
      body.append(row);
      spoken.push(`${shownName(i)}: factor ${factor}, grade ${grade}`);
    });
    $("input-problems").textContent = problems.join(" ");
    $("input-problems").hidden = !problems.length;
    $("summary").textContent = spoken.join("; ") + ".";
    $("share-link").setAttribute("href", currentFragment());
  }

  function load(fragment) {
    const problems = fragment ? applyFragment(fragment) : [];
    const box = $("fragment-problems");
    box.replaceChildren();
    if (problems.length) {
      box.append(el("p", {}, "Some of the link's example could not be used:"));
      const list = el("ul");
      problems.forEach((p) => list.append(el("li", {}, p)));
      box.append(list);
    }
    box.hidden = !problems.length;
    $("team-size").value = String(state.size);
    $("team-grade").value = state.teamGrade;
    $("max-points").value = state.maxPoints;
    renderNames();
    renderMatrix();
    update();
  }

  $("team-form").addEventListener("submit", (event) => event.preventDefault());
  $("team-size").addEventListener("change", () => {
    state.size = Number($("team-size").value);
    renderNames();
    renderMatrix();
    update();
  });
  $("team-grade").addEventListener("input", () => {
    state.teamGrade = $("team-grade").value;
    update();
  });
  $("max-points").addEventListener("input", () => {
    state.maxPoints = $("max-points").value;
    update();
  });
  window.addEventListener("hashchange", () => load(location.hash.slice(1)));
  try {
    load(location.hash.slice(1));
  } catch (e) {
    $("fragment-problems").textContent = "The link's example could not be read: " + e.message;
    $("fragment-problems").hidden = false;
  }
})();
