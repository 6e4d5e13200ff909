// @ts-check
// Courseware runtime: pure grade(), a localStorage `store`, idempotent mount() of data-cw-* widgets.
(() => {
  /** @typedef {Record<string, any>} Spec  answer key of a question (quizview.py) */
  /** @typedef {{score: number, max: number, correct: boolean}} Result */
  /** @typedef {any} El  DOM element */
  const arr = (a) => (Array.isArray(a) ? a : []);
  const isObj = (o) => !!o && typeof o == "object" && !Array.isArray(o);
  /** @returns {Spec} */
  const obj = (o) => (isObj(o) ? o : {});
  // Saved data is user-editable: every value read back is type-checked before use.
  const fin = (x) => typeof x == "number" && isFinite(x), str = (x) => typeof x == "string";
  const int = (x) => x === null || Number.isInteger(x);
  const list = (a, ok) => Array.isArray(a) && a.every(ok);
  /** A map without inherited keys: an id such as "constructor" must not find Object.prototype's. @returns {Spec} */
  const dict = () => Object.create(null);
  /** The own entries of o that pass ok(value, key), in a dict. */
  const keep = (o, ok) => {
    const d = dict();
    for (const [k, v] of Object.entries(obj(o))) if (ok(v, k)) d[k] = v;
    return d;
  };
  const r4 = (x) => Math.round(x * 1e4) / 1e4, r2 = (x) => Math.round(x * 100) / 100;
  const same = (a, b) => JSON.stringify(a) == JSON.stringify(b);
  /** As quizview.normalise_answer. */
  const norm = (s) =>
    s.normalize("NFKC").toLowerCase().replace(/\s+/g, "").replace(/[^\p{L}\p{N}]+$/u, "");
  /** "８ 种" -> 8 */
  const num = (s) => {
    const m = String(s ?? "").normalize("NFKC").trim().replace(/,/g, "").match(/^([-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?)\s*[^\d.]*$/i);
    return m ? +m[1] : NaN;
  };
  const test = (re, s) => {
    try { return new RegExp(`^(?:${re})$`).test(s); } catch (e) { return false; }
  };
  /** Grade answer `a` against key `s`. @param {Spec} s @param {any} a @returns {Result} */
  function grade(s, a) {
    const t = s.type, p = s.points || 1, at = obj(s.attributes);
    let f = 0;
    if (s.correct) {
      const picks = arr(a), right = picks.filter((i) => s.correct.includes(i)).length;
      f = +same([...picks].sort(), [...s.correct].sort());
      // Partial credit = (right picks - wrong picks) / number of correct options, floored at 0.
      if (t == "multiple" && s.scoring == "partial") f = Math.max(0, (2 * right - picks.length) / s.correct.length);
    } else if (t == "truefalse") f = +(a === s.answer);
    else if (s.blanks) f = +s.blanks.every((b, i) => {
      const raw = String(arr(a)[i] ?? "").trim();
      return b.accept.includes(norm(raw)) || (!!b.regex && test(b.regex, raw));
    });
    else if (t == "numeric" || t == "calc") f = +(Math.abs(num(a) - s.answer) <= s.tolerance * (s.relative ? Math.abs(s.answer) : 1) + 1e-9);
    else if (s.order) f = +same(arr(a), s.order);
    else if (s.pairs || s.categories) f = +(s.pairs || s.categories).every((v, i) => arr(a)[i] === v);
    else if (t == "classify") {
      // Equal share per step: each attribute, the class, the action.
      const o = obj(a), k = Object.keys(at);
      f = (k.filter((x) => obj(o.attributes)[x] === at[x]).length + +(o.class === s.class) + +(!!s.action && o.action === s.action)) /
        (k.length + 1 + +!!s.action);
    }
    return { score: r4(f * p), max: p, correct: f == 1 };
  }
  /** localStorage that never throws. */
  const store = {
    /** @returns {Spec} */
    get(k) { try { return obj(JSON.parse(localStorage.getItem(k) || "0")); } catch (e) { return {}; } },
    set(k, v) { try { localStorage.setItem(k, JSON.stringify(v)); return true; } catch (e) { return false; } },
    del(k) { try { localStorage.removeItem(k); } catch (e) { /* unavailable */ } },
    ok() { const ok = store.set("cw:probe", 1); store.del("cw:probe"); return ok; },
  };
  /** Seeded PRNG (mulberry32). @param {number} a */
  const rng = (a) => () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const shuffle = (a, r) => {
    a = [...a];
    for (let i = a.length - 1; i > 0; i--) { const j = (r() * (i + 1)) | 0; [a[i], a[j]] = [a[j], a[i]]; }
    return a;
  };
  const newSeed = () => 1 + ((Math.random() * 999999) | 0);
  const fmt = (s, o) => String(s).replace(/\{(\w+)\}/g, (m, k) => (k in o ? o[k] : m));
  const pct = (g, m) => (m ? Math.round((100 * g) / m) : 0);
  /** @returns {El} */
  const $ = (el, sel) => el.querySelector(sel);
  /** @returns {El[]} */
  const $$ = (el, sel) => [...el.querySelectorAll(sel)];
  // <template>, not <script>: instant navigation re-runs scripts untyped.
  const json = (el, sel) => { try { const t = $(el, sel); return JSON.parse((t.content || t).textContent); } catch (e) { return null; } };
  const h = (tag, text) => { const e = document.createElement(tag); e.textContent = text; return e; };
  const ds = (el, k) => el.dataset[k] || "";
  // A question's own controls, found only by their data hooks: author Markdown in a prompt or a
  // scenario (content tabs are radio inputs) is never read, graded, reset or disabled.
  const OWN = "[data-cw-choice],[data-cw-blank],[data-cw-number],[data-cw-select],[data-cw-move]";
  /** The answer held by the controls of question fieldset f. @param {El} f */
  function read(f) {
    const t = ds(f, "cwType"), on = $$(f, "[data-cw-choice]:checked");
    if (t == "single" || t == "multiple") return on.map((i) => +i.value);
    if (t == "truefalse") return on.length ? on[0].value == "true" : null;
    if (t == "fill") return $$(f, "[data-cw-blank]").map((i) => i.value);
    if (t == "ordering") return $$(f, "[data-cw-item]").map((i) => +ds(i, "cwItem"));
    if (t == "classify") {
      const o = { attributes: dict() };
      on.forEach((i) => { const s = i.closest("[data-cw-step]"), st = ds(s, "cwStep"); (st == "attribute" ? o.attributes : o)[st == "attribute" ? ds(s, "cwAttribute") : st] = i.value; });
      return o;
    }
    const a = [];
    $$(f, "[data-cw-select]").forEach((s) => (a[+ds(s, "cwSelect")] = s.value ? +s.value : null));
    return t == "matching" || t == "categorise" ? a : $(f, "[data-cw-number]").value;
  }
  /** Put answer a back; one of the wrong shape clears. @param {El} f @param {any} a */
  function write(f, a) {
    const t = ds(f, "cwType"), o = obj(a), ol = $(f, "[data-cw-order]");
    $$(f, "[data-cw-choice]").forEach((i) => {
      const s = i.closest("[data-cw-step]"), st = s ? ds(s, "cwStep") : "";
      i.checked = t == "classify" ? i.value === (st == "attribute" ? obj(o.attributes)[ds(s, "cwAttribute")] : o[st])
        : t == "truefalse" ? i.value === String(a) : arr(a).includes(+i.value);
    });
    $$(f, "[data-cw-blank]").forEach((i, n) => (i.value = String(arr(a)[n] ?? "")));
    $$(f, "[data-cw-number]").forEach((i) => (i.value = typeof a == "string" ? a : ""));
    $$(f, "[data-cw-select]").forEach((s) => (s.value = String(arr(a)[+ds(s, "cwSelect")] ?? "")));
    if (ol) arr(a).forEach((k) => { const li = $(ol, `[data-cw-item="${+k}"]`); if (li) ol.append(li); });
  }
  /** Saved results that are results. @returns {Record<string, Result>} */
  const valid = (o) => keep(o, (r) => fin(r?.score) && fin(r.max) && r.max > 0 && typeof r.correct == "boolean");
  /** Is a, read back from storage, an answer of the shape read() gives to a question of type t? */
  const fits = (t, a) =>
    t == "truefalse" ? typeof a == "boolean"
    : t == "numeric" || t == "calc" ? str(a)
    : t == "fill" ? list(a, str)
    : t == "classify" ? isObj(a) && isObj(a.attributes) && list(Object.values(a.attributes), str) && [a.class, a.action].every((x) => x == null || str(x))
    : list(a, int);
  /** A saved record made safe to use: a record of another quiz or version is ignored, a value of the wrong
   * type dropped. @param {Spec} s @param {Spec} cfg the quiz's config */
  function restore(s, cfg) {
    const keys = keep(cfg.questions, isObj);
    if (s.v !== cfg.version || s.id !== cfg.id) s = {};
    return { v: cfg.version, id: cfg.id, seed: (fin(s.seed) && s.seed >>> 0) || newSeed(),
      answers: keep(s.answers, (a, id) => !!keys[id] && fits(keys[id].type, a)), results: valid(s.results),
      best: fin(s.best) ? s.best : null, passed: s.passed === true, done: s.done === true };
  }
  /** Score and maximum per skill tag. @param {[Result, any][]} rs results, each with its question's skills */
  const bySkill = (rs) => {
    const by = dict();
    rs.forEach(([r, skills]) => arr(skills).forEach((s) => { const b = (by[s] ||= [0, 0]); b[0] += r.score; b[1] += r.max; }));
    return by;
  };
  const blank = (a) => a == null || a === "" || (typeof a == "object" && Object.values(a).every(blank));
  /** Unfold n worked steps. @param {El} f @param {number} n */
  function steps(f, n) {
    const lis = $$(f, "[data-cw-worked] > li"), next = $(f, "[data-cw-action=next]"), ref = lis[n - 1]?.dataset.cwCueRef;
    lis.forEach((li, i) => (li.hidden = i >= n));
    if (next) next.hidden = n >= lis.length;
    $$(f, "[data-cw-cue]").forEach((c) => c.classList.toggle("cw-cue--on", c.dataset.cwCue === ref));
    f.dataset.cwShown = n;
  }
  /** Show the feedback of result r (null clears). @param {El} f @param {Spec} k @param {any} a @param {Result | null} r @param {Spec} S @param {boolean} exam */
  function paint(f, k, a, r, S, exam) {
    const mark = (el, ok) => (el.dataset.cwMark = ok ? "right" : "wrong");
    const right = k.correct ? k.correct.map(String) : [String(k.answer)], picked = k.correct ? arr(a).map(String) : [String(a)];
    const key = k.pairs || k.categories, ex = $(f, "[data-cw-explanation]"), o = obj(a);
    const show = k.show || arr(k.blanks).map((b) => b.show).join(" / ");
    $$(f, "[data-cw-mark]").forEach((e) => delete e.dataset.cwMark);
    $$(f, OWN).forEach((e) => (e.disabled = !!r));
    $(f, "[data-cw-action=check]").hidden = exam || !!r;
    $$(f, "[data-cw-option]").forEach((e) => {
      const v = ds(e, "cwOption"), c = right.includes(v), p = picked.includes(v), fb = $(e, "[data-cw-option-feedback]");
      if (r && (c || p)) mark(e, c);
      if (fb) fb.hidden = !(r && p);
    });
    $$(f, "[data-cw-feedback]").forEach((e) => (e.hidden = !r || (ds(e, "cwFeedback") == "correct") != r.correct));
    $(f, "[data-cw-status]").textContent = r
      ? `${r.correct ? "✓ " + S.correct : r.score ? "◐ " + S.partial : "✗ " + S.incorrect}${fmt(S.of, { g: r2(r.score), n: r.max })}${!r.correct && show ? " " + S.answer_is + show : ""}`
      : "";
    if (ex) { ex.hidden = !r; ex.open = !!r; }
    if (!r) return;
    if (key) $$(f, "[data-cw-row]").forEach((e) => { const i = +ds(e, "cwRow"); mark(e, arr(a)[i] === key[i]); });
    if (k.order) $$(f, "[data-cw-item]").forEach((e, i) => mark(e, +ds(e, "cwItem") === k.order[i]));
    $$(f, "[data-cw-step]").forEach((e) => {
      const st = ds(e, "cwStep"), at = ds(e, "cwAttribute");
      mark(e, st == "attribute" ? obj(o.attributes)[at] === k.attributes[at] : o[st] === k[st]);
    });
    steps(f, 1);
  }
  function mountQuiz(root) {
    const cfg = json(root, "[data-cw-config]"), S = json(root, "[data-cw-strings]") || {};
    if (!cfg) return;
    const keys = keep(cfg.questions, isObj), exam = cfg.mode == "exam", qs = $$(root, "[data-cw-q]");
    const out = $(root, "[data-cw-result]"), foot = out.closest("section"), btn = (a) => $(root, `[data-cw-action=${a}]`);
    for (const id in keys) keys[id].scoring ||= cfg.scoring;
    $(root, "[data-cw-storage-off]").hidden = store.ok();
    const load = () => restore(store.get(cfg.key), cfg);
    let st = load(), drawn = qs;
    const save = () => store.set(cfg.key, st), idOf = (f) => ds(f, "cwQ");
    const apply = () => {
      const r = rng(st.seed), perm = shuffle(qs, r);
      drawn = cfg.draw ? perm.slice(0, cfg.draw) : qs;
      if (cfg.shuffleQuestions) perm.forEach((f) => foot.before(f));
      qs.forEach((f) => {
        const box = $(f, "[data-cw-option]")?.parentElement, id = idOf(f), hb = $(f, "[data-cw-action=hint]");
        if (cfg.shuffleOptions && box && ds(f, "cwType") != "truefalse")
          shuffle($$(box, "[data-cw-option]").sort((x, y) => ds(x, "cwOption") - ds(y, "cwOption")), r).forEach((o) => box.append(o));
        f.hidden = !drawn.includes(f);
        write(f, st.answers[id]);
        $$(f, "[data-cw-hint]").forEach((x) => (x.hidden = true));
        if (hb) { hb.hidden = false; hb.textContent = S.hint; }
        paint(f, keys[id], st.answers[id], ((!exam || st.done) && st.results[id]) || null, S, exam);
      });
      $$(root, "[data-cw-q]:not([hidden]) > legend > .cw-q__num").forEach((n, i) => (n.textContent = fmt(S.question, { n: i + 1 })));
      summary();
    };
    const summary = () => {
      const done = drawn.map(idOf).filter((id) => st.results[id]), all = done.length == drawn.length;
      const rs = done.map((id) => [st.results[id], keys[id].skills]), by = bySkill(rs);
      let got = 0, max = 0;
      rs.forEach(([r]) => { got += r.score; max += r.max; });
      const p = pct(got, max), shown = done.length && (!exam || st.done), pass = { pass: cfg.pass };
      if (shown && all) { st.best = Math.max(st.best ?? 0, p); st.passed ||= p >= cfg.pass; save(); markNav(); }
      out.replaceChildren(...(shown ? [
        fmt(S.score, { got: r2(got), max: r2(max), pct: p }) + (all ? S.sep + (p >= cfg.pass ? "✓ " + fmt(S.passed, pass) : "✗ " + fmt(S.failed, pass)) : ""),
        ...(Object.keys(by).length ? [S.by_skill + S.colon + Object.entries(by).map(([s, [g, m]]) => `${s} ${pct(g, m)}%`).join(S.sep)] : []),
      ] : []).concat(st.best != null ? [S.best + S.colon + st.best + "%"] : []).map((l) => h("p", l)));
      if (btn("submit")) btn("submit").hidden = st.done;
    };
    const check = (f) => {
      const id = idOf(f), a = read(f);
      st.answers[id] = a;
      paint(f, keys[id], a, (st.results[id] = grade(keys[id], a)), S, exam);
    };
    root.addEventListener("input", (e) => {
      const f = e.target.closest(OWN) && e.target.closest("[data-cw-q]");
      if (f) { st.answers[idOf(f)] = read(f); save(); }
    });
    root.addEventListener("click", (e) => {
      const b = e.target.closest("button"), f = b?.closest("[data-cw-q]"), act = b && ds(b, "cwAction"), mv = b && +ds(b, "cwMove");
      if (mv) {
        // Moving the neighbour keeps focus.
        const li = b.closest("li"), p = li.previousElementSibling, n = li.nextElementSibling;
        if (mv < 0) { if (p) li.after(p); } else if (n) li.before(n);
        st.answers[idOf(f)] = read(f); save();
      } else if (act == "check") {
        if (blank(read(f))) { $(f, "[data-cw-status]").textContent = S.unanswered; return; }
        check(f); summary(); save();
        $(f, "[data-cw-explanation] > summary")?.focus();
      } else if (act == "hint") {
        const next = $(f, "[data-cw-hint][hidden]");
        if (next) { next.hidden = false; next.tabIndex = -1; next.focus(); }
        b.textContent = S.next_hint;
        b.hidden = !$(f, "[data-cw-hint][hidden]");
      } else if (act == "next") steps(f, +ds(f, "cwShown") + 1);
      else if (act == "submit") {
        drawn.forEach(check); st.done = true; summary();
        out.tabIndex = -1; out.focus();
      } else if (act == "retry" || act == "reset") {
        if (act == "reset") store.del(cfg.key);
        st = { ...(act == "reset" ? load() : st), seed: newSeed(), answers: dict(), results: dict(), done: false };
        save(); apply();
      }
    });
    btn("retry").hidden = btn("reset").hidden = false;
    $$(root, "[data-cw-move]").forEach((m) => (m.parentElement.hidden = false));
    apply();
    save();
  }
  function mountDrill(root) {
    const D = json(root, "[data-cw-drill-data]"), S = json(root, "[data-cw-strings]") || {}, f = $(root, "[data-cw-q]"), seedIn = $(root, "[data-cw-seed]");
    if (!D || !f) return;
    const attrs = arr(D.attributes);
    let spec = {};
    const compose = (seed) => {
      const r = rng(seed), when = dict(), lis = [], cues = [], labels = [];
      attrs.forEach((at, n) => {
        const vals = arr(at.values).filter((v) => arr(v.cues).length), v = vals[(r() * vals.length) | 0] || at.values[0], cue = arr(v.cues)[(r() * v.cues.length) | 0] || "";
        when[at.id] = v.id;
        cues.push([n, cue]);
        labels.push(v.label);
        lis.push(h("li", fmt(S.cue_step, { cue, a: at.label, v: v.label })));
        lis[n].dataset.cwCueRef = n;
      });
      const rule = arr(D.rules).find((x) => Object.keys(x.when).every((k) => x.when[k] == when[k])) || {};
      const cls = arr(D.classes).find((c) => c.id == rule.then) || {}, act = $(root, `[data-cw-action-text="${cls.id}"]`);
      lis.push(h("li", `${S.rule}${labels.join(" + ")} → ${cls.label}`));
      if (act) lis.push(h("li", S.step_action + S.colon + act.textContent));
      $(f, "[data-cw-scenario]").replaceChildren(...shuffle(cues, r).flatMap(([n, text]) => {
        const s = h("span", text);
        s.className = "cw-cue"; s.dataset.cwCue = n;
        return [s, " "];
      }));
      $(f, "[data-cw-worked]").replaceChildren(...lis);
      spec = { type: "classify", points: attrs.length + 1 + +!!act, attributes: when, class: cls.id, action: act ? cls.id : null };
      write(f, null);
      paint(f, spec, null, null, S, false);
      seedIn.value = seed;
      history.replaceState(history.state, "", `#seed=${seed}`);
    };
    root.addEventListener("click", (e) => {
      const a = e.target.closest("button")?.dataset.cwAction, ans = read(f);
      if (a == "new") compose(newSeed());
      if (a == "next") steps(f, +ds(f, "cwShown") + 1);
      if (a == "check") blank(ans) ? ($(f, "[data-cw-status]").textContent = S.unanswered) : paint(f, spec, ans, grade(spec, ans), S, false);
    });
    seedIn.addEventListener("change", () => compose(num(seedIn.value) >>> 0 || newSeed()));
    $$(root, "[hidden]:not(details,[data-cw-action])").forEach((x) => (x.hidden = false));
    compose(+(/^#seed=(\d+)$/.exec(location.hash)?.[1] || 0) || newSeed());
  }
  const saved = (id, v) => { const s = store.get(`cw:v${v}:quiz:${id}`); return s.v === v && s.id === id ? s : {}; };
  function mountProgress(root) {
    const O = json(root, "[data-cw-outline]"), S = json(root, "[data-cw-strings]") || {};
    if (!O) return;
    const rs = [], wrong = [];
    const row = (sel, best, state) => {
      const tr = $(root, sel);
      if (!tr || best == null) return;
      $(tr, "[data-cw-best]").textContent = `${best}%`;
      $(tr, "[data-cw-state]").textContent = state;
    };
    arr(O.lessons).forEach((l) => {
      const bests = [];
      let passed = 0;
      arr(l.quizzes).forEach((q) => {
        const s = saved(q.id, O.version), res = valid(s.results), best = fin(s.best) ? s.best : null, pass = { pass: q.pass };
        if (best != null) bests.push(best);
        passed += +(s.passed === true);
        row(`[data-cw-pq="${q.id}"]`, best, s.passed === true ? "✓ " + fmt(S.passed, pass) : "✗ " + fmt(S.failed, pass));
        arr(q.questions).forEach((x, i) => {
          const r = res[x.id];
          if (!r) return;
          rs.push([r, x.skills]);
          if (r.correct === false) {
            const li = document.createElement("li"), a = h("a", x.text || fmt(S.question, { n: i + 1 }));
            a.href = `${q.href}#${x.id}`;
            li.append(a, ` — ${q.title}`);
            wrong.push(li);
          }
        });
      });
      // A lesson: the mean of its quizzes' best scores, and how many of them are passed.
      const n = arr(l.quizzes).length;
      row(`[data-cw-pl="${l.id}"]`, bests.length ? Math.round(bests.reduce((x, y) => x + y) / bests.length) : null,
        `${passed == n ? "✓" : "✗"} ${passed}/${n}`);
    });
    const m = Object.entries(bySkill(rs)).map(([k, [g, n]]) => h("li", k + S.colon + pct(g, n) + "%" + fmt(S.of, { g: r2(g), n: r2(n) })));
    if (m.length) $(root, "[data-cw-mastery]").replaceChildren(...m);
    if (wrong.length) $(root, "[data-cw-mistakes]").replaceChildren(...wrong);
  }
  /** ✓ on nav links to passed quizzes/<id>/ (storage v1) */
  function markNav() {
    $$(document, "nav a.md-nav__link").forEach((a) => {
      const id = /\/quizzes\/([^/]+?)(\/|\.html)$/.exec(new URL(a.href).pathname)?.[1];
      if (id) a.classList.toggle("cw-done", saved(id, 1).passed === true);
    });
  }
  /** @param {El} el */
  function mount(el) {
    if (el.dataset.cwMounted) return;
    el.dataset.cwMounted = "1";
    (el.dataset.cwQuiz ? mountQuiz : el.dataset.cwDrill ? mountDrill : mountProgress)(el);
  }
  const mountAll = () => {
    $$(document, "[data-cw-quiz],[data-cw-drill],[data-cw-progress]").forEach(mount);
    markNav();
    // Name Material's search dialog (axe: aria-dialog-name).
    $$(document, ".md-search[role=dialog]").forEach((d) => (d.ariaLabel ||= $(d, "input")?.ariaLabel));
  };
  if (typeof module === "object") module.exports = { grade, norm, num, rng, shuffle, store, mount, fits, restore, bySkill };
  else {
    // Material's instant navigation emits each new page on document$; DOMContentLoaded covers
    // plain MkDocs and a Material that failed to start. mount() is idempotent, so both may fire.
    /** @type {any} */ (window).document$?.subscribe(mountAll);
    if (document.readyState == "loading") document.addEventListener("DOMContentLoaded", mountAll);
    else mountAll();
  }
})();
