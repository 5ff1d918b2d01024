"""What is selected, as ids by kind: the canvas keeps it, the inspector reads it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Selection:
    """Ids of the selected items, by kind."""

    nodes: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.nodes or self.links or self.groups)
