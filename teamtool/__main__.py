"""``python -m teamtool``."""

from teamtool.cli import main

raise SystemExit(main())
