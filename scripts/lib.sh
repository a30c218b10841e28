# Shared by scripts/example and scripts/test: install what is missing,
# configure and build.  Sourced, not run.
set -euo pipefail

CBM_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CBM_BUILD=${CBM_BUILD:-$CBM_ROOT/build}

# Installs the Debian packages of scripts/debian-packages that are missing
# (with sudo when not root); does nothing when all are there.
cbm_ensure_packages() {
	local missing=() pkg sudo=()
	while read -r pkg; do
		[ -n "$pkg" ] || continue
		dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null |
			grep -q "install ok installed" || missing+=("$pkg")
	done <"$CBM_ROOT/scripts/debian-packages"
	[ ${#missing[@]} -eq 0 ] && return 0
	[ "$(id -u)" -eq 0 ] || sudo=(sudo)
	echo "Installing Debian packages: ${missing[*]}" >&2
	"${sudo[@]}" apt-get update
	DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y \
		--no-install-recommends "${missing[@]}"
}

# Configures and builds into $CBM_BUILD; extra arguments go to cmake.
cbm_build() {
	cmake -S "$CBM_ROOT" -B "$CBM_BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
	cmake --build "$CBM_BUILD" -j "$(nproc)"
}
