#!/usr/bin/env bash
# Regenerates src/Gongjiang.Core/Calendar/Data/chinese-days.json (public holidays and 调休 make-up working days
# from the State Council's annual notices 国务院办公厅关于XXXX年部分节假日安排的通知) and its licence/sources note
# from a pinned version of the npm package chinese-days (MIT).
#
# Usage:  tools/refdata/refresh-holidays.sh
# Needs:  npm (registry access), tar, python3 >= 3.8, openssl, base64.
# Idempotent: the same pinned tarball always yields byte-identical output files.
#
# To move to a newer package version (e.g. once it carries the next year's notice): change CD_VERSION,
# CD_INTEGRITY and CD_PUBLISHED together (`npm view chinese-days@<v> dist.integrity time --json`), set
# PINNED_ON, run the script, and check the diff of the JSON against the new notice on www.gov.cn.
set -euo pipefail

CD_NAME="chinese-days"
CD_VERSION="1.5.7"
# npm's dist.integrity for that version: the script refuses any other tarball.
CD_INTEGRITY="sha512-8Z/afgDTct5jsoTLQTOZfpDl7w4pJH4jpr3DLxy6HING9U/e0EV7yiNxF/HVXp/c+eQFfFqv+HQZ/QDaIVJ1Vw=="
CD_PUBLISHED="2026-05-08"
PINNED_ON="2026-11-24"

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out_dir="$repo_root/src/Gongjiang.Core/Calendar/Data"
out_json="$out_dir/chinese-days.json"
out_license="$out_dir/LICENSE-chinese-days.txt"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "Fetching $CD_NAME@$CD_VERSION ..." >&2
(cd "$work" && npm pack "$CD_NAME@$CD_VERSION" --silent >/dev/null)
tarball="$work/$CD_NAME-$CD_VERSION.tgz"
[[ -f "$tarball" ]] || { echo "npm pack did not produce $tarball" >&2; exit 1; }

actual_integrity="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
if [[ "$actual_integrity" != "$CD_INTEGRITY" ]]; then
  echo "Integrity mismatch for $tarball:" >&2
  echo "  expected $CD_INTEGRITY" >&2
  echo "  actual   $actual_integrity" >&2
  exit 1
fi

mkdir -p "$work/pkg"
tar -xzf "$tarball" -C "$work/pkg"
pkg="$work/pkg/package"
for f in dist/chinese-days.json LICENSE; do
  [[ -f "$pkg/$f" ]] || { echo "Missing $f in the package" >&2; exit 1; }
done

mkdir -p "$out_dir"
python3 - "$pkg/dist/chinese-days.json" "$work/chinese-days.json" "$CD_NAME@$CD_VERSION" <<'PY'
"""Converts the package's dist/chinese-days.json into the calendar's exception list.

Input:  {"holidays": {"2025-10-01": "National Day,国庆节,3", ...},     放假 days (weekdays and weekends)
         "workdays": {"2025-09-28": "National Day,国庆节,3", ...},     调休上班 days (always a Saturday/Sunday)
         "inLieuDays": {...}}                                          the weekdays that are off in lieu: not needed,
                                                                       they are already in "holidays"
Output: {"source": ..., "firstYear": ..., "lastYear": ...,
         "days": {"2025-09-28": ["调休上班", "国庆节"], "2025-10-01": ["放假", "国庆节"], ...}}
         one date per line, sorted; the name is the holiday the day belongs to, in the notices' wording.
"""
import datetime
import json
import sys

src, out_path, source = sys.argv[1], sys.argv[2], sys.argv[3]

# The package's Chinese names → the names used by the State Council notices. Any other name stops the script,
# so that a new kind of holiday is looked at by a person before it is vendored.
NAMES = {
    "元旦": "元旦",
    "春节": "春节",
    "清明": "清明节",
    "劳动节": "劳动节",
    "端午": "端午节",
    "中秋": "中秋节",
    "国庆节": "国庆节",
    "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}
HOLIDAY, MAKE_UP = "放假", "调休上班"

with open(src, encoding="utf-8") as f:
    data = json.load(f)


def entries(key):
    for text, value in data[key].items():
        try:
            date = datetime.date.fromisoformat(text)
        except ValueError:
            sys.exit(f"{key}: '{text}' is not an ISO date")
        if date.isoformat() != text:
            sys.exit(f"{key}: '{text}' is not in yyyy-MM-dd form")
        parts = value.split(",")
        if len(parts) != 3 or parts[1] not in NAMES:
            sys.exit(f"{key} {text}: unknown holiday {value!r}; add it to NAMES after checking the notice")
        yield date, NAMES[parts[1]]


days = {}
for date, name in entries("holidays"):
    days[date] = (HOLIDAY, name)
for date, name in entries("workdays"):
    if date in days:
        sys.exit(f"{date} is both a holiday and a make-up working day")
    if date.weekday() < 5:
        sys.exit(f"{date}: make-up working day on a weekday")
    days[date] = (MAKE_UP, name)

# A year is covered when its notice is in the package: every notice has 春节 and 国庆节 (in that calendar year).
def years_with(name):
    return {d.year for d, (kind, n) in days.items() if kind == HOLIDAY and n == name}


spring, national = years_with("春节"), years_with("国庆节")
first, last = min(spring), max(spring)
for year in range(first, last + 1):
    if year not in spring or year not in national:
        sys.exit(f"{year}: no 春节 or 国庆节 holidays; the data has a gap")

# Days outside [first, last] (a late-December day of the year before the first notice) cannot be used.
outside = sorted(d for d in days if not first <= d.year <= last)
for d in outside:
    print(f"dropping {d} {days[d]}: outside {first}-{last}", file=sys.stderr)
    del days[d]

# Spot checks against 国务院办公厅关于2025年部分节假日安排的通知.
expected = {
    datetime.date(2025, 10, 1): (HOLIDAY, "国庆节"),
    datetime.date(2025, 10, 6): (HOLIDAY, "中秋节"),
    datetime.date(2025, 9, 28): (MAKE_UP, "国庆节"),
    datetime.date(2025, 10, 11): (MAKE_UP, "国庆节"),
    datetime.date(2025, 1, 26): (MAKE_UP, "春节"),
}
for d, value in expected.items():
    if first <= d.year <= last and days.get(d) != value:
        sys.exit(f"sanity check: {d} is {days.get(d)}, expected {value}")

with open(out_path, "w", encoding="utf-8", newline="\n") as f:
    f.write("{\n")
    f.write(f'  "source": {json.dumps(source)},\n')
    f.write(f'  "firstYear": {first},\n')
    f.write(f'  "lastYear": {last},\n')
    f.write('  "days": {\n')
    ordered = sorted(days)
    for i, d in enumerate(ordered):
        kind, name = days[d]
        comma = "," if i + 1 < len(ordered) else ""
        f.write(f'    "{d.isoformat()}": [{json.dumps(kind, ensure_ascii=False)}, {json.dumps(name, ensure_ascii=False)}]{comma}\n')
    f.write("  }\n}\n")

holidays = sum(1 for k, _ in days.values() if k == HOLIDAY)
print(f"years={first}-{last} holidays={holidays} make-up={len(days) - holidays}", file=sys.stderr)
PY

mv "$work/chinese-days.json" "$out_json"

{
  cat <<EOF
chinese-days.json is derived from the npm package $CD_NAME, which is published under the MIT License.
The text below is the LICENSE file shipped in the package tarball.

EOF
  cat "$pkg/LICENSE"
  cat <<EOF

SOURCES
-------
Package:    $CD_NAME@$CD_VERSION (npm registry, published $CD_PUBLISHED)
Repository: https://github.com/vsme/chinese-days
Tarball:    https://registry.npmjs.org/$CD_NAME/-/$CD_NAME-$CD_VERSION.tgz
Integrity:  $CD_INTEGRITY
Files used: dist/chinese-days.json ("holidays" and "workdays"; "inLieuDays" is not needed)
Pinned on:  $PINNED_ON
Generator:  tools/refdata/refresh-holidays.sh
Data:       the annual notices of the General Office of the State Council, 国务院办公厅关于XXXX年部分节假日安排的
            通知 (www.gov.cn), as transcribed by the package in src/holidays/generate.ts, including the
            extension of the 2020 Spring Festival to 2 February (国务院办公厅关于延长2020年春节假期的通知).

Shaping (see the generator): each listed date becomes ["放假", holiday] or ["调休上班", holiday the make-up
day belongs to]; the package's short names 清明/端午/中秋 are written 清明节/端午节/中秋节 as in the notices;
when a notice combines 国庆节、中秋节 the package names each day after one of the two festivals, and that
attribution is kept. firstYear/lastYear are the first and last years whose notice is in the package.
EOF
} >"$out_license"

echo "Wrote $out_json and $out_license" >&2
