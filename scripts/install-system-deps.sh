#!/usr/bin/env bash
# What the browser and HTML checks need beyond Python: Debian's chromium and a Java runtime.
# Installed with apt when missing; nothing else is downloaded.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installation des paquets Debian manquants : ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "Il faut être root (ou avoir sudo) pour installer ${missing[*]}." >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
