"""The second supervisor (four eyes) from the authority tests."""

from tests.backend.authority.conftest import second_supervisor  # noqa: F401
