"""The languages the workbench speaks, by code (no Qt: the command line's flags use them)."""

ENGLISH = "en"
CHINESE = "zh_CN"
LANGUAGES = (ENGLISH, CHINESE)
SYSTEM = "system"
#: The View > Language entries: the setting's value and the language's own name.
CHOICES = ((SYSTEM, ""), (ENGLISH, "English"), (CHINESE, "简体中文"))
