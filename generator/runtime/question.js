// @ts-check
// One question's fieldset: read the answer its controls hold, put an answer back, show a result.
// Shared by quiz pages and drill pages.
import { norm, trim } from "./normalise.js";
import { $, $$, arr, dict, ds, fmt, hide, obj, r2, str } from "./util.js";

/** @typedef {import("./contract.js").AnswerKey} AnswerKey */
/** @typedef {import("./contract.js").Result} Result */
/** @typedef {Record<string, string>} Strings interface strings (generator/render/i18n.py) */

// A question's own controls, found only by their data hooks: author Markdown in a prompt or a
// scenario (content tabs are radio inputs) is never read, graded, reset or disabled.
export const OWN = "[data-cw-choice],[data-cw-blank],[data-cw-number],[data-cw-select],[data-cw-move]";

/** The answer held by the controls of question fieldset f. @param {HTMLElement} f @returns {any} */
export function read(f) {
  const t = ds(f, "cwType"), on = $$(f, "[data-cw-choice]:checked");
  if (t == "single" || t == "multiple") return on.map((i) => +i.value);
  if (t == "truefalse") return on.length ? on[0].value == "true" : null;
  if (t == "fill") return $$(f, "[data-cw-blank]").map((i) => i.value);
  if (t == "ordering") return $$(f, "[data-cw-item]").map((i) => +ds(i, "cwItem"));
  if (t == "classify") {
    /** @type {Record<string, any>} */
    const o = { attributes: dict() };
    on.forEach((i) => {
      const s = i.closest("[data-cw-step]"), st = ds(s, "cwStep");
      if (st == "attribute") o.attributes[ds(s, "cwAttribute")] = i.value;
      else o[st] = i.value;
    });
    return o;
  }
  /** @type {(number | null)[]} */
  const a = [];
  $$(f, "[data-cw-select]").forEach((s) => (a[+ds(s, "cwSelect")] = s.value ? +s.value : null));
  return t == "matching" || t == "categorise" ? a : $(f, "[data-cw-number]").value;
}

/** Put answer a back into f's controls; an answer of the wrong shape clears them. @param {HTMLElement} f @param {any} a */
export function write(f, a) {
  const t = ds(f, "cwType"), o = obj(a), ol = $(f, "[data-cw-order]");
  $$(f, "[data-cw-choice]").forEach((i) => {
    const s = i.closest("[data-cw-step]"), st = s ? ds(s, "cwStep") : "";
    i.checked = t == "classify" ? i.value === (st == "attribute" ? obj(o.attributes)[ds(s, "cwAttribute")] : o[st])
      : t == "truefalse" ? i.value === String(a) : arr(a).includes(+i.value);
  });
  $$(f, "[data-cw-blank]").forEach((i, n) => (i.value = String(arr(a)[n] ?? "")));
  $$(f, "[data-cw-number]").forEach((i) => (i.value = str(a) ? a : ""));
  $$(f, "[data-cw-select]").forEach((s) => (s.value = String(arr(a)[+ds(s, "cwSelect")] ?? "")));
  if (ol) arr(a).forEach((k) => {
    const li = $(ol, `[data-cw-item="${+k}"]`);
    if (li) ol.append(li);
  });
}

/** Is nothing answered? @param {any} a @returns {boolean} */
export const blank = (a) => a == null || a === "" || (typeof a == "object" && Object.values(a).every(blank));

/** Unfold the first n worked steps. @param {HTMLElement} f @param {number} n */
export function steps(f, n) {
  const lis = $$(f, "[data-cw-worked] > li"), ref = lis[n - 1]?.dataset.cwCueRef;
  lis.forEach((li, i) => (li.hidden = i >= n));
  hide($(f, "[data-cw-action=next]"), n >= lis.length);
  $$(f, "[data-cw-cue]").forEach((c) => c.classList.toggle("cw-cue--on", c.dataset.cwCue === ref));
  f.dataset.cwShown = String(n);
}

/**
 * Show result r of answer a to key k in fieldset f; r null puts the question back as the page shows it
 * before any answer (hints folded away). In an exam, the check button stays hidden.
 * @param {HTMLElement} f @param {AnswerKey} k @param {any} a @param {Result | null} r @param {Strings} S @param {boolean} exam
 */
export function paint(f, k, a, r, S, exam) {
  /** @param {HTMLElement} el @param {boolean} ok */
  const mark = (el, ok) => (el.dataset.cwMark = ok ? "right" : "wrong");
  const t = k.type, o = obj(a), ex = $(f, "[data-cw-explanation]"), hb = $(f, "[data-cw-action=hint]");
  const right = t == "single" || t == "multiple" ? k.correct.map(String) : t == "truefalse" ? [String(k.answer)] : [];
  const picked = t == "truefalse" ? [String(a)] : arr(a).map(String);
  const show = t == "fill" ? k.blanks.map((b) => b.show).join(" / ") : "show" in k ? k.show : "";
  $$(f, "[data-cw-mark]").forEach((e) => delete e.dataset.cwMark);
  $$(f, OWN).forEach((e) => (e.disabled = !!r));
  hide($(f, "[data-cw-action=check]"), exam || !!r);
  // The hint button goes once the question is answered; a fresh attempt folds the hints away again.
  hide(hb, !!r);
  if (!r) {
    $$(f, "[data-cw-hint]").forEach((x) => hide(x, true));
    if (hb) hb.textContent = S.hint;
  }
  $$(f, "[data-cw-option]").forEach((e) => {
    const v = ds(e, "cwOption"), c = right.includes(v), p = picked.includes(v);
    if (r && (c || p)) mark(e, c);
    hide($(e, "[data-cw-option-feedback]"), !(r && p));
  });
  $$(f, "[data-cw-feedback]").forEach((e) => hide(e, !r || (ds(e, "cwFeedback") == "correct") != r.correct));
  // A right answer given in other words (a synonym, the pattern) is followed by the standard wording.
  const other = t == "fill" && arr(a).some((x) => str(x) && trim(x) && !k.blanks.some((b) => b.accept.includes(norm(x))));
  $(f, "[data-cw-status]").textContent = r
    ? (r.correct ? "✓ " + S.correct : r.score ? "◐ " + S.partial : "✗ " + S.incorrect) + fmt(S.of, { g: r2(r.score), n: r.max }) +
      (show && !r.correct ? " " + S.answer_is + show : show && other ? " " + S.standard + show : "")
    : "";
  if (ex) {
    hide(ex, !r);
    ex.open = !!r;
  }
  if (!r) return;
  const key = t == "matching" ? k.pairs : t == "categorise" ? k.categories : null;
  if (key) $$(f, "[data-cw-row]").forEach((e) => {
    const i = +ds(e, "cwRow");
    mark(e, arr(a)[i] === key[i]);
  });
  if (t == "ordering") $$(f, "[data-cw-item]").forEach((e, i) => mark(e, +ds(e, "cwItem") === k.order[i]));
  if (t == "classify") $$(f, "[data-cw-step]").forEach((e) => {
    const st = ds(e, "cwStep");
    mark(e, st == "attribute" ? obj(o.attributes)[ds(e, "cwAttribute")] === k.attributes[ds(e, "cwAttribute")]
      : o[st] === (st == "class" ? k.class : k.action));
  });
  steps(f, 1);
}
