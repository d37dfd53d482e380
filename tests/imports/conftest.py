from __future__ import annotations

import jobs.imports  # noqa: F401 - installs the after-commit dispatcher, as the app and worker do
