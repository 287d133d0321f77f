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
    DemoAccount("agent", "agent-demo", Role.agent, "Aoi Tanaka (agent)"),
    DemoAccount("agent2", "agent2-demo", Role.agent, "Ken Sato (agent)"),
    DemoAccount("moderator", "moderator-demo", Role.moderator, "Mika Suzuki (moderator)"),
    DemoAccount("moderator2", "moderator2-demo", Role.moderator, "Ren Ito (moderator)"),
    DemoAccount("safety", "safety-demo", Role.safety_officer, "Yui Watanabe (safety officer)"),
    DemoAccount("supervisor", "supervisor-demo", Role.supervisor, "Hiro Yamamoto (supervisor)"),
)
