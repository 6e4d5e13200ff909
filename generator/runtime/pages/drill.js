// @ts-check
// Bundled into assets/courseware/drill.js, which drill pages link.
import { boot } from "../boot.js";
import { mountDrill } from "../drill.js";

boot("drill", mountDrill);
