"""What every screen and pane of a signed-in console shares."""

from __future__ import annotations

from dataclasses import dataclass

from console.client import ApiClient, Staff
from console.connection import ConnectionMonitor
from console.settings import Options, Settings
from console.tasks import TaskRunner


@dataclass
class ConsoleContext:
    settings: Settings
    client: ApiClient
    runner: TaskRunner
    monitor: ConnectionMonitor
    staff: Staff

    @property
    def page_size(self) -> int:
        return max(1, min(200, self.settings.get(Options.PAGE_SIZE)))
