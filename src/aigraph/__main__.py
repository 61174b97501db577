import sys

from aigraph.cli import main

sys.exit(main())
