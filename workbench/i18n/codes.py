"""The languages the workbench speaks, by code (no Qt: the command line's flags use them)."""

ENGLISH = "en"
CHINESE = "zh_CN"
LANGUAGES = (ENGLISH, CHINESE)
