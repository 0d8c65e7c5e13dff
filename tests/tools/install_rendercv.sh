#!/usr/bin/env bash
# The current RenderCV (2.8 and later) needs Python 3.12 or newer, and the suite may run on 3.11:
# install it in a virtual environment of its own, .venv/rendercv, where tests/test_rendercv_current.py
# looks for it (or set SCHOLAR_RENDERCV to its `rendercv` script).
set -euo pipefail
cd "$(dirname "$0")/../.."
python=""
# On PATH, or a version pyenv has installed but does not select (its shims refuse those).
for candidate in python3.14 python3.13 python3.12 python3 "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.1[2-9]*/bin/python3; do
    if command -v "$candidate" >/dev/null &&
        "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
        python=$candidate
        break
    fi
done
if [ -z "$python" ]; then
    echo "install_rendercv.sh: no Python 3.12 or newer found" >&2
    exit 1
fi
"$python" -m venv .venv/rendercv
.venv/rendercv/bin/python -m pip install --quiet 'rendercv[full]>=2.8,<3'
.venv/rendercv/bin/rendercv --version
