#!/usr/bin/env bash
# Install aigraph with its test tools and run the whole test suite.
# The browser test needs Debian's Chromium; as root with apt-get it is installed here,
# elsewhere the test is skipped with a message (AIGRAPH_NO_BROWSER=1 skips the install).
# The run includes the docstring examples under src/ and tests/packaging/, which installs the
# built wheel into a fresh virtualenv (AIGRAPH_SKIP_WHEEL_TEST=1 skips it, with a message).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
if [ ! -x /usr/bin/chromium ] && [ -z "${AIGRAPH_NO_BROWSER:-}" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing Chromium for the browser test (apt-get)..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
exec .venv/bin/python -m pytest "$@"
