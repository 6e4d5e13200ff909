// @ts-check
// Generated from generator/model/answerkey.py and lms.py by `make schema`: do not edit. The data quiz,
// drill, progress and LMS launch pages give the runtime, as the generator types it (tests fail when this
// file is stale).

/**
 * @typedef {SingleKey | MultipleKey | TrueFalseKey | FillKey | NumberKey | OrderingKey | MatchingKey | CategoriseKey | ClassifyKey | DialogueKey} AnswerKey
 */
/**
 * @typedef {object} BlankKey
 * @property {string[]} accept Right answers, normalised (grading.normalise).
 * @property {string[]} synonyms Also right, normalised; the standard answer is then shown.
 * @property {string | null} regex Also right: the trimmed input matches it as a whole.
 * @property {string} show The standard answer, as written.
 */
/**
 * @typedef {object} CategoriseKey
 * @property {number} points The question's weight: a right answer scores this much.
 * @property {string[]} skills Skill ids the question counts towards.
 * @property {"categorise"} type
 * @property {number[]} categories For each item, the index of its category.
 */
/**
 * What the certificate page tells the runtime: where the exam's pass and the trainee's name are saved.
 * @typedef {object} CertificateConfig
 * @property {string} exam The final exam's id.
 * @property {string} key The localStorage key of the exam's pass (ExamDraw.certificate_key).
 * @property {string} name_key The localStorage key of the name the trainee types.
 * @property {number} version
 * @property {number} pass_mark
 */
/**
 * @typedef {object} ClassifyKey
 * @property {number} points The question's weight: a right answer scores this much.
 * @property {string[]} skills Skill ids the question counts towards.
 * @property {"classify"} type
 * @property {Record<string, string>} attributes Attribute id -> value id (rule-based schemes).
 * @property {string} class
 * @property {string | null} action The class again when it comes with an action to choose.
 * @property {string} show
 */
/**
 * A branching conversation. The answer is the list of reply indexes taken from `start` to an ending;
 * it scores max(0, their points) / `best` of the question's points, and is right at the best score
 * in a success ending. The words (lines, replies, feedback, debriefs) are in the page, not here.
 * @typedef {object} DialogueKey
 * @property {number} points The question's weight: a right answer scores this much.
 * @property {string[]} skills Skill ids the question counts towards.
 * @property {"dialogue"} type
 * @property {string} start
 * @property {Record<string, TurnKey>} nodes
 * @property {Record<string, EndingKey>} endings
 * @property {number} best The best path's score (the sum of its replies' points).
 * @property {number[]} path The best path, as reply indexes from start (the instructor's view).
 */
/**
 * @typedef {object} EndingKey
 * @property {boolean} success
 */
/**
 * How the final exam draws an attempt's questions (generator/model/examdraw.py, runtime/blueprint.js).
 * @typedef {object} ExamDraw
 * @property {number} per_lesson
 * @property {string[][]} groups Per course lesson, its eligible question ids in page order.
 * @property {Record<string, number>} min Skill id -> how often an attempt asks it at least.
 * @property {string} certificate_key The localStorage key of the pass the certificate page shows.
 */
/**
 * @typedef {object} FillKey
 * @property {number} points The question's weight: a right answer scores this much.
 * @property {string[]} skills Skill ids the question counts towards.
 * @property {"fill"} type
 * @property {BlankKey[]} blanks
 * @property {number[][]} groups Every blank index once; the blanks of a group may be answered in any order.
 */
/**
 * @typedef {object} LmsAttribute
 * @property {string} id
 * @property {string[]} values
 */
/**
 * What the launch page tells the LMS adapter (the <template data-cw-lms> element).
 * @typedef {object} LmsCourse
 * @property {"1.2" | "2004"} standard
 * @property {number} version Storage version of the quiz records.
 * @property {string} start The course's first page, relative to the launch page.
 * @property {string[]} pages Every page of the package: a saved location must be one of them.
 * @property {LmsLesson[]} lessons
 * @property {LmsQuiz[]} quizzes
 * @property {Record<string, LmsScheme>} schemes
 * @property {number | null} pass_mark Course score needed to pass; null when no quiz is counted.
 * @property {number} limit Most characters suspend_data may hold (4,096 in 1.2, 64,000 in 2004).
 */
/**
 * @typedef {object} LmsLesson
 * @property {string} id
 * @property {string} href
 * @property {boolean} required Must be opened for the course to be completed.
 */
/**
 * @typedef {object} LmsQuestion
 * @property {string} id
 * @property {string} text A short plain-text line naming the question (interaction description).
 * @property {SingleKey | MultipleKey | TrueFalseKey | FillKey | NumberKey | OrderingKey | MatchingKey | CategoriseKey | ClassifyKey | DialogueKey} key
 * @property {string | null} scheme classify: the scheme whose values and classes an answer names.
 */
/**
 * @typedef {object} LmsQuiz
 * @property {string} id
 * @property {string} key The storage key of the trainee's record (as on the quiz page).
 * @property {string} href The quiz page, relative to the launch page.
 * @property {number} pass_mark
 * @property {boolean} counted Part of the completion rule: must be finished, makes the score.
 * @property {string} shape Fingerprint of the questions' ids, types and sizes: saved answers of another shape are not restored.
 * @property {LmsQuestion[]} questions In the quiz file's order; answers are saved by position.
 */
/**
 * @typedef {object} LmsScheme
 * @property {LmsAttribute[]} attributes
 * @property {string[]} classes
 */
/**
 * @typedef {object} MatchingKey
 * @property {number} points The question's weight: a right answer scores this much.
 * @property {string[]} skills Skill ids the question counts towards.
 * @property {"matching"} type
 * @property {number[]} pairs For each left item, the index of its right-hand item.
 */
/**
 * @typedef {object} MultipleKey
 * @property {number} points The question's weight: a right answer scores this much.
 * @property {string[]} skills Skill ids the question counts towards.
 * @property {"multiple"} type
 * @property {number[]} correct Indexes of the right options.
 * @property {"all" | "partial"} scoring The question's own, or else the quiz's.
 */
/**
 * @typedef {object} NumberKey
 * @property {number} points The question's weight: a right answer scores this much.
 * @property {string[]} skills Skill ids the question counts towards.
 * @property {"numeric" | "calc"} type
 * @property {number} answer
 * @property {number} tolerance
 * @property {boolean} relative The tolerance is a fraction of the answer.
 * @property {string} show
 */
/**
 * @typedef {object} OrderingKey
 * @property {number} points The question's weight: a right answer scores this much.
 * @property {string[]} skills Skill ids the question counts towards.
 * @property {"ordering"} type
 * @property {number[]} order Item indexes in the right order.
 */
/**
 * What the progress page tells the runtime (the <template data-cw-outline> element).
 * @typedef {object} Outline
 * @property {number} version
 * @property {OutlineLesson[]} lessons
 * @property {OutlineQuiz | null} exam The course's final exam, if it has one.
 * @property {Record<string, string>} skills Skill id -> display name.
 */
/**
 * @typedef {object} OutlineLesson
 * @property {string} id
 * @property {string} title
 * @property {string} href
 * @property {OutlineQuiz[]} quizzes
 */
/**
 * @typedef {object} OutlineQuestion
 * @property {string} id
 * @property {string} text
 * @property {string[]} skills
 * @property {number} points
 */
/**
 * @typedef {object} OutlineQuiz
 * @property {string} id
 * @property {string} title
 * @property {string} key
 * @property {number} pass_mark
 * @property {string} href
 * @property {number} asked How many questions an attempt asks (the draw, or all).
 * @property {OutlineQuestion[]} questions
 */
/**
 * What a quiz page tells the runtime (the <template data-cw-config> element).
 * @typedef {object} QuizConfig
 * @property {string} id
 * @property {string} key The localStorage key of the trainee's record.
 * @property {number} version Storage version: a record of another version is ignored.
 * @property {"practice" | "exam"} mode
 * @property {number} pass_mark
 * @property {number | null} draw
 * @property {boolean} shuffle_questions
 * @property {boolean} shuffle_options
 * @property {Record<string, SingleKey | MultipleKey | TrueFalseKey | FillKey | NumberKey | OrderingKey | MatchingKey | CategoriseKey | ClassifyKey | DialogueKey>} questions
 * @property {Record<string, string>} skills Skill id -> display name, for the skills the quiz uses.
 * @property {ExamDraw | null} blueprint The final exam's draw; null for a quiz.
 */
/**
 * One reply of a dialogue node: where it leads and what it scores.
 * @typedef {object} ReplyKey
 * @property {string} next A node id or an ending id.
 * @property {number} points
 * @property {boolean} retry An explicit way back to an earlier node.
 */
/**
 * A graded answer, as the runtime saves it.
 * @typedef {object} Result
 * @property {number} score
 * @property {number} max
 * @property {boolean} correct
 */
/**
 * @typedef {object} SingleKey
 * @property {number} points The question's weight: a right answer scores this much.
 * @property {string[]} skills Skill ids the question counts towards.
 * @property {"single"} type
 * @property {number[]} correct Index of the right option (one).
 */
/**
 * @typedef {object} TrueFalseKey
 * @property {number} points The question's weight: a right answer scores this much.
 * @property {string[]} skills Skill ids the question counts towards.
 * @property {"truefalse"} type
 * @property {boolean} answer
 */
/**
 * @typedef {object} TurnKey
 * @property {ReplyKey[]} choices The node's replies, in the order the author wrote them.
 */
export {};
