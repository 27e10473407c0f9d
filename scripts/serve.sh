#!/usr/bin/env bash
# Run the app: installs what it needs, builds the index from data/articles when
# the store is empty, then serves the chat UI on http://127.0.0.1:7860.
# Extra arguments go to `rag serve` (e.g. --port 8080).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh" ""
exec rag serve "$@"
