"""Allow ``python -m feeder``."""

import sys

from feeder.cli import main

sys.exit(main())
