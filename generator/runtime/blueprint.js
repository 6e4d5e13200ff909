// @ts-check
// The final exam's draw, the same algorithm as generator/model/examdraw.py (which `check` runs to prove
// the pool can satisfy the blueprint; tests/vectors/draw.json holds both to the same draws): per lesson
// so many questions, every named skill at least so often. Lesson by lesson in the seed's shuffled order,
// pruning a branch once the later lessons cannot meet a minimum, remembering branches that failed.
import { rng, shuffle } from "./util.js";

/**
 * @param {string[][]} groups each lesson's eligible question ids, in page order
 * @param {Record<string, string[]>} skills question id -> its skill ids
 * @param {number} per questions drawn from each lesson
 * @param {Record<string, number>} minimums skill id -> how often an attempt asks it at least
 * @param {number} seed 0: the page's order; else a shuffle per lesson
 * @returns {string[] | null} the drawn ids, or null when no draw meets the blueprint
 */
export function draw(groups, skills, per, minimums, seed) {
  const r = rng(seed), orders = groups.map((g) => (seed ? shuffle(g, r) : [...g]));
  // Sorted by UTF-16 code units, as Python sorts these ids (letters, digits, "-", "_", ".").
  const names = Object.keys(minimums).filter((s) => minimums[s] > 0).sort(), K = names.length;
  if (orders.some((o) => o.length < per)) return null;
  if (!orders.length) return K ? null : [];
  /** @type {number[][][]} which needed skills each question counts towards */
  const has = orders.map((o) => o.map((q) => names.flatMap((s, k) => ((skills[q] || []).includes(s) ? [k] : []))));
  /** @type {number[][][]} per group and position: questions from there on with each skill */
  const leftIn = has.map((rows) => {
    const counts = [Array(K).fill(0)];
    for (let j = rows.length - 1; j >= 0; j--) counts.unshift(counts[0].map((c, k) => c + +rows[j].includes(k)));
    return counts;
  });
  /** @type {number[][]} per group: the most questions with each skill that it and the later groups can give */
  const cap = [Array(K).fill(0)];
  for (let i = orders.length - 1; i >= 0; i--) cap.unshift(cap[0].map((c, k) => c + Math.min(per, leftIn[i][0][k])));
  const failed = new Set();
  /** @param {number} i @param {number} start @param {number} left @param {number[]} need @returns {string[] | null} */
  const search = (i, start, left, need) => {
    if (!left) {
      if (i + 1 == orders.length) return need.some((n) => n) ? null : [];
      i++;
      start = 0;
      left = per;
    }
    const state = `${i},${start},${left},${need}`;
    if (failed.has(state)) return null;
    if (need.every((n, k) => n <= Math.min(left, leftIn[i][start][k]) + cap[i + 1][k]))
      for (let j = start; j <= orders[i].length - left; j++) {
        const rest = search(i, j + 1, left - 1, need.map((n, k) => Math.max(0, n - +has[i][j].includes(k))));
        if (rest) return [orders[i][j], ...rest];
      }
    failed.add(state);
    return null;
  };
  return search(0, 0, per, names.map((s) => minimums[s]));
}
