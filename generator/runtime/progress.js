// @ts-check
// The progress page: best scores and states per quiz and lesson, mastery per skill, mistakes to review.
import { SITE, bySkill, saved, set, valid } from "./store.js";
import { $, arr, fin, fmt, h, json, keep, pct, r2, str } from "./util.js";

/** @typedef {import("./contract.js").Outline} Outline */
/** @typedef {import("./contract.js").Result} Result */

/** @param {HTMLElement} root the element with data-cw-progress */
export function mountProgress(root) {
  /** @type {Outline | null} */
  const O = json(root, "[data-cw-outline]");
  const S = json(root, "[data-cw-strings]") || {};
  if (!O) return;
  const names = keep(O.skills, str);
  /** @type {[Result, unknown][]} */
  const rs = [];
  /** @type {HTMLElement[]} */
  const wrong = [];
  /** @param {string} sel @param {number | null} best @param {string} state */
  const row = (sel, best, state) => {
    const tr = $(root, sel);
    if (!tr) return;
    if (best != null) $(tr, "[data-cw-best]").textContent = `${best}%`;
    $(tr, "[data-cw-state]").textContent = state;
  };
  set(SITE, { v: O.version });
  /** One quiz's row and its results; whether it is passed, and its best score. @param {any} q @returns {[boolean, number | null]} */
  const quiz = (q) => {
    const s = saved(q.key, q.id, O.version), res = valid(s.results), best = fin(s.best) ? s.best : null, pass = { pass: q.pass_mark };
    const n = arr(q.questions).filter((x) => res[x.id]).length;
    // Partly answered: in progress, whatever an earlier attempt scored.
    if (n && n < q.asked) row(`[data-cw-pq="${q.id}"]`, best, fmt(S.in_progress, { n, N: q.asked }));
    else if (best != null) row(`[data-cw-pq="${q.id}"]`, best, s.passed === true ? "✓ " + fmt(S.passed, pass) : "✗ " + fmt(S.failed, pass));
    arr(q.questions).forEach((x, i) => {
      const r = res[x.id];
      if (!r) return;
      rs.push([r, x.skills]);
      if (!r.correct) {
        const li = document.createElement("li"), a = h("a", x.text || fmt(S.question, { n: i + 1 }));
        a.href = `${q.href}#${x.id}`;
        li.append(a, ` — ${q.title}`);
        wrong.push(li);
      }
    });
    return [s.passed === true, best];
  };
  arr(O.lessons).forEach((l) => {
    /** @type {number[]} */
    const bests = [];
    let passed = 0;
    arr(l.quizzes).forEach((q) => {
      const [ok, best] = quiz(q);
      if (best != null) bests.push(best);
      passed += +ok;
    });
    // A lesson: the mean of its quizzes' best scores, and how many of them are passed.
    const n = arr(l.quizzes).length;
    if (bests.length) row(`[data-cw-pl="${l.id}"]`, Math.round(bests.reduce((x, y) => x + y) / bests.length), `${passed == n ? "✓" : "✗"} ${passed}/${n}`);
  });
  // The final exam: a row like a quiz's, after the lessons.
  if (O.exam) quiz(O.exam);
  const m = Object.entries(bySkill(rs)).map(([k, [g, n]]) => h("li", (names[k] || k) + S.colon + pct(g, n) + "%" + fmt(S.of, { g: r2(g), n: r2(n) })));
  if (m.length) $(root, "[data-cw-mastery]").replaceChildren(...m);
  if (wrong.length) $(root, "[data-cw-mistakes]").replaceChildren(...wrong);
}
