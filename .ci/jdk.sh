# Sourced by .ci/run and weave-bench/run: points JAVA_HOME and PATH at a JDK 21 or newer (JAVA_HOME
# when it is one, else the newest under /usr/lib/jvm), or stops with a clear message.

java_version() { # major version of the JDK at $1, 0 if none
  local release="$1/release"
  [[ -f "$release" ]] || { echo 0; return; }
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release" | head -1
}

pick_jdk() {
  if [[ -n "${JAVA_HOME:-}" && "$(java_version "$JAVA_HOME")" -ge 21 ]]; then
    echo "$JAVA_HOME"; return
  fi
  local best="" best_version=0
  for candidate in /usr/lib/jvm/*; do
    local v; v="$(java_version "$candidate")"
    if [[ "${v:-0}" -gt "$best_version" ]]; then best="$candidate"; best_version="$v"; fi
  done
  if [[ "$best_version" -ge 21 ]]; then echo "$best"; fi
}

JDK="$(pick_jdk)"
if [[ -z "$JDK" ]]; then
  echo "ERROR: Weave CRM needs a JDK 21 or newer. None found in JAVA_HOME or /usr/lib/jvm." >&2
  echo "Install one (e.g. Temurin 21 or 25) or set JAVA_HOME to it." >&2
  exit 1
fi
export JAVA_HOME="$JDK"
export PATH="$JAVA_HOME/bin:$PATH"
