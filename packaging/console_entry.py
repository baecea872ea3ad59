"""The frozen program's entry point: the same ``console`` command as ``uv run console``."""

import sys

from console.cli import main

if __name__ == "__main__":
    sys.exit(main())
