#!/bin/sh
# Installs saned and the SANE "test" backend (Debian packages) for the SANE end-to-end tests.
# SanedDaemon runs this when saned is missing; run it by hand, or from CI, before `mvn -Pe2e test`.
set -e
if command -v saned >/dev/null 2>&1 || [ -x /usr/sbin/saned ]; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "saned is missing and this is not a Debian-like system: install SANE's saned and libsane (test backend)." >&2
    exit 1
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
        echo "saned is missing and installing it needs root: sudo apt-get install -y sane-utils libsane1" >&2
        exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y -q sane-utils libsane1 >/dev/null 2>&1 || { $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q sane-utils libsane1 >/dev/null; }
