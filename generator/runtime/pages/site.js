// @ts-check
// Loaded by every page (bundled into assets/courseware/site.js, deferred): ✓ on navigation links to
// passed quizzes, and a name for Material's search dialog (axe: aria-dialog-name). The widget
// runtimes (quiz.js, drill.js, progress.js) are not loaded here: pages with a widget link theirs.
import { SITE, get, saved } from "../store.js";
import { $, $$ } from "../util.js";

const run = () => {
  // The storage version, as the last quiz or progress page mounted told it.
  const v = get(SITE).v;
  $$(document, "nav a.md-nav__link").forEach((a) => {
    const id = /\/quizzes\/([^/]+?)(\/|\.html)$/.exec(new URL(a.href).pathname)?.[1];
    if (id) a.classList.toggle("cw-done", saved(`cw:v${v}:quiz:${id}`, id, v).passed === true);
  });
  $$(document, ".md-search[role=dialog]").forEach((d) => (d.ariaLabel ||= $(d, "input")?.ariaLabel));
};
// A quiz page tells when a pass was saved; instant navigation brings a new navigation.
document.addEventListener("cw-saved", run);
/** @type {any} */ (window).document$?.subscribe(run);
run();
