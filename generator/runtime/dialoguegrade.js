// @ts-check
// Grading a branching conversation (a question of type "dialogue"), as generator/model/grading.py does:
// shared by the conversation on quiz pages (dialogue.js) and by the LMS adapter, which grades saved answers.
import { grade } from "./grade.js";
import { arr, list } from "./util.js";

/** @typedef {import("./contract.js").AnswerKey} AnswerKey */
/** @typedef {import("./contract.js").DialogueKey} DialogueKey */
/** @typedef {import("./contract.js").Result} Result */

/** Most replies a saved conversation may hold, as generator/model/grading.py. */
export const MAX_REPLIES = 1000;

/**
 * Follow path a from the start: the total of the replies' points and where it stopped (null when a
 * reply does not exist there). Shared by grading and by the end-of-conversation summary.
 * @param {DialogueKey} k @param {unknown} a @returns {{total: number, at: string | null, steps: number}}
 */
export const walk = (k, a) => {
  let at = /** @type {string | null} */ (k.start), total = 0, steps = 0;
  for (const i of arr(a)) {
    const n = at != null && Object.hasOwn(k.nodes, at) ? k.nodes[at] : null, c = n && Number.isInteger(i) ? n.choices[i] : null;
    if (!c) return { total, at: null, steps };
    total += c.points;
    at = c.next;
    steps++;
  }
  return { total, at, steps };
};
/** Has the conversation of path a reached an ending? @param {DialogueKey} k @param {unknown} a */
export const ended = (k, a) => {
  const w = walk(k, a);
  return w.at != null && Object.hasOwn(k.endings, w.at);
};

/**
 * Grade a conversation as generator/model/grading.py does: max(0, the points of the replies taken) /
 * the best path's, of the question's points; right at the best score in a success ending. Anything but
 * a whole conversation from the start to an ending scores nothing.
 * @param {DialogueKey} k @param {unknown} a @returns {Result}
 */
export function gradeDialogue(k, a) {
  let f = 0, ok = false;
  if (list(a, Number.isInteger) && a.length && a.length <= MAX_REPLIES && ended(k, a)) {
    const w = walk(k, a);
    f = Math.min(1, Math.max(0, w.total) / k.best);
    ok = k.endings[/** @type {string} */ (w.at)].success;
  }
  return { score: Math.round(f * k.points * 1e4) / 1e4, max: k.points, correct: f == 1 && ok };
}

/** Any question's grade: conversations here, the rest by grade.js. @param {AnswerKey} k @param {unknown} a */
export const gradeAny = (k, a) => (k.type == "dialogue" ? gradeDialogue(k, a) : grade(k, a));
