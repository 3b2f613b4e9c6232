#!/bin/sh
# Starts saned by hand the way SanedDaemon does in the tests: the "test" backend only, on
# 127.0.0.1, in the foreground, logging to stderr. Usage: start-saned.sh [port]  (default 16566)
# Then: scanimage needs net.conf pointing at it; jfreesane connects to 127.0.0.1:<port> directly.
set -e
here=$(cd "$(dirname "$0")" && pwd)
config=$(mktemp -d)
cp "$here/dll.conf" "$here/saned.conf" "$here/test.conf" "$config/"
SANE_CONFIG_DIR="$config" exec saned -l -e -b 127.0.0.1 -p "${1:-16566}"
