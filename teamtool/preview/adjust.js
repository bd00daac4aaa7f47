// teamtool's grade adjustment in the browser: the same steps, in the same order and with the
// same floating-point operations, as teamtool/grading (matrix.py, methods.py, steps.py), so
// the page shows exactly what `teamtool adjust` writes. Members are numbered 0..n-1.
"use strict";
const TeamtoolAdjust = (() => {
  // ---- decimals: Python's format() and decimal.quantize on the exact value of a double ----
  // A decimal is {neg, digits (BigInt), exp}: value = digits * 10^exp.
  function exactDecimal(x) {
    // toPrecision(100) is exact for the magnitudes of ratings, factors and grades
    const text = Math.abs(x).toPrecision(100);
    const [mantissa, e] = text.split("e");
    let exp = e === undefined ? 0 : parseInt(e, 10);
    const dot = mantissa.indexOf(".");
    let digits = mantissa;
    if (dot >= 0) {
      exp -= mantissa.length - dot - 1;
      digits = mantissa.slice(0, dot) + mantissa.slice(dot + 1);
    }
    return { neg: x < 0, digits: BigInt(digits), exp };
  }

  // Round to a multiple of 10^target: "even" is Python's float formatting, "up" is
  // decimal.ROUND_HALF_UP (half away from zero).
  function quantize(d, target, mode) {
    if (d.exp >= target) {
      return { neg: d.neg, digits: d.digits * 10n ** BigInt(d.exp - target), exp: target };
    }
    const div = 10n ** BigInt(target - d.exp);
    let q = d.digits / div;
    const twice = 2n * (d.digits % div);
    if (twice > div || (twice === div && (mode === "up" || q % 2n === 1n))) q += 1n;
    return { neg: d.neg, digits: q, exp: target };
  }

  function significant(d, count) {
    if (d.digits === 0n) return d;
    return quantize(d, d.exp + d.digits.toString().length - count, "even");
  }

  function toNumber(d) {
    return Number((d.neg ? "-" : "") + d.digits.toString() + "e" + d.exp);
  }

  // steps.round_half_up: Excel's ROUND on the value's 15 significant digits
  function roundHalfUp(value, digits) {
    return toNumber(quantize(significant(exactDecimal(value), 15), -digits, "up"));
  }

  // export/csv_util.format_cell for a float: f"{value:.10f}" without trailing zeros
  function formatCell(value) {
    if (value === null || Number.isNaN(value)) return "";
    const d = quantize(exactDecimal(value), -10, "even");
    const raw = d.digits.toString().padStart(11, "0");
    let text = raw.slice(0, -10) + "." + raw.slice(-10);
    text = text.replace(/0+$/, "").replace(/\.$/, "");
    if (d.neg && text !== "0") text = "-" + text;
    return text;
  }

  // ---- matrix.py: build_matrix ----
  function buildMatrix(size, given, options) {
    // given: [rater, ratee, value] in row order (rater by rater, ratee by ratee)
    const members = [...Array(size).keys()];
    const responded = members.map((m) => given.some((cell) => cell[0] === m));
    const used = new Map();
    for (const [rater, ratee, value] of given) used.set(rater + "," + ratee, value);
    if (options.missing === "impute") {
      for (const rater of members) {
        if (responded[rater]) continue;
        for (const ratee of members) {
          const key = rater + "," + ratee;
          if (!used.has(key)) {
            used.set(key, rater === ratee ? options.impute_self : options.impute_others);
          }
        }
      }
    }
    if (options.self_mode === "exclude") {
      for (const m of members) used.delete(m + "," + m);
    }
    const at = (r, s) => used.get(r + "," + s);
    const has = (r, s) => used.has(r + "," + s);
    return {
      members,
      used,
      responded,
      received: (s) => members.filter((r) => has(r, s)).map((r) => at(r, s)),
      givenBy: (r) => members.filter((s) => has(r, s)).map((s) => at(r, s)),
      peerReceived: (s) => members.filter((r) => r !== s && has(r, s)).map((r) => at(r, s)),
      has,
      at,
    };
  }

  // ---- methods.py ----
  function sum(values) {
    let total = 0;
    for (const v of values) total += v;
    return total;
  }
  const mean = (values) => (values.length ? sum(values) / values.length : null);
  const ratio = (received, team) =>
    received === null || team === null || team <= 0 ? null : received / team;

  function webpa(matrix) {
    const totals = matrix.members.map((r) => sum(matrix.givenBy(r)));
    const submitters = matrix.members.filter((r) => totals[r] > 0);
    const team = matrix.members.length ? submitters.length / matrix.members.length : 0;
    return matrix.members.map((s) => {
      const shares = submitters
        .filter((r) => matrix.has(r, s))
        .map((r) => matrix.at(r, s) / totals[r]);
      const received = shares.length ? sum(shares) : null;
      return { receivedAvg: received, teamAvg: team, rawFactor: ratio(received, team) };
    });
  }

  function methodValues(matrix, method) {
    let values;
    if (method === "webpa") {
      values = webpa(matrix);
    } else {
      const received = matrix.members.map((s) => mean(matrix.received(s)));
      const team =
        method === "autorating"
          ? mean([...matrix.used.values()])
          : mean(received.filter((v) => v !== null));
      values = matrix.members.map((s) => {
        let raw = ratio(received[s], team);
        if (method === "spark" && raw !== null) raw = Math.sqrt(raw);
        return { receivedAvg: received[s], teamAvg: team, rawFactor: raw };
      });
    }
    for (const s of matrix.members) {
      if (!matrix.peerReceived(s).length) values[s].rawFactor = null;
    }
    return values;
  }

  // ---- steps.py ----
  function finishFactor(raw, o) {
    if (raw === null) return null;
    let factor = raw;
    if (o.snap !== null && factor > o.snap) factor = 1.0;
    if (o.cap !== null && factor > o.cap) factor = o.cap;
    if (o.floor !== null && factor < o.floor) factor = o.floor;
    if (o.round_factor !== null) factor = roundHalfUp(factor, o.round_factor);
    return factor;
  }

  function weightedGrade(teamGrade, factor, weighting) {
    if (factor === null) return teamGrade;
    if (weighting === 1.0) return teamGrade * factor;
    return teamGrade * (1 - weighting) + teamGrade * weighting * factor;
  }

  function finishGrade(teamGrade, factor, responded, maxPoints, o) {
    if (teamGrade === null) return null;
    let grade = weightedGrade(teamGrade, factor, o.weighting);
    if (!responded && o.missing === "penalty" && o.penalty > 0) {
      grade = o.penalty_percent ? grade * (1 - o.penalty / 100) : grade - o.penalty;
    }
    if (grade < 0) grade = 0.0;
    if (o.cap_at_max && grade > maxPoints) grade = maxPoints;
    if (o.round_grade !== null) grade = roundHalfUp(grade, o.round_grade);
    return grade;
  }

  // ---- adjust.py: _team ----
  function adjustTeam(size, given, teamGrade, maxPoints, options) {
    const matrix = buildMatrix(size, given, options);
    const values = methodValues(matrix, options.method);
    return matrix.members.map((s) => {
      const v = values[s];
      const factor = finishFactor(v.rawFactor, options);
      let why = "";
      if (factor === null) {
        why = matrix.peerReceived(s).length ? "zero-team-average" : "not-rated-by-peers";
      }
      return {
        receivedAvg: v.receivedAvg,
        teamAvg: v.teamAvg,
        rawFactor: v.rawFactor,
        factor,
        grade: finishGrade(teamGrade, factor, matrix.responded[s], maxPoints, options),
        responded: matrix.responded[s],
        why,
      };
    });
  }

  return { adjustTeam, formatCell, roundHalfUp };
})();
