#!/usr/bin/env bash
# Installs everything FLIS needs on Debian 12, as root. Idempotent: quiet and fast when all is there.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  build-essential cmake ninja-build pkg-config git ca-certificates ccache
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsqlite3-dev sqlite3 libpq-dev postgresql postgresql-contrib libgoogle-perftools-dev
  libcairo2-dev libpango1.0-dev libqrencode-dev libxlsxwriter-dev libssl-dev libicu-dev
  libpoppler-cpp-dev libpng-dev libjpeg-dev libcsv-dev
  libkainjow-mustache-dev libspdlog-dev libfmt-dev libcli11-dev libhowardhinnant-date-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  python3 iso-codes tzdata fonts-dejavu-core fonts-noto-core poppler-utils zbar-tools faketime
  clang-format clang-tidy
  clang libclang-rt-14-dev llvm
  nginx-light wrk linux-perf
  chromium nodejs npm
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# node/npm may come from outside Debian on some images; accept any working node >= 18
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
  read -r -a missing <<<"${missing[*]}"
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Browser-test and asset packages, pinned by package-lock.json.
if [ -f package-lock.json ]; then
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "install-deps: npm ci"
    npm ci --no-audit --no-fund --loglevel=error >/dev/null
  fi
fi
