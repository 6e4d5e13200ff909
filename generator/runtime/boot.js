// @ts-check
// Starts a widget runtime: each kind of widget page (quiz, drill, progress) has its own bundle
// (generator/runtime/pages/), which calls boot() with its kind and mount function.
import { $$ } from "./util.js";

/**
 * Mount every [data-cw-<kind>] widget of the page, once each, now and after each instant navigation.
 * @param {string} kind "quiz", "drill" or "progress" @param {(el: HTMLElement) => void} mount
 */
export function boot(kind, mount) {
  const all = () => $$(document, `[data-cw-${kind}]`).forEach((/** @type {HTMLElement} */ el) => {
    if (el.dataset.cwMounted) return;
    el.dataset.cwMounted = "1";
    mount(el);
  });
  /** @type {any} */
  const w = window, flag = "cw-" + kind;
  // Material's instant navigation emits each new page on document$, and runs a page's scripts again
  // each time it swaps such a page in: only the first run subscribes. DOMContentLoaded covers plain
  // MkDocs and a Material that failed to start. Mounting is idempotent, so both may fire.
  if (!w[flag]) {
    w[flag] = 1;
    w.document$?.subscribe(all);
  }
  if (document.readyState == "loading") document.addEventListener("DOMContentLoaded", all);
  else all();
}
