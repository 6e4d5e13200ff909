// @ts-check
// The learner's records in an LMS's suspend_data: compact, versioned, and read back as untrusted data.
// SCORM 1.2 gives a course 4,096 characters, so answers are saved by position in the course's own
// order (the launch page's LmsCourse), as short strings, and results are not saved at all: they are
// graded again from the answers, by the same grade() the quiz page uses.
//
// Format 1: JSON [1, "L1 L2", {quiz id: [shape, seed, best, flags, answers, ungraded]}]
//   shape     the quiz's fingerprint: answers saved for another shape of the quiz are not restored
//   seed      the attempt's seed, base 36 (0: the page's own order); best: -1 for none
//   flags     1 passed, 2 done (exam submitted)
//   answers   one entry per question, null when unanswered (trailing nulls dropped); see pack()
//   ungraded  positions of answers not checked yet (left out when there are none)
import { gradeAny } from "./dialoguegrade.js";
import { arr, dict, fin, isObj, obj, str } from "./util.js";

/** @typedef {import("./contract.js").LmsCourse} LmsCourse */
/** @typedef {import("./contract.js").LmsQuestion} LmsQuestion */
/** @typedef {import("./contract.js").LmsScheme} LmsScheme */
/** @typedef {Record<string, any>} Rec a quiz record, as quiz.js keeps it (store.js: Record_) */

export const FORMAT = 1;
const LISTS = ["single", "multiple", "ordering", "matching", "categorise", "dialogue"];
/** Indexes 0–35 (and null) as one character each: "0"–"z", "_". @param {unknown} a */
const small = (a) => Array.isArray(a) && a.every((x) => x === null || (Number.isInteger(x) && x >= 0 && x < 36));
/** @param {(number | null)[]} a */
const chars = (a) => a.map((x) => (x === null ? "_" : x.toString(36))).join("");
/** @param {string} s @returns {(number | null)[]} */
const unchars = (s) => [...s].map((c) => (c == "_" ? null : parseInt(c, 36)));

/**
 * A question's positions, for classify: each attribute's value, the class, the action, as indexes.
 * @param {LmsScheme} s @returns {string[][]}
 */
const slots = (s) => [...s.attributes.map((a) => a.values), s.classes, s.classes];

/**
 * An answer as saved: index lists as strings of base-36 digits, true/false as "t"/"f", a classification
 * as the indexes of its choices; text as it is. Anything of an unexpected shape is saved as it is
 * (the quiz page checks every restored answer's shape anyway).
 * @param {LmsQuestion} q @param {LmsScheme | undefined} s @param {any} a @returns {any}
 */
export function pack(q, s, a) {
  const t = q.key.type;
  if (LISTS.includes(t)) return small(a) ? chars(a) : a;
  if (t == "truefalse") return a === true ? "t" : a === false ? "f" : "";
  if (t == "classify" && s && isObj(a)) {
    const at = obj(a.attributes), picked = [...s.attributes.map((x) => at[x.id]), a.class, a.action];
    const ix = slots(s).map((vals, i) => (picked[i] == null ? null : vals.indexOf(picked[i])));
    return ix.every((i) => i !== -1) && small(ix) ? chars(ix) : a;
  }
  return a;
}

/** The answer a saved entry stands for. @param {LmsQuestion} q @param {LmsScheme | undefined} s @param {any} c @returns {any} */
export function unpack(q, s, c) {
  const t = q.key.type;
  if (LISTS.includes(t)) return str(c) ? unchars(c) : c;
  if (t == "truefalse") return c === "t" ? true : c === "f" ? false : null;
  if (t == "classify" && s && str(c)) {
    const ix = unchars(c), sl = slots(s), n = s.attributes.length;
    /** @type {(i: number) => string | null} */
    const at = (i) => (ix[i] == null ? null : sl[i][/** @type {number} */ (ix[i])] ?? null);
    const attributes = dict();
    s.attributes.forEach((x, i) => at(i) != null && (attributes[x.id] = at(i)));
    return { attributes, class: at(n), action: at(n + 1) };
  }
  return c;
}

/**
 * The entry of one quiz record, or null when there is nothing worth saving.
 * @param {LmsCourse} C @param {import("./contract.js").LmsQuiz} z @param {Rec} r @param {number} level see encode()
 */
function entry(C, z, r, level) {
  const answers = obj(r.answers), results = obj(r.results), best = fin(r.best) ? Math.round(r.best) : -1;
  const keep = level <= 1 || (level == 2 && !r.passed);
  /** @type {any[]} */
  const out = [];
  /** @type {number[]} */
  const ungraded = [];
  if (keep)
    z.questions.forEach((q, i) => {
      if (!Object.hasOwn(answers, q.id)) return;
      const graded = Object.hasOwn(results, q.id);
      if (!graded && level > 0) return;
      out[i] = pack(q, q.scheme ? C.schemes[q.scheme] : undefined, answers[q.id]);
      if (!graded) ungraded.push(i);
    });
  const seed = fin(r.seed) && r.seed > 0 ? (r.seed >>> 0).toString(36) : 0, flags = +(r.passed === true) + 2 * +(r.done === true);
  if (!out.length && !seed && best < 0 && !flags) return null;
  const e = [z.shape, seed, best, flags, Array.from(out, (x) => (x === undefined ? null : x))];
  return ungraded.length ? [...e, ungraded] : e;
}

/**
 * suspend_data for the records (by storage key) and the lessons opened, within C.limit characters.
 * When everything does not fit, less is kept, in this order: answers not checked yet (level 1), the
 * answers of passed quizzes (2), all answers (3: seeds, best scores and passes stay), every quiz (4).
 * @param {LmsCourse} C @param {Record<string, Rec>} recs @param {Set<string>} visited @returns {string}
 */
export function encode(C, recs, visited, level = 0) {
  const lessons = C.lessons.filter((l) => visited.has(l.id)).map((l) => l.id).join(" ");
  const quizzes = dict();
  if (level < 4)
    C.quizzes.forEach((z) => {
      const e = recs[z.key] && entry(C, z, recs[z.key], level);
      if (e) quizzes[z.id] = e;
    });
  const text = JSON.stringify([FORMAT, lessons, quizzes]);
  return text.length <= C.limit || level >= 4 ? text : encode(C, recs, visited, level + 1);
}

/**
 * Records (by storage key) and lessons opened, from suspend_data; anything unreadable is dropped, so a
 * broken or foreign suspend_data starts the course afresh instead of failing.
 * @param {LmsCourse} C @param {string} text @returns {{records: Record<string, Rec>, visited: Set<string>}}
 */
export function decode(C, text) {
  /** @type {any} */
  let d = null;
  try {
    d = JSON.parse(text);
  } catch (e) {
    d = null;
  }
  const records = dict(), visited = new Set();
  if (!Array.isArray(d) || d[0] !== FORMAT) return { records, visited };
  const lessons = new Set(C.lessons.map((l) => l.id));
  if (str(d[1])) d[1].split(" ").forEach((id) => lessons.has(id) && visited.add(id));
  const saved = obj(d[2]);
  C.quizzes.forEach((z) => {
    const e = Object.hasOwn(saved, z.id) ? saved[z.id] : null;
    if (!Array.isArray(e) || e[0] !== z.shape) return;
    const seed = str(e[1]) ? parseInt(e[1], 36) : fin(e[1]) ? e[1] : 0, ungraded = new Set(arr(e[5]));
    const answers = dict(), results = dict();
    arr(e[4]).forEach((c, i) => {
      const q = z.questions[i];
      if (!q || c === null) return;
      const a = unpack(q, q.scheme ? C.schemes[q.scheme] : undefined, c);
      answers[q.id] = a;
      if (!ungraded.has(i)) results[q.id] = gradeAny(q.key, a);
    });
    const best = fin(e[2]) && e[2] >= 0 ? e[2] : null, flags = fin(e[3]) ? e[3] : 0;
    records[z.key] = { v: C.version, id: z.id, seed: seed >>> 0 || 0, answers, results, best, passed: !!(flags & 1), done: !!(flags & 2) };
  });
  return { records, visited };
}
