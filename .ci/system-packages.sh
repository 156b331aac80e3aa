#!/usr/bin/env bash
# Every Debian package Aula uses, installed when missing. `make setup` and `.ci/run` call it, so a
# fresh machine gets what the product needs, not only what makes the tests pass:
#   gettext                      msgfmt, to compile the catalogues
#   npm                          the H5P player, axe-core and the independent verifier
#   libpango-1.0-0 libpangoft2-1.0-0 fontconfig   WeasyPrint's layout (certificate PDFs)
#   libharfbuzz-subset0          font subsetting; without it WeasyPrint falls back to fontTools
#                                and issuing is about five times slower
#   fonts-dejavu-core            the certificate design's own typefaces
#   fonts-noto-core fonts-noto-cjk  glyphs for the network's names: Latin, Greek, Cyrillic,
#                                Arabic, Hebrew, Vietnamese, Chinese, Japanese, Korean
#   chromium chromium-driver     browser tests and journeys
#   postgresql redis-server      the real services `make test` also runs against
# `manage.py check` warns when the rendering ones are missing.
set -euo pipefail

PACKAGES=(
    gettext fonts-dejavu-core
    libpango-1.0-0 libpangoft2-1.0-0 fontconfig libharfbuzz-subset0
    fonts-noto-core fonts-noto-cjk
    chromium chromium-driver
    postgresql redis-server
)

missing=()
for package in "${PACKAGES[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$package")
done
# Node.js may come from elsewhere than Debian (the machine's image): any npm will do.
command -v npm >/dev/null 2>&1 || missing+=(npm)
((${#missing[@]})) || exit 0

sudo=()
if [[ $(id -u) -ne 0 ]]; then
    if ! command -v sudo >/dev/null 2>&1; then
        echo "[setup] WARNING: missing Debian packages, install them as root: ${missing[*]}" >&2
        exit 0
    fi
    sudo=(sudo)
fi
echo "[setup] installing Debian packages: ${missing[*]}" >&2
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
