# Sourced by the test scripts: `require_command CMD PACKAGE` installs the
# Debian package when CMD is missing and the script runs as root with
# apt-get; otherwise it names the command to run and exits.
require_command() {
  local command=$1 package=$2
  command -v "$command" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "$(basename "$0"): installing $package"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
  else
    echo "error: $command is not installed. Install it with: sudo apt-get install -y $package"
    exit 1
  fi
}
