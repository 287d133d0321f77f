"""The demo staff accounts: one per role, with public passwords, for the
embedded demo database only."""

from __future__ import annotations

from typing import NamedTuple

from backend.staff.models import Role


class DemoAccount(NamedTuple):
    username: str
    password: str
    role: Role
    display_name: str


DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount("agent", "agent-demo", Role.agent, "田中 葵"),
    DemoAccount("agent2", "agent2-demo", Role.agent, "佐藤 健"),
    DemoAccount("moderator", "moderator-demo", Role.moderator, "鈴木 美香"),
    DemoAccount("moderator2", "moderator2-demo", Role.moderator, "伊藤 蓮"),
    DemoAccount("safety", "safety-demo", Role.safety_officer, "渡辺 結衣"),
    DemoAccount("supervisor", "supervisor-demo", Role.supervisor, "山本 博"),
)
