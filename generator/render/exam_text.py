"""Labels of the final exam and certificate pages.

Kept apart from `i18n.STRINGS`: those are embedded as JSON in every quiz page for the runtime, and
these are needed on two pages only, in their templates.
"""

from __future__ import annotations

EXAM_STRINGS: dict[str, dict[str, str]] = {
    "zh": {
        "exam_title": "结业考试",
        "exam_about": "每次考试从各课的测验中抽取 {per} 道题，共 {n} 道；重新开始会抽一组新的题目。",
        "exam_certificate": "通过后可以打印结业证书：",
        "certificate_title": "结业证书",
        "locked": "通过结业考试（得分达到 {pass}%）后，这里会显示你的结业证书。",
        "locked_link": "去参加结业考试",
        "name_label": "你的姓名",
        "name_note": "姓名只保存在本浏览器中，不会发送到任何地方。",
        "name_placeholder": "（请在上方填写姓名）",
        "print": "打印证书",
        "certifies": "兹证明",
        "completed": "已学完课程《{course}》，并通过结业考试。",
        "score": "考试成绩",
        "date": "通过日期",
        "unverified": "本证书由浏览器根据本机保存的考试记录生成，未经任何机构核验；"
        "只有学习管理系统（LMS）记录的成绩才能作为正式的结业证明。",
    },
    "en": {
        "exam_title": "Final exam",
        "exam_about": "Each attempt draws {per} questions from every lesson's quizzes, {n} in all; starting "
        "again draws a new set.",
        "exam_certificate": "Once you pass, you can print your certificate:",
        "certificate_title": "Certificate of completion",
        "locked": "Your certificate appears here once you pass the final exam (a score of {pass}% or more).",
        "locked_link": "Take the final exam",
        "name_label": "Your name",
        "name_note": "Your name is kept in this browser only and is never sent anywhere.",
        "name_placeholder": "(type your name above)",
        "print": "Print the certificate",
        "certifies": "This certifies that",
        "completed": "has completed the course {course} and passed its final exam.",
        "score": "Exam score",
        "date": "Passed on",
        "unverified": "This certificate was made by your browser from the exam record saved on this computer; "
        "no one has verified it. Only a result recorded by a learning management system (LMS) is official "
        "proof of completion.",
    },
}


def exam_strings(language: str) -> dict[str, str]:
    """The exam and certificate labels of `language`, falling back to English."""
    return EXAM_STRINGS.get(language, EXAM_STRINGS["en"])
