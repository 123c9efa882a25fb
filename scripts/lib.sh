# Shared by the scripts in this folder: a project virtualenv that installs itself when needed.
# Sourced, not run. Sets ROOT and puts the venv first on PATH.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"

ensure_env() {
  local stamp="$VENV/.installed" wanted
  wanted="$(sha256sum "$ROOT/pyproject.toml" | cut -d' ' -f1)"
  if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
  fi
  if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
    echo "Python-pakketten installeren in .venv ..." >&2
    "$VENV/bin/python" -m pip install --quiet --upgrade pip >&2
    "$VENV/bin/python" -m pip install --quiet -e "$ROOT[test]" >&2
    echo "$wanted" > "$stamp"
  fi
  export PATH="$VENV/bin:$PATH"
  # Material prints a notice about its successor on every build; it is known and tracked.
  export NO_MKDOCS_2_WARNING=1
}
