// @ts-check
// A quiz page: restore the trainee's attempt, grade on request, keep score, retry.
import { grade } from "./grade.js";
import { OWN, blank, paint, read, steps, write } from "./question.js";
import { SITE, bySkill, del, get, restore, set, writable } from "./store.js";
import { $, $$, dict, ds, fmt, h, hide, isObj, json, keep, newSeed, pct, r2, rng, shuffle, str } from "./util.js";

/** @typedef {import("./contract.js").QuizConfig} QuizConfig */
/** @typedef {import("./contract.js").Result} Result */

/**
 * A page bundle whose questions need more than the shared ones (dialogue.js) passes its own
 * grade, read and paint, which hand the other question types on to these.
 * @param {HTMLElement} root the element with data-cw-quiz (or data-cw-exam, data-cw-dialogue)
 * @param {(qs: HTMLElement[], seed: number) => HTMLElement[]} [pick] which questions an attempt asks (the final
 *   exam's blueprint); default: the config's draw, else all
 * @param {typeof grade} g @param {typeof read} rd @param {typeof paint} pt
 */
export function mountQuiz(root, pick, g = grade, rd = read, pt = paint) {
  /** @type {QuizConfig} */
  const cfg = json(root, "[data-cw-config]"), S = json(root, "[data-cw-strings]") || {};
  if (!isObj(cfg)) return;
  const keys = keep(cfg.questions, isObj), names = keep(cfg.skills, str), exam = cfg.mode == "exam";
  /** @type {HTMLElement[]} */
  const qs = $$(root, "[data-cw-q]");
  const out = $(root, "[data-cw-result]"), foot = out.closest("section");
  /** @param {string} a */
  const btn = (a) => $(root, `[data-cw-action=${a}]`);
  /** @param {HTMLElement} f */
  const idOf = (f) => ds(f, "cwQ");
  hide($(root, "[data-cw-storage-off]"), writable());
  // Pages without a quiz (lessons) learn from this which records site.js may read for the navigation.
  set(SITE, { v: cfg.version });
  const load = () => restore(get(cfg.key), cfg);
  let st = load(), drawn = qs;
  const save = () => set(cfg.key, st);
  /** Has question f a result to show? @param {HTMLElement} f */
  const shown = (f) => ((!exam || st.done) && st.results[idOf(f)]) || null;

  /** Lay out the attempt. The first time, questions nobody answered are left as built: nothing moves. @param {boolean} all */
  const apply = (all) => {
    // Seed 0: the page's own order (options are shuffled when the page is built).
    const r = rng(st.seed), perm = st.seed ? shuffle(qs, r) : qs;
    drawn = pick ? pick(qs, st.seed) : cfg.draw ? perm.slice(0, cfg.draw) : qs;
    if (st.seed && cfg.shuffle_questions) perm.forEach((f) => foot.before(f));
    qs.forEach((f) => {
      const id = idOf(f), a = st.answers[id], box = $(f, "[data-cw-option]")?.parentElement;
      if (st.seed && cfg.shuffle_options && box && ds(f, "cwType") != "truefalse")
        shuffle($$(box, "[data-cw-option]").sort((x, y) => +ds(x, "cwOption") - +ds(y, "cwOption")), r).forEach((o) => box.append(o));
      hide(f, !drawn.includes(f));
      if (all || a !== undefined) write(f, a);
      if (all || shown(f)) pt(f, keys[id], a, shown(f), S, exam);
    });
    if (st.seed) $$(root, "[data-cw-q]:not([hidden]) > legend > .cw-q__num").forEach((n, i) => (n.textContent = fmt(S.question, { n: i + 1 })));
    summary();
  };
  const summary = () => {
    const done = drawn.map(idOf).filter((id) => st.results[id]), all = done.length == drawn.length;
    /** @type {[Result, unknown][]} */
    const rs = done.map((id) => [st.results[id], keys[id].skills]), by = bySkill(rs);
    let got = 0, max = 0;
    rs.forEach(([r]) => {
      got += r.score;
      max += r.max;
    });
    const p = pct(got, max), on = done.length && (!exam || st.done), pass = { pass: cfg.pass_mark };
    if (on && all) {
      st.best = Math.max(st.best ?? 0, p);
      st.passed ||= p >= cfg.pass_mark;
      save();
      document.dispatchEvent(new Event("cw-saved"));
    }
    const lines = (on ? [
      fmt(S.score, { got: r2(got), max: r2(max), pct: p }) + (all ? S.sep + (p >= cfg.pass_mark ? "✓ " + fmt(S.passed, pass) : "✗ " + fmt(S.failed, pass)) : ""),
      ...(Object.keys(by).length ? [S.by_skill + S.colon + Object.entries(by).map(([s, [g, m]]) => `${names[s] || s} ${pct(g, m)}%`).join(S.sep)] : []),
    ] : []).concat(st.best != null ? [S.best + S.colon + st.best + "%"] : []);
    if (lines.length || out.firstChild) out.replaceChildren(...lines.map((l) => h("p", l)));
    hide(btn("submit"), st.done);
    hide(btn("retry-wrong"), !(on && drawn.some((f) => st.results[idOf(f)]?.correct === false)));
  };
  /** @param {HTMLElement} f */
  const check = (f) => {
    const id = idOf(f), a = rd(f);
    st.answers[id] = a;
    pt(f, keys[id], a, (st.results[id] = g(keys[id], a)), S, exam);
  };
  root.addEventListener("input", (e) => {
    const t = /** @type {HTMLElement} */ (e.target), f = /** @type {HTMLElement | null} */ (t.closest(OWN) && t.closest("[data-cw-q]"));
    if (f) {
      st.answers[idOf(f)] = rd(f);
      save();
    }
  });
  root.addEventListener("click", (e) => {
    const b = /** @type {HTMLElement} */ (e.target).closest("button");
    if (!b) return;
    // Every button but submit, retry and reset belongs to a question's fieldset.
    const f = /** @type {HTMLElement} */ (b.closest("[data-cw-q]")), act = ds(b, "cwAction"), mv = +ds(b, "cwMove");
    if (mv) {
      // Moving the neighbour keeps focus on the button pressed.
      const li = /** @type {HTMLElement} */ (b.closest("li")), p = li.previousElementSibling, n = li.nextElementSibling;
      if (mv < 0) { if (p) li.after(p); } else if (n) li.before(n);
      st.answers[idOf(f)] = rd(f);
      save();
    } else if (act == "check") {
      if (blank(rd(f))) {
        $(f, "[data-cw-status]").textContent = S.unanswered;
        return;
      }
      check(f);
      summary();
      save();
      $(f, "[data-cw-explanation] > summary")?.focus();
    } else if (act == "hint") {
      const next = $(f, "[data-cw-hint][hidden]");
      if (next) {
        next.hidden = false;
        next.tabIndex = -1;
        next.focus();
      }
      b.textContent = S.next_hint;
      hide(b, !$(f, "[data-cw-hint][hidden]"));
    } else if (act == "next") steps(f, +ds(f, "cwShown") + 1);
    else if (act == "submit") {
      drawn.forEach(check);
      st.done = true;
      summary();
      out.tabIndex = -1;
      out.focus();
    } else if (act == "retry-wrong") {
      // Only the questions answered wrong start again; the right ones keep their answers and results.
      const wrong = drawn.filter((q) => st.results[idOf(q)]?.correct === false);
      wrong.forEach((q) => {
        delete st.answers[idOf(q)];
        delete st.results[idOf(q)];
      });
      st.done = false;
      save();
      apply(true);
      if (wrong[0]) $(wrong[0], OWN).focus();
    } else if (act == "retry" || act == "reset") {
      if (act == "reset") del(cfg.key);
      st = { ...(act == "reset" ? load() : st), seed: newSeed(), answers: dict(), results: dict(), done: false };
      save();
      apply(true);
    }
  });
  apply(false);
  save();
}
