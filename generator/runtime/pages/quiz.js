// @ts-check
// Bundled into assets/courseware/quiz.js, which quiz pages link.
import { boot } from "../boot.js";
import { mountQuiz } from "../quiz.js";

boot("quiz", mountQuiz);
