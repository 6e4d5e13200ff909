"""Question banks in and out: GIFT, Moodle XML, QTI 1.2 (Canvas) and QTI 2.1 (Blackboard); GIFT and Moodle XML in.

See docs/banks.md for what each format holds and what it loses.
"""
