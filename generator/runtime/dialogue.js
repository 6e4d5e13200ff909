// @ts-check
// Branching conversations (questions of type "dialogue"), on quiz pages that have one: such a page loads
// this bundle instead of quiz.js, and mounts the quiz runtime with the grade, read and paint below,
// which pass every other question type on unchanged. So quiz pages without a conversation carry none
// of this code.
//
// The answer is the list of reply indexes taken from the start (the answer key's order); the
// conversation on screen is rebuilt from it. Every line, reply, feedback and debrief is server-rendered
// HTML in the page's inert <template>s, cloned here: no HTML is ever built from strings.
import { MAX_REPLIES, ended, gradeAny, walk } from "./dialoguegrade.js";
import { mountQuiz } from "./quiz.js";
import { paint, read } from "./question.js";
import { get, restore } from "./store.js";
import { $, $$, arr, ds, fmt, hide, json, r2 } from "./util.js";

/** @typedef {import("./contract.js").AnswerKey} AnswerKey */
/** @typedef {import("./contract.js").DialogueKey} DialogueKey */
/** @typedef {import("./contract.js").Result} Result */
/** @typedef {Record<string, string>} Strings */

/** The replies taken so far, as the log shows them. @param {HTMLElement} f */
const taken = (f) => $$(f, "[data-cw-taken]").map((e) => +ds(e, "cwTaken"));
/** @param {HTMLElement} f */
const readAny = (f) => (ds(f, "cwType") == "dialogue" ? taken(f) : read(f));

/** A copy of a <template>'s content. @param {HTMLElement} f @param {string} sel @returns {DocumentFragment | null} */
const clone = (f, sel) => {
  const t = /** @type {HTMLTemplateElement | null} */ ($(f, sel));
  return t ? /** @type {DocumentFragment} */ (t.content.cloneNode(true)) : null;
};
/** A node's or ending's template; ids are [A-Za-z0-9_.-], so they are safe in a selector. @param {string} kind @param {string} id */
const sel = (kind, id) => `template[data-cw-${kind}="${id}"]`;

/**
 * One conversation's display: the log, the replies on offer, the end summary.
 * @param {HTMLElement} f the question's fieldset @param {DialogueKey} k @param {boolean} exam @param {Strings} QS the quiz's strings
 */
function conversation(f, k, exam, QS) {
  /** @type {Strings} */
  const S = json(f, "[data-cw-dlg-strings]") || {};
  const log = $(f, "[data-cw-log]"), box = $(f, "[data-cw-replies]"), end = $(f, "[data-cw-end]");
  const wait = $(f, "[data-cw-wait]"), restart = $(f, "[data-cw-action=restart]"), saver = $(f, "[data-cw-saver]");
  // quiz.js saves a question's answer on an input event from one of its controls: this one stays in the page.
  const save = () => saver.dispatchEvent(new Event("input", { bubbles: true }));

  /** Show node id's line in the log and its replies as buttons. @param {string} id */
  const turn = (id) => {
    const c = clone(f, sel("turn", id));
    if (!c) return;
    log.append(/** @type {Element} */ ($(c, "[data-cw-line]")));
    box.replaceChildren(...$(c, "[data-cw-replies-of]").childNodes);
  };
  /** The trainee's reply, as a turn of the log. @param {HTMLButtonElement} b */
  const mine = (b) => {
    const d = document.createElement("div"), who = document.createElement("p"), says = document.createElement("div");
    d.className = "cw-dlg__turn cw-dlg__turn--me";
    d.dataset.cwTaken = b.value;
    who.className = "cw-dlg__who";
    who.textContent = S.you;
    says.className = "cw-dlg__says";
    says.append(...[...b.childNodes].map((n) => n.cloneNode(true)));
    d.append(who, says);
    log.append(d);
  };
  /** The conversation's last line: its ending. @param {string} id */
  const close = (id) => {
    const c = clone(f, sel("ending", id)), p = document.createElement("p");
    p.className = "cw-dlg__turn cw-dlg__turn--end";
    p.textContent = fmt(S.ended, { outcome: c ? $(c, "[data-cw-outcome-text]").textContent : id });
    log.append(p);
    box.replaceChildren();
  };
  /** Lay out path a from the start; replies that do not exist end it there. @param {unknown} a */
  const replay = (a) => {
    log.replaceChildren();
    turn(k.start);
    let at = k.start;
    // Saved data is user-editable: a path longer than any graded one is not laid out.
    for (const i of arr(a).slice(0, MAX_REPLIES)) {
      const b = /** @type {HTMLButtonElement | undefined} */ ($$(box, "[data-cw-choice]").find((x) => +x.value === i));
      if (!b) break;
      at = step(at, b);
    }
    hide(wait, !(exam && Object.hasOwn(k.endings, at)));
  };
  /** Take reply b at node at; returns where it leads. @param {string} at @param {HTMLButtonElement} b */
  const step = (at, b) => {
    mine(b);
    const next = k.nodes[at].choices[+b.value].next;
    if (Object.hasOwn(k.nodes, next)) turn(next);
    else close(next);
    return next;
  };
  /** Where the conversation stands: the last node or ending reached. */
  const here = () => walk(k, taken(f)).at || k.start;

  /** The end summary of a graded conversation (r null hides it). @param {unknown} a @param {Result | null} r */
  const summary = (a, r) => {
    hide(end, !r);
    // An exam's graded conversation stays as it was submitted; a practice one may start again.
    hide(restart, !!r && exam);
    if (!r) return;
    const w = walk(k, a), done = ended(k, a), e = done ? clone(f, sel("ending", /** @type {string} */ (w.at))) : null;
    const outcome = e ? $(e, "[data-cw-outcome-text]").textContent : S.unfinished;
    $(end, "[data-cw-outcome]").textContent = fmt(done && k.endings[/** @type {string} */ (w.at)].success ? S.success : S.failure, { outcome });
    $(end, "[data-cw-dlg-score]").textContent = fmt(S.score, { got: r2(w.total), best: r2(k.best) });
    $(end, "[data-cw-debrief]").replaceChildren(...(e ? $(e, "[data-cw-debrief-text]").childNodes : []));
    // Each turn of the path: the line (its cue marked, with the note), the reply, its points and feedback.
    let at = k.start;
    $(end, "[data-cw-review]").replaceChildren(...arr(a).slice(0, MAX_REPLIES).map((i) => {
      const li = document.createElement("li"), c = clone(f, sel("turn", at));
      if (c) {
        const line = $(c, "[data-cw-line]"), b = $(c, `[data-cw-choice][value="${+i}"]`), me = document.createElement("p");
        $$(line, ".cw-cue").forEach((x) => x.classList.add("cw-cue--on"));
        me.className = "cw-dlg__mine";
        me.append(S.you + QS.colon, ...(b ? b.childNodes : []));
        li.append(line, ...($(c, "[data-cw-cue-note]") ? [$(c, "[data-cw-cue-note]")] : []), me, $(c, `[data-cw-feedback-of="${+i}"]`) || "");
      }
      at = k.nodes[at]?.choices[i]?.next ?? at;
      return li;
    }));
  };

  f.addEventListener("click", (ev) => {
    const b = /** @type {HTMLElement} */ (ev.target).closest("button");
    if (!b || b.disabled) return;
    if (b.matches("[data-cw-choice]")) {
      const at = step(here(), /** @type {HTMLButtonElement} */ (b));
      save();
      if (Object.hasOwn(k.endings, at)) {
        if (exam) {
          hide(wait, false);
          wait.tabIndex = -1;
          wait.focus();
        } else {
          // The quiz runtime grades, saves and counts it, and paints it through paintAny below.
          $(f, "[data-cw-action=check]").click();
          end.focus();
        }
      } else $(box, "button")?.focus();
    } else if (ds(b, "cwAction") == "restart") {
      // The last finished conversation keeps counting in the quiz score until this one ends.
      replay([]);
      paint(f, k, [], null, QS, exam);
      summary([], null);
      hide($(f, "[data-cw-action=check]"), true);
      save();
      $(box, "button")?.focus();
    }
  });
  return {
    /** Show answer a with result r (null: not graded), as paint() does for other questions. @param {unknown} a @param {Result | null} r */
    show(a, r) {
      if (JSON.stringify(taken(f)) != JSON.stringify(arr(a))) replay(a);
      // In practice a result belongs to a finished conversation: one restarted since is shown as in
      // progress. An exam shows what was submitted, finished or not.
      const res = exam || ended(k, a) ? r : null;
      paint(f, k, a, res, QS, exam);
      hide($(f, "[data-cw-action=check]"), true);
      summary(a, res);
    },
    replay,
  };
}

/** @param {HTMLElement} root the element with data-cw-dialogue */
export function mountDialogues(root) {
  const cfg = json(root, "[data-cw-config]");
  if (!cfg) return;
  const exam = cfg.mode == "exam", QS = json(root, "[data-cw-strings]") || {};
  /** @type {Map<HTMLElement, ReturnType<typeof conversation>>} */
  const talks = new Map();
  $$(root, "[data-cw-q][data-cw-type=dialogue]").forEach((f) => {
    const k = cfg.questions[ds(f, "cwQ")];
    if (k && k.type == "dialogue") talks.set(f, conversation(f, k, exam, QS));
  });
  const painted = new Set();
  /** @type {typeof paint} */
  const paintAny = (f, k, a, r, S, ex) => {
    const t = talks.get(f);
    if (!t) return paint(f, k, a, r, S, ex);
    painted.add(f);
    t.show(a, r);
  };
  mountQuiz(root, undefined, gradeAny, readAny, paintAny);
  // A conversation in progress has an answer but no result, which the quiz runtime does not paint.
  const saved = restore(get(cfg.key), cfg).answers;
  talks.forEach((t, f) => painted.has(f) || t.replay(saved[ds(f, "cwQ")]));
}
