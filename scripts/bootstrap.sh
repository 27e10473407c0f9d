# Sourced: create .venv and install the project into it when pyproject.toml changed.
# Sourced by scripts/serve.sh and scripts/test.sh; $1 is the pip extra to install ("" or "test").
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
EXTRA="${1:-}"
PYTHON="${PYTHON:-python3}"
if [ ! -x "$VENV/bin/python" ]; then
  echo "Creating $VENV ..." >&2
  "$PYTHON" -m venv "$VENV"
fi
STAMP="$VENV/.sourced-installed${EXTRA:+-$EXTRA}"
WANT="$(sha256sum "$ROOT/pyproject.toml" | cut -d' ' -f1)"
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$WANT" ]; then
  echo "Installing Sourced${EXTRA:+ with [$EXTRA] extras} into $VENV (first run takes a few minutes) ..." >&2
  "$VENV/bin/python" -m pip install --quiet --upgrade pip >&2
  "$VENV/bin/python" -m pip install --quiet -e "$ROOT${EXTRA:+[$EXTRA]}" >&2
  echo "$WANT" > "$STAMP"
fi
export PATH="$VENV/bin:$PATH"
