#!/usr/bin/env bash
# Run the tests: installs the project with its test extras, then runs the test
# suite (unit, integration, Chroma server, local OpenAI-compatible server,
# headless Chromium) and the offline evaluation gate.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests ..." >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
fi
source "$ROOT/scripts/bootstrap.sh" test
cd "$ROOT"
# With no arguments (CI, the README's command): one worker per core, each test module whole on one
# worker, so a module's app, browser and stores start once. Arguments replace this (e.g. one file).
if [ "$#" -eq 0 ]; then
  set -- -n auto --dist loadscope --durations=20
fi
python -m pytest "$@"
rag eval --gate
