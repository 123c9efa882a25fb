# Shared by the scripts in this folder: a project virtualenv (and the system and npm packages the
# build and tests need) that installs itself when needed.
# Sourced, not run. Sets ROOT and puts the venv first on PATH.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"

ensure_env() {
  local stamp="$VENV/.installed" wanted
  wanted="$(sha256sum "$ROOT/pyproject.toml" | cut -d' ' -f1)"
  # A venv made without ensurepip (Debian ships it apart, in python3-venv) has python but no pip.
  if [ ! -x "$VENV/bin/pip" ]; then
    python3 -c "import ensurepip" 2>/dev/null || install_debian_packages python3-venv
    rm -rf "$VENV"
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
  # mkdocs-redirects prints ProperDocs' notice of the same kind under the mkdocs command.
  export DISABLE_MKDOCS_2_WARNING=true
}

# What building the offline edition needs: a pinned script from npm.
ensure_node() {
  ensure_debian_packages npm:npm
  ensure_node_modules
}

# What scripts/test needs: the offline edition's npm packages (and axe-core), Debian's Chromium
# for the browser tests (playwright drives it; it never downloads a browser of its own) and Java
# for the Nu HTML Checker.
ensure_test_tools() {
  ensure_debian_packages npm:npm chromium:chromium java:default-jre-headless
  ensure_node_modules
}

# ensure_debian_packages COMMAND:PACKAGE ... installs each package whose command is missing.
ensure_debian_packages() {
  local pair missing=()
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}")
  done
  [ "${#missing[@]}" -eq 0 ] || install_debian_packages "${missing[@]}"
}

# install_debian_packages PACKAGE ... runs apt-get update once, then installs the packages.
install_debian_packages() {
  echo "Debian-pakketten installeren: $* ..." >&2
  if [ -z "${APT_UPDATED:-}" ]; then
    apt-get update -qq >&2
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

# node_modules/ as package-lock.json pins it; npm ci runs only when the lock file changed.
ensure_node_modules() {
  local stamp="$ROOT/node_modules/.projectz-installed" wanted
  wanted="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
    echo "npm-pakketten installeren in node_modules ..." >&2
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error) >&2
    echo "$wanted" > "$stamp"
  fi
}
