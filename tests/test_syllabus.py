"""Every syllabus item of the bundled course is taught in its lesson and practised in its quizzes.

The syllabus lists items by name; each name below (or the word the lessons use for it) must occur
in the lesson's YAML and in the YAML of that lesson's quizzes and exercises. A heuristic, but it
catches an item that is dropped from a lesson or that no question practises any more.
"""

from __future__ import annotations

import pytest
from helpers import ROOT

SYLLABUS: dict[str, list[str]] = {
    "L1": [
        "狭义", "广义", "用得着", "买得起", "有需求", "有能力", "有意愿", "有接触", "经济型", "道德型", "个性", "方便型", "常规", "潜力", "关键",
        "临时", "政府", "非营利", "有过交易", "正在交易", "即将交易", "新客户", "老客户", "内部", "外部", "中间", "最终", "结果型", "茫然型",
        "学者型", "斤斤计较", "好大喜功", "防御型", "诡诈型", "出租车", "脸盆", "笔记本"
    ],
    "L2": [
        "量身定制", "分清主次", "循序渐进", "缘故法", "血缘", "业缘", "地缘", "连锁介绍", "地毯式", "广告", "权威介绍", "中心开花", "查阅资料", "年鉴",
        "会议", "展会", "俱乐部", "代理", "非竞争", "橱柜", "高尔夫", "强势竞争", "个人观察", "市场调查", "网络", "口碑", "新产品", "同事", "包装",
        "拒绝", "流失"
    ],
    "L3": [
        "购买力", "决定权", "需求", "M+A+N", "m+a+n", "使用者", "采购者", "影响者", "决策者", "知情者", "秘书", "前台"
    ],
    "L4": [
        "3S", "2S", "1S", "下季", "包袱", "奖金", "金矿", "漏斗", "大倾角", "小倾角", "初级", "中级", "高级", "重点开发", "80/20",
        "10%", "40%", "50%", "最近", "频率", "金额"
    ],
    "L5": [
        "面约", "托约", "广约", "函约", "电约", "路线", "建议书", "形象"
    ],
    "L6": [
        "握手", "名片", "多听", "微笑", "表达型", "控制型", "友善型", "分析型", "马斯洛", "牛奶", "普洱", "BASK", "了解", "相信", "满意"
    ],
    "L7": [
        "购买信号", "异议", "身体前倾", "点头", "直接请求", "推定承诺", "利益罗列", "顺水推舟", "优惠成交", "协议", "大客户"
    ],
    "L8": [
        "考察期", "形成期", "稳定期", "退化期", "流失率", "生命周期", "25%", "85%", "20%", "主动电话", "呼叫中心", "数据库", "迪克", "回访",
        "十"
    ],
}


@pytest.mark.parametrize("lesson", sorted(SYLLABUS))
def test_syllabus_items_are_taught_and_practised(lesson: str) -> None:
    taught = (ROOT / "lessons" / f"{lesson}.yml").read_text(encoding="utf-8")
    practised = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "quizzes").glob(f"{lesson}-*.yml")))
    assert [k for k in SYLLABUS[lesson] if k not in taught] == [], "not taught"
    assert [k for k in SYLLABUS[lesson] if k not in practised] == [], "not practised"
