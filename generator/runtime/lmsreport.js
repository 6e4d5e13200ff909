// @ts-check
// What the LMS is told, in the vocabulary of SCORM 1.2 or 2004: the course's state under its completion
// rule, and one interaction record per graded answer. Pure functions: lms.js does the talking.
import { num } from "./normalise.js";
import { arr, fin, obj, str } from "./util.js";

/** @typedef {import("./contract.js").LmsCourse} LmsCourse */
/** @typedef {import("./contract.js").LmsQuestion} LmsQuestion */
/** @typedef {import("./contract.js").LmsScheme} LmsScheme */
/** @typedef {import("./contract.js").Result} Result */
/** @typedef {{completed: boolean, passed: boolean | null, score: number | null, progress: number}} CourseState */

/**
 * The course under its completion rule: completed when every required lesson was opened and every
 * counted quiz finished once; the score is the mean of the counted quizzes' best scores (one not
 * finished counts 0); passed (once completed) when the score reaches the pass mark, which the LMS's
 * mastery score overrides. No counted quiz: no score, and no pass or fail.
 * @param {LmsCourse} C @param {Record<string, Record<string, any>>} recs by storage key
 * @param {Set<string>} visited lesson ids @param {number | null} mastery percent, from the LMS @returns {CourseState}
 */
export function courseState(C, recs, visited, mastery) {
  const lessons = C.lessons.filter((l) => l.required), quizzes = C.quizzes.filter((z) => z.counted);
  const opened = lessons.filter((l) => visited.has(l.id)).length;
  /** @type {number[]} */
  const bests = quizzes.map((z) => obj(recs[z.key]).best).filter(fin);
  const finished = bests.length, total = lessons.length + quizzes.length;
  const completed = opened == lessons.length && finished == quizzes.length;
  const score = finished ? Math.round(bests.reduce((s, b) => s + b, 0) / quizzes.length) : null;
  const mark = mastery ?? C.pass_mark;
  return {
    completed, score, progress: total ? Math.round((100 * (opened + finished)) / total) / 100 : 1,
    passed: quizzes.length && mark != null && completed ? (score ?? 0) >= mark : null,
  };
}

/** An element and its value. @param {string} f @param {string | null} v @returns {[string, string | null]} */
const kv = (f, v) => [f, v];

/** The data model elements of one standard, by what they hold. */
export const FIELDS = {
  "1.2": {
    init: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue", commit: "LMSCommit", end: "LMSFinish",
    suspend: "cmi.suspend_data", location: "cmi.core.lesson_location", exit: "cmi.core.exit", session: "cmi.core.session_time",
    mastery: "cmi.student_data.mastery_score", count: "cmi.interactions._count", score: "cmi.core.score",
  },
  "2004": {
    init: "Initialize", get: "GetValue", set: "SetValue", commit: "Commit", end: "Terminate",
    suspend: "cmi.suspend_data", location: "cmi.location", exit: "cmi.exit", session: "cmi.session_time",
    mastery: "cmi.scaled_passing_score", count: "cmi.interactions._count", score: "cmi.score",
  },
};

/**
 * The status elements for state s (score included once there is one).
 * @param {"1.2" | "2004"} std @param {CourseState} s @returns {[string, string][]}
 */
export function statusValues(std, s) {
  const F = FIELDS[std], score = s.score == null ? [] : [
    kv(`${F.score}.min`, "0"), kv(`${F.score}.max`, "100"), kv(`${F.score}.raw`, String(s.score)),
    ...(std == "2004" ? [kv(`${F.score}.scaled`, String(s.score / 100))] : []),
  ];
  const out = std == "1.2"
    ? [...score, kv("cmi.core.lesson_status", !s.completed ? "incomplete" : s.passed == null ? "completed" : s.passed ? "passed" : "failed")]
    : [
      ...score, kv("cmi.completion_status", s.completed ? "completed" : "incomplete"), kv("cmi.progress_measure", String(s.progress)),
      kv("cmi.success_status", s.passed == null ? "unknown" : s.passed ? "passed" : "failed"),
    ];
  return /** @type {[string, string][]} */ (out);
}

/** A duration: 1.2 HHHH:MM:SS.SS, 2004 PT#H#M#S. @param {"1.2" | "2004"} std @param {number} ms */
export function duration(std, ms) {
  const cs = Math.max(0, Math.round(ms / 10)), h = Math.floor(cs / 360000), m = Math.floor(cs / 6000) % 60, sec = (cs % 6000) / 100;
  if (std == "2004") return `PT${h}H${m}M${sec.toFixed(2)}S`;
  const two = (/** @type {number} */ x) => String(Math.floor(x)).padStart(2, "0");
  return `${String(h).padStart(4, "0")}:${two(m)}:${two(sec)}.${String(cs % 100).padStart(2, "0")}`;
}

/** A moment in local time: 1.2 hh:mm:ss, 2004 YYYY-MM-DDThh:mm:ss. @param {"1.2" | "2004"} std @param {Date} d */
export function moment(std, d) {
  const p = (/** @type {number} */ x) => String(x).padStart(2, "0");
  const time = `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
  return std == "1.2" ? time : `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${time}`;
}

/** Options and items by their place in the quiz file: a, b, c…; matching targets and categories 1, 2, 3… */
const letter = (/** @type {number} */ i) => (i < 26 ? String.fromCharCode(97 + i) : `o${i}`);
/** A decimal both standards accept (no exponent, at most 10 digits before the point), or null. @param {number} x */
const decimal = (x) => {
  const s = fin(x) ? String(+x.toFixed(7)) : "";
  return /^-?\d{1,10}(\.\d+)?$/.test(s) ? s : null;
};
/** Learner text as one value: no delimiter, line break or leading brace, at most 250 characters. @param {unknown} x */
const text = (x) => String(x ?? "").replace(/\[[,.:]\]|[\r\n]+/g, " ").replace(/^\{/, "(").slice(0, 250);

/**
 * The SCORM interaction type of a question. A type the vocabulary has no word for is `other` (2004) or
 * `performance` (1.2). A conversation (dialogue) is a `performance`: its steps are the replies taken.
 * @param {"1.2" | "2004"} std @param {LmsQuestion} q
 */
export function kind(std, q) {
  const k = q.key, T = { truefalse: "true-false", single: "choice", multiple: "choice", fill: "fill-in", numeric: "numeric",
    calc: "numeric", ordering: "sequencing", matching: "matching", categorise: "matching", classify: "performance",
    dialogue: "performance" };
  const t = Object.hasOwn(T, k.type) ? T[/** @type {keyof T} */ (k.type)] : std == "2004" ? "other" : "performance";
  return t == "fill-in" && std == "2004" && k.type == "fill" && k.blanks.length > 10 ? "long-fill-in" : t;
}

/**
 * A response in the interaction type's format: answer a as the learner gave it, or the key's right
 * answer (correct). null when there is nothing the format can hold.
 * @param {"1.2" | "2004"} std @param {LmsQuestion} q @param {LmsScheme | undefined} s @param {any} a @param {boolean} correct
 * @returns {string | null}
 */
export function response(std, q, s, a, correct) {
  const k = q.key, [comma, dot] = std == "2004" ? ["[,]", "[.]"] : [",", "."], t = kind(std, q);
  /** @param {any[]} xs */
  const join = (xs) => (xs.length ? xs.join(comma) : null);
  /** @param {unknown} xs */
  const pairs = (xs) => join(arr(xs).flatMap((x, i) => (Number.isInteger(x) ? [`${letter(i)}${dot}${x + 1}`] : [])));
  switch (k.type) {
    case "truefalse": {
      const v = correct ? k.answer : a;
      return typeof v != "boolean" ? null : std == "2004" ? String(v) : v ? "t" : "f";
    }
    case "single":
    case "multiple":
      return join([...new Set(arr(correct ? k.correct : a))].filter(Number.isInteger).map(letter));
    case "ordering":
      return join(arr(correct ? k.order : a).filter(Number.isInteger).map(letter));
    case "matching":
      return pairs(correct ? k.pairs : a);
    case "categorise":
      return pairs(correct ? k.categories : a);
    case "fill": {
      const xs = correct ? k.blanks.map((b) => b.show) : arr(a).map((x) => (str(x) ? x : ""));
      return !xs.some((x) => x.trim()) ? null : t == "long-fill-in" ? text(xs.join(" / ")) : join(xs.map(text));
    }
    case "numeric":
    case "calc": {
      if (!correct) return decimal(num(a));
      const tol = k.tolerance * (k.relative ? Math.abs(k.answer) : 1), lo = decimal(k.answer - tol), hi = decimal(k.answer + tol);
      return std == "1.2" || !tol ? decimal(k.answer) : lo && hi && `${lo}[:]${hi}`;
    }
    case "classify": {
      const o = correct ? { attributes: k.attributes, class: k.class, action: k.action } : obj(a), at = obj(o.attributes);
      const steps = [...(s ? s.attributes.map((x) => [x.id, at[x.id]]) : []), ["class", o.class], ["action", o.action]];
      return join(steps.filter(([, v]) => str(v) && v).map(([n, v]) => `${n}${dot}${text(v)}`));
    }
    case "dialogue": // step n: the letter of the reply taken at the n-th turn (the key's order)
      return join(arr(correct ? k.path : a).filter(Number.isInteger).map((x, i) => `${i + 1}${dot}${letter(x)}`));
    default:
      return correct || a == null ? null : text(JSON.stringify(a));
  }
}

/**
 * The elements of interaction n: answer a to question q of quiz quizId, graded r, after ms of work.
 * @param {"1.2" | "2004"} std @param {number} n @param {string} quizId @param {LmsQuestion} q
 * @param {LmsScheme | undefined} s @param {any} a @param {Result} r @param {number} ms @param {Date} now
 * @returns {[string, string][]}
 */
export function interaction(std, n, quizId, q, s, a, r, ms, now) {
  const p = `cmi.interactions.${n}.`, right = response(std, q, s, a, true), given = response(std, q, s, a, false);
  const out = [
    kv("id", `${quizId}.${q.id}`), kv("type", kind(std, q)), kv(std == "2004" ? "timestamp" : "time", moment(std, now)),
    kv("weighting", decimal(q.key.points)), ...(std == "2004" ? [kv("description", text(q.text))] : []),
    kv("correct_responses.0.pattern", right), kv(std == "2004" ? "learner_response" : "student_response", given),
    kv("result", r.correct ? "correct" : std == "2004" ? "incorrect" : "wrong"), kv("latency", duration(std, ms)),
  ];
  return /** @type {[string, string][]} */ (out.filter(([, v]) => v != null && v !== "").map(([f, v]) => [p + f, v]));
}
