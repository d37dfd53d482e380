"""`python -m cli`: the `trellis` command without an installed entry point (the container image)."""

from cli import main

raise SystemExit(main())
