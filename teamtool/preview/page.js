// The preview page: team, names, ratings and team grade in; factors and grades out.
// Every text a student types is put in the page with textContent, never as HTML.
"use strict";
(() => {
  const config = JSON.parse(document.getElementById("teamtool-config").textContent);
  const labels = config.scale.map((level) => level[0]);
  const values = config.scale.map((level) => level[1]);
  const { LETTERS, NOT_RATED } = TeamtoolFragment;
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
    const written = String(text).trim();
    const value = Number(written.replace(",", "."));
    if (!/^(\d+([.,]\d*)?|[.,]\d+)$/.test(written) || !Number.isFinite(value)) {
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
    $("share-link").setAttribute("href", TeamtoolFragment.build(state, labels));
  }

  function load(fragment) {
    let problems = [];
    if (fragment) {
      const found = TeamtoolFragment.parse(fragment, labels, config.team_size);
      Object.assign(state, { size: found.size, names: found.names, ratings: found.ratings });
      if (found.teamGrade !== null) state.teamGrade = found.teamGrade;
      if (found.maxPoints !== null) state.maxPoints = found.maxPoints;
      problems = found.problems;
    }
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
