// @ts-check
// The trainee's records in localStorage: access that never throws, and records made safe to use
// (saved data is user-editable, so every value read back is type-checked before use).
import { dict, fin, isObj, keep, list, newSeed, obj, str } from "./util.js";

/** @typedef {import("./contract.js").QuizConfig} QuizConfig */
/** @typedef {import("./contract.js").Result} Result */
/**
 * A quiz's record: the attempt's seed (0: the page's own order), answers and results by question id.
 * @typedef {{v: number, id: string, seed: number, answers: Record<string, any>, results: Record<string, Result>,
 *   best: number | null, passed: boolean, done: boolean}} Record_
 */

// localStorage that never throws: it may be missing, denied or full. Separate functions, so a
// bundle carries only those it uses.
/** @param {string} k @returns {Record<string, any>} the saved object, or {} */
export const get = (k) => {
  try {
    return obj(JSON.parse(localStorage.getItem(k) || "0"));
  } catch (e) {
    return {};
  }
};
/** @param {string} k @param {unknown} v @returns {boolean} whether it was saved */
export const set = (k, v) => {
  try {
    localStorage.setItem(k, JSON.stringify(v));
    return true;
  } catch (e) {
    return false;
  }
};
/** @param {string} k */
export const del = (k) => {
  try {
    localStorage.removeItem(k);
  } catch (e) {
    /* unavailable */
  }
};
/** Can anything be saved? */
export const writable = () => {
  const ok = set("cw:probe", 1);
  del("cw:probe");
  return ok;
};
/** Where the runtime tells site.js (on pages without a quiz) which storage version is current. */
export const SITE = "cw:site";

/** The record under key if it belongs to quiz id in storage version v, else {}. @param {string} key @param {string} id @param {unknown} v */
export const saved = (key, id, v) => {
  const s = get(key);
  return s.v === v && s.id === id ? s : {};
};
/** Saved results that are results. @param {unknown} o @returns {Record<string, Result>} */
export const valid = (o) => keep(o, (r) => isObj(r) && fin(r.score) && fin(r.max) && r.max > 0 && typeof r.correct == "boolean");
/** @param {unknown} x */
const int = (x) => x === null || Number.isInteger(x);
/**
 * Is a, read back from storage, an answer of the shape the page gives a question of type t?
 * @param {string} t @param {any} a @returns {boolean}
 */
export const fits = (t, a) =>
  t == "truefalse" ? typeof a == "boolean"
  : t == "numeric" || t == "calc" ? str(a)
  : t == "fill" ? list(a, str)
  : t == "classify" ? isObj(a) && isObj(a.attributes) && list(Object.values(a.attributes), str) && [a.class, a.action].every((x) => x == null || str(x))
  : list(a, int);
/**
 * A saved record made safe to use: a record of another quiz or version is ignored, a value of the
 * wrong type dropped. A first attempt keeps the page's order (seed 0) unless questions are drawn or shuffled.
 * @param {Record<string, any>} s @param {QuizConfig} cfg @returns {Record_}
 */
export function restore(s, cfg) {
  const keys = keep(cfg.questions, isObj);
  if (s.v !== cfg.version || s.id !== cfg.id) s = {};
  return {
    v: cfg.version, id: cfg.id, seed: fin(s.seed) ? s.seed >>> 0 : cfg.draw || cfg.shuffle_questions ? newSeed() : 0,
    answers: keep(s.answers, (a, id) => !!keys[id] && fits(keys[id].type, a)), results: valid(s.results),
    best: fin(s.best) ? s.best : null, passed: s.passed === true, done: s.done === true,
  };
}
/**
 * Score and maximum per skill id.
 * @param {[Result, unknown][]} rs results, each with its question's skills @returns {Record<string, [number, number]>}
 */
export const bySkill = (rs) => {
  const by = dict();
  rs.forEach(([r, skills]) => (Array.isArray(skills) ? skills : []).forEach((s) => {
    const b = (by[s] ||= [0, 0]);
    b[0] += r.score;
    b[1] += r.max;
  }));
  return by;
};
