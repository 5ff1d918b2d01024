"""A dialog listing problems one per line (``file:line: key.path: what is wrong``).

It opens window-modal without blocking (``open()``), so the window behind
it keeps its state and tests can read what it says.
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout, QWidget


class ProblemsDialog(QDialog):
    def __init__(self, title: str, message: str, lines: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("problems-dialog")
        self.message = QLabel(message)
        self.message.setWordWrap(True)
        self.list = QListWidget()
        self.list.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.list.addItems(lines)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(720, 320)

    def lines(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]
