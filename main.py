"""Start the Anzen console: ``python main.py [--server URL] [--database-url URL]``.

Without ``--server`` the bundled service is started on 127.0.0.1 and stopped
with the console. See ``python main.py --help``.
"""

import time

_STARTED_AT = time.perf_counter()

if __name__ == "__main__":
    from console.app import main

    raise SystemExit(main(started_at=_STARTED_AT))
