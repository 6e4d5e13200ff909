// @ts-check
// grade(key, answer): the score of an answer, as generator/model/grading.py; both follow the
// vectors in tests/vectors/grade.json. The key is typed in contract.js; grading looks at its type only.
import { norm, num, trim } from "./normalise.js";
import { arr, list, obj, str } from "./util.js";

/** @typedef {import("./contract.js").AnswerKey} AnswerKey */
/** @typedef {import("./contract.js").BlankKey} BlankKey */
/** @typedef {import("./contract.js").Result} Result */

/** Compiled patterns, each built once per page (null: the browser cannot compile it). @type {Map<string, RegExp | null>} */
const compiled = new Map();
/** Does s match the author's pattern as a whole? A pattern the browser cannot compile matches nothing. @param {string} re @param {string} s */
const test = (re, s) => {
  if (!compiled.has(re)) {
    let pattern = null;
    try {
      pattern = new RegExp(`^(?:${re})$`);
    } catch (e) {
      pattern = null;
    }
    compiled.set(re, pattern);
  }
  const pattern = compiled.get(re);
  return !!pattern && pattern.test(s);
};
/** Is raw a right answer for blank b? An empty blank never is. @param {BlankKey} b @param {string} raw */
export const accepts = (b, raw) => {
  const t = trim(raw), n = norm(t);
  return !!t && (b.accept.includes(n) || b.synonyms.includes(n) || (!!b.regex && test(b.regex, t)));
};
/** Can each answer go to a different blank of the group that accepts it, in any order? @param {BlankKey[]} bs @param {string[]} as @returns {boolean} */
const match = (bs, as) => !bs.length || as.some((a, i) => accepts(bs[0], a) && match(bs.slice(1), as.filter((_, j) => j != i)));
/** The answer lists exactly these indexes, in place. @param {unknown} a @param {number[]} e */
const same = (a, e) => Array.isArray(a) && a.length == e.length && e.every((v, i) => a[i] === v);

/**
 * Grade answer a (as read from the page, or from storage: any shape) against key k.
 * @param {AnswerKey} k @param {unknown} a @returns {Result}
 */
export function grade(k, a) {
  let f = 0;
  switch (k.type) {
    case "single":
    case "multiple": {
      const picks = [...new Set(list(a, Number.isInteger) ? a : [])], right = picks.filter((i) => k.correct.includes(i)).length;
      // Partial credit = (right picks - wrong picks) / number of right options, floored at 0.
      f = k.type == "multiple" && k.scoring == "partial"
        ? Math.max(0, (2 * right - picks.length) / k.correct.length)
        : +(right == k.correct.length && right == picks.length);
      break;
    }
    case "truefalse":
      f = +(a === k.answer);
      break;
    case "fill": {
      const as = arr(a).map((x) => (str(x) ? x : ""));
      f = +k.groups.every((g) => match(g.map((i) => k.blanks[i]), g.map((i) => as[i] ?? "")));
      break;
    }
    case "numeric":
    case "calc":
      f = +(Math.abs(num(a) - k.answer) <= k.tolerance * (k.relative ? Math.abs(k.answer) : 1) + 1e-9);
      break;
    case "ordering":
      f = +same(a, k.order);
      break;
    case "matching":
      f = +same(a, k.pairs);
      break;
    case "categorise":
      f = +same(a, k.categories);
      break;
    case "classify": {
      // An equal share per step: each attribute, the class, the action.
      const o = obj(a), at = obj(o.attributes), ids = Object.keys(k.attributes), act = k.action != null;
      f = (ids.filter((x) => at[x] === k.attributes[x]).length + +(o.class === k.class) + +(act && o.action === k.action)) /
        (ids.length + 1 + +act);
    }
  }
  return { score: Math.round(f * k.points * 1e4) / 1e4, max: k.points, correct: f == 1 };
}
