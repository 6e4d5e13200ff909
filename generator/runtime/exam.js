// @ts-check
// The final exam page: a quiz in exam mode whose questions an attempt draws by the blueprint (the seed is
// saved with the attempt, so a reload shows the same draw), and which saves a pass for the certificate page.
import { draw } from "./blueprint.js";
import { mountQuiz } from "./quiz.js";
import { get, saved, set } from "./store.js";
import { arr, ds, fin, isObj, json, keep, obj } from "./util.js";

/** @typedef {import("./contract.js").QuizConfig} QuizConfig */

/** @param {HTMLElement} root the element with data-cw-exam */
export function mountExam(root) {
  /** @type {QuizConfig} */
  const cfg = json(root, "[data-cw-config]");
  const bp = cfg?.blueprint;
  if (!isObj(bp)) return;
  const skills = keep(cfg.questions, isObj), min = keep(bp.min, fin);
  /** @type {Record<string, string[]>} */
  const of = {};
  for (const id in skills) of[id] = arr(skills[id].skills);
  mountQuiz(root, (qs, seed) => {
    const ids = draw(arr(bp.groups).map(arr), of, bp.per_lesson, min, seed);
    // The build proved a draw exists; were the page edited, the quiz's own draw still asks something.
    return ids ? qs.filter((f) => ids.includes(ds(f, "cwQ"))) : qs.slice(0, cfg.draw || qs.length);
  });
  // The quiz saves its record and tells when an attempt is complete; a passing best score, with the day it
  // was reached, is what the certificate shows.
  const pass = () => {
    const s = saved(cfg.key, cfg.id, cfg.version), c = obj(get(bp.certificate_key));
    if (s.passed !== true || !fin(s.best) || s.best < cfg.pass_mark || (c.id === cfg.id && c.v === cfg.version && c.pct >= s.best)) return;
    const d = new Date(), day = [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n) => String(n).padStart(2, "0")).join("-");
    set(bp.certificate_key, { v: cfg.version, id: cfg.id, pct: s.best, date: day });
  };
  document.addEventListener("cw-saved", pass);
  pass();
}
