// @ts-check
// The certificate page: shown once the final exam's pass is saved in this browser, with the name the
// trainee types (kept in this browser only), the score and the day of the pass; printable.
import { get, saved, set } from "./store.js";
import { $, fin, hide, isObj, json, str } from "./util.js";

/** @typedef {import("./contract.js").CertificateConfig} CertificateConfig */

/** @param {HTMLElement} root the element with data-cw-certificate */
export function mountCertificate(root) {
  /** @type {CertificateConfig} */
  const cfg = json(root, "[data-cw-config]");
  if (!isObj(cfg)) return;
  const c = saved(cfg.key, cfg.exam, cfg.version), day = str(c.date) && /^\d{4}-\d\d-\d\d$/.test(c.date) ? c.date : "";
  const ok = fin(c.pct) && c.pct >= cfg.pass_mark && c.pct <= 100 && !!day;
  hide($(root, "[data-cw-locked]"), ok);
  hide($(root, "[data-cw-issued]"), !ok);
  if (!ok) return;
  const input = $(root, "[data-cw-name-input]"), shown = $(root, "[data-cw-name]"), blank = shown.textContent;
  /** @param {string} name */
  const show = (name) => (shown.textContent = name.trim() || blank);
  const name = get(cfg.name_key).name;
  input.value = str(name) ? name : "";
  show(input.value);
  input.addEventListener("input", () => {
    set(cfg.name_key, { name: input.value });
    show(input.value);
  });
  $(root, "[data-cw-score]").textContent = `${c.pct}%`;
  // The day as the page's language writes dates; the record keeps it as YYYY-MM-DD.
  const [y, m, d] = day.split("-").map(Number);
  $(root, "[data-cw-date]").textContent = new Date(y, m - 1, d).toLocaleDateString(document.documentElement.lang || undefined, { dateStyle: "long" });
  $(root, "[data-cw-print]").addEventListener("click", () => print());
}
