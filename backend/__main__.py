"""``python -m backend``: the service's command line (see backend/cli.py)."""

import gc

# Importing the service allocates objects by the million and frees next to
# none, so collecting meanwhile only slows start-up (by ~8 %); cli.main turns
# the collector back on once the command is set up.
gc.disable()

from backend.cli import main  # noqa: E402

raise SystemExit(main())
