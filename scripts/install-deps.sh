#!/usr/bin/env bash
# Installs the system packages cpd needs to build, test and render, when they are missing.
set -euo pipefail
PACKAGES=(libcairo2-dev libpango1.0-dev zlib1g-dev fontconfig fonts-dejavu-core fonts-noto-core fonts-noto-cjk poppler-utils qpdf python3-fonttools)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "cpd needs these packages and cannot install them here (no apt-get): ${missing[*]}" >&2
  echo "Install Cairo, Pango and zlib development files, fontconfig, Noto and DejaVu fonts, poppler-utils, qpdf and python3-fonttools (tests) with your system's package manager." >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "installing ${missing[*]} needs root, and sudo is not available" >&2; exit 1; }
  SUDO="sudo"
fi
echo "Installing: ${missing[*]}" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
