// @ts-check
// A drill page: a fresh scenario per seed, composed from a rule-based scheme's cue bank, or drawn
// whole from a judgment scheme's scenarios of a class picked at random.
import { grade } from "./grade.js";
import { num } from "./normalise.js";
import { blank, paint, read, steps, write } from "./question.js";
import { $, $$, arr, dict, ds, fmt, h, json, newSeed, obj, rng, shuffle } from "./util.js";

/** @typedef {import("./contract.js").ClassifyKey} ClassifyKey */
/**
 * What a drill page tells the runtime (generator/render/pages/drill.py: drill_data).
 * @typedef {{scheme: string, title: string,
 *   classes: {id: string, label: string, action: string, description: string}[],
 *   attributes: {id: string, label: string, values: {id: string, label: string, cues: string[]}[]}[],
 *   rules: {when: Record<string, string>, then: string}[], scenarios: Record<string, string[]>}} DrillData
 */

/** @param {HTMLElement} root the element with data-cw-drill */
export function mountDrill(root) {
  /** @type {DrillData | null} */
  const D = json(root, "[data-cw-drill-data]");
  const S = json(root, "[data-cw-strings]") || {}, f = $(root, "[data-cw-q]"), seedIn = $(root, "[data-cw-seed]");
  if (!D || !f) return;
  const attrs = arr(D.attributes), cases = Object.entries(obj(D.scenarios)).filter(([, v]) => arr(v).length);
  /** @type {ClassifyKey} */
  let key;
  /** @param {number} seed */
  const compose = (seed) => {
    const r = rng(seed), when = dict(), lis = [];
    if (cases.length) {
      // A judgment drill: a class at random, one of its scenarios; the steps explain the class.
      const [id, texts] = cases[(r() * cases.length) | 0], act = $(root, `[data-cw-action-text="${id}"]`);
      const cls = arr(D.classes).find((c) => c.id == id) || { id, label: id };
      lis.push(h("li", S.step_class + S.colon + cls.label + (cls.description ? S.colon + cls.description : "")));
      if (act) lis.push(h("li", S.step_action + S.colon + act.textContent));
      return show(seed, [h("p", texts[(r() * texts.length) | 0])], lis, { type: "classify", points: 1 + +!!act,
        skills: [], attributes: {}, class: id, action: act ? id : null, show: cls.label });
    }
    /** @type {string[]} */
    const labels = [];
    /** @type {[number, string][]} */
    const cues = [];
    attrs.forEach((at, n) => {
      const vals = arr(at.values).filter((v) => arr(v.cues).length), v = vals[(r() * vals.length) | 0] || at.values[0];
      const cue = arr(v.cues)[(r() * v.cues.length) | 0] || "";
      when[at.id] = v.id;
      cues.push([n, cue]);
      labels.push(v.label);
      const li = h("li", fmt(S.cue_step, { cue, a: at.label, v: v.label }));
      li.dataset.cwCueRef = String(n);
      lis.push(li);
    });
    const rule = arr(D.rules).find((x) => Object.keys(x.when).every((k) => x.when[k] == when[k])) || {};
    const cls = arr(D.classes).find((c) => c.id == rule.then) || {}, act = $(root, `[data-cw-action-text="${cls.id}"]`);
    lis.push(h("li", `${S.rule}${labels.join(" + ")} → ${cls.label}`));
    if (act) lis.push(h("li", S.step_action + S.colon + act.textContent));
    const spans = shuffle(cues, r).flatMap(([n, text]) => {
      const s = h("span", text);
      s.className = "cw-cue";
      s.dataset.cwCue = String(n);
      return [s, " "];
    });
    show(seed, spans, lis, { type: "classify", points: attrs.length + 1 + +!!act, skills: [], attributes: when,
      class: cls.id, action: act ? cls.id : null, show: cls.label });
  };
  /**
   * Put a new scenario, its worked steps and its key on the page, unanswered.
   * @param {number} seed @param {(Node | string)[]} scenario @param {HTMLElement[]} lis @param {ClassifyKey} k
   */
  const show = (seed, scenario, lis, k) => {
    $(f, "[data-cw-scenario]").replaceChildren(...scenario);
    $(f, "[data-cw-worked]").replaceChildren(...lis);
    key = k;
    write(f, null);
    paint(f, key, null, null, S, false);
    seedIn.value = seed;
    history.replaceState(history.state, "", `#seed=${seed}`);
  };
  root.addEventListener("click", (e) => {
    const a = /** @type {HTMLElement} */ (e.target).closest("button")?.dataset.cwAction, ans = read(f);
    if (a == "new") compose(newSeed());
    if (a == "next") steps(f, +ds(f, "cwShown") + 1);
    if (a == "check") {
      if (blank(ans)) $(f, "[data-cw-status]").textContent = S.unanswered;
      else {
        paint(f, key, ans, grade(key, ans), S, false);
        // A judgment drill's feedback is the class's description and action: show both at once.
        if (cases.length) steps(f, 9);
      }
    }
  });
  seedIn.addEventListener("change", () => compose(num(seedIn.value) >>> 0 || newSeed()));
  $$(root, "[hidden]:not(details,[data-cw-action])").forEach((x) => (x.hidden = false));
  compose(+(/^#seed=(\d+)$/.exec(location.hash)?.[1] || 0) || newSeed());
}
