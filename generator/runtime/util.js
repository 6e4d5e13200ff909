// @ts-check
// Helpers the other modules share: guards for data that may be hostile (saved records are
// user-editable), maps without inherited keys, seeded shuffles, DOM access and string formatting.

/** @param {unknown} a @returns {any[]} a, or [] when it is not a list */
export const arr = (a) => (Array.isArray(a) ? a : []);
/** @param {unknown} o @returns {o is Record<string, any>} */
export const isObj = (o) => !!o && typeof o == "object" && !Array.isArray(o);
/** @param {unknown} o @returns {Record<string, any>} o, or {} when it is not a plain object */
export const obj = (o) => (isObj(o) ? o : {});
/** @param {unknown} x @returns {x is number} */
export const fin = (x) => typeof x == "number" && isFinite(x);
/** @param {unknown} x @returns {x is string} */
export const str = (x) => typeof x == "string";
/** @param {unknown} a @param {(x: unknown) => boolean} ok @returns {a is any[]} */
export const list = (a, ok) => Array.isArray(a) && a.every(ok);
/** A map without inherited keys: an id such as "constructor" must not find Object.prototype's. @returns {Record<string, any>} */
export const dict = () => Object.create(null);
/**
 * The own entries of o that pass ok(value, key), in a dict.
 * @param {unknown} o @param {(v: any, k: string) => boolean} ok @returns {Record<string, any>}
 */
export const keep = (o, ok) => {
  const d = dict();
  for (const [k, v] of Object.entries(obj(o))) if (ok(v, k)) d[k] = v;
  return d;
};
/** @param {number} x */
export const r2 = (x) => Math.round(x * 100) / 100;
/** "{n} 分" with {n: 2} -> "2 分"; unknown names stay. @param {unknown} s @param {Record<string, unknown>} o */
export const fmt = (s, o) => String(s).replace(/\{(\w+)\}/g, (m, k) => (Object.hasOwn(o, k) ? String(o[k]) : m));
/** @param {number} g @param {number} m */
export const pct = (g, m) => (m ? Math.round((100 * g) / m) : 0);

/** Seeded PRNG (mulberry32). @param {number} a @returns {() => number} */
export const rng = (a) => () => {
  a = (a + 0x6d2b79f5) | 0;
  let t = Math.imul(a ^ (a >>> 15), 1 | a);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
/** A shuffled copy (Fisher–Yates). @template T @param {T[]} a @param {() => number} r @returns {T[]} */
export const shuffle = (a, r) => {
  a = [...a];
  for (let i = a.length - 1; i > 0; i--) {
    const j = (r() * (i + 1)) | 0;
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
};
export const newSeed = () => 1 + ((Math.random() * 999999) | 0);

/** @param {ParentNode} el @param {string} sel @returns {any} the first match: the templates guarantee it */
export const $ = (el, sel) => el.querySelector(sel);
/** @param {ParentNode} el @param {string} sel @returns {any[]} */
export const $$ = (el, sel) => [...el.querySelectorAll(sel)];
/** @param {HTMLElement} el @param {string} k @returns {string} the data attribute, or "" */
export const ds = (el, k) => el.dataset[k] || "";
/** Set el.hidden only when it changes: an unchanged page is not laid out again. @param {HTMLElement | null} el @param {boolean} x */
export const hide = (el, x) => {
  if (el && el.hidden != x) el.hidden = x;
};
/**
 * A new element with text.
 * @template {keyof HTMLElementTagNameMap} K @param {K} tag @param {string} text @returns {HTMLElementTagNameMap[K]}
 */
export const h = (tag, text) => {
  const e = document.createElement(tag);
  e.textContent = text;
  return e;
};
/**
 * The JSON inside a page's <template> (not a <script>: instant navigation re-runs scripts), or null.
 * @param {ParentNode} el @param {string} sel @returns {any}
 */
export const json = (el, sel) => {
  try {
    const t = $(el, sel);
    return JSON.parse((t.content || t).textContent);
  } catch (e) {
    return null;
  }
};
