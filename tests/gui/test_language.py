"""View > Language: the window re-labels itself at once, keeps its design and history, and
remembers the choice; the system locale chooses on the first start."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, QSettings

from workbench.i18n.language import CHINESE, ENGLISH, current_language, resolve, use_language


@pytest.fixture(autouse=True)
def english_after(qapp):
    yield
    use_language(ENGLISH)


def _menus(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def _dock_titles(window) -> set[str]:
    return {dock.windowTitle() for dock in [*window.docks, *window.analysis_docks.values()]}


def test_switching_relabels_the_window_and_back(window, qtbot):
    english_menus, english_docks = _menus(window), _dock_titles(window)
    window.actions.languages[CHINESE].trigger()
    assert _menus(window)[:3] == ["文件(&F)", "编辑(&E)", "视图(&V)"]
    assert {"组件库", "属性", "集合通信带宽", "成本"} <= _dock_titles(window)
    assert window.actions.new.text() == "新建(&N)"
    assert window.actions.undo.text().startswith("撤销")
    window.actions.languages[ENGLISH].trigger()
    assert _menus(window) == english_menus
    assert _dock_titles(window) == english_docks


def test_switching_keeps_the_design_and_its_history(window, qtbot):
    window.scenario_actions.duplicate.trigger()
    design, steps = window.document.design, window.document.undo_stack.count()
    window.actions.languages[CHINESE].trigger()
    assert window.document.design is design
    assert window.document.undo_stack.count() == steps
    assert window.actions.undo.text().startswith("撤销")
    window.actions.undo.trigger()
    assert len(window.document.scenarios) == 1


def test_the_choice_is_remembered(window, settings_file):
    window.actions.languages[CHINESE].trigger()
    assert QSettings(str(settings_file), QSettings.Format.IniFormat).value("language") == CHINESE
    assert window.actions.languages[CHINESE].isChecked()


def test_the_system_locale_chooses_until_one_is_chosen():
    chinese, german = QLocale(QLocale.Language.Chinese, QLocale.Country.China), QLocale("de_DE")
    assert resolve("system", chinese) == CHINESE
    assert resolve("system", german) == ENGLISH
    assert resolve(ENGLISH, chinese) == ENGLISH
    assert resolve(CHINESE, german) == CHINESE


def test_a_new_design_is_priced_in_yuan_in_chinese(window):
    window.actions.languages[CHINESE].trigger()
    assert current_language() == CHINESE
    window.actions.new.trigger()
    assert window.document.design.cost.currency == "CNY"
    window.actions.languages[ENGLISH].trigger()
    window.actions.new.trigger()
    assert window.document.design.cost.currency == "USD"


def test_a_missing_chinese_font_is_said_once(window):
    from workbench.i18n.language import has_chinese_font
    from workbench.shell.main_window import NO_CJK_FONT
    window.actions.languages[CHINESE].trigger()
    told = window.statusBar().currentMessage() == NO_CJK_FONT
    assert told != has_chinese_font()
    window.statusBar().clearMessage()
    window.actions.languages[ENGLISH].trigger()
    window.actions.languages[CHINESE].trigger()
    assert window.statusBar().currentMessage() != NO_CJK_FONT


def _settle(window, qtbot):
    qtbot.waitUntil(window.is_idle, timeout=60_000)


def test_panels_tiles_and_comparison_are_relabelled_live(open_what_if, qtbot):
    window = open_what_if()
    window.show_comparison()
    _settle(window, qtbot)
    axis = window.panels["scaling"].plot.getAxis("left")
    english = (axis.labelText, set(window.summary.tile_values()),
               [row[0] for row in window.comparison_view.table.cell_texts()])
    assert "Time to train" in english[1]
    assert "Hardware" in english[2]
    window.actions.languages[CHINESE].trigger()
    assert axis.labelText == "训练时长（天）"
    assert "训练时长" in window.summary.tile_values()
    rows = [row[0] for row in window.comparison_view.table.cell_texts()]
    assert "硬件" in rows
    assert "训练时长" in rows
    assert window.comparison_view.verdict.text().startswith("最快")
    assert len(window.document.scenarios) == 3
    window.actions.languages[ENGLISH].trigger()
    assert (axis.labelText, set(window.summary.tile_values()),
            [row[0] for row in window.comparison_view.table.cell_texts()]) == english


def test_the_engines_phrases_are_said_in_chinese_with_their_values():
    from engine.headline import SECTION_NAMES, SECTION_REASON
    from engine.topology import TIER_NAME
    from engine.training.result import DOES_NOT_FIT
    from widgets.content.texts import engine_text

    tier = TIER_NAME(depth=2, switches="spine-a, spine-b")
    unfit = DOES_NOT_FIT(needs=93.31, has=80.0)
    use_language(CHINESE)
    assert engine_text(tier) == "第 2 层（spine-a, spine-b）"
    assert engine_text(unfit) == "显存放不下：单卡需要 93.3 GiB，只有 80.0 GiB"
    assert engine_text(SECTION_REASON(section=SECTION_NAMES["serving"](),
                                      reason="x")) == "推理服务：x"
    use_language(ENGLISH)
    assert engine_text(unfit) == "does not fit: needs 93.3 GiB of 80.0 per GPU"
