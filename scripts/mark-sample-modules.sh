#!/bin/sh
# Marks modules as sample content: in the front matter of each module that has no `status:` yet,
# the `reviewed:` line becomes `status: sample` (a module with no `reviewed:` line gets
# `status: sample` before its closing ---). No reviewer is written: the sample modules have not
# been reviewed by anyone at your clinic. Files that already say `status:` are left as they are,
# so running it again is harmless.
#
#   scripts/mark-sample-modules.sh                       # every module under curriculum/modules
#   scripts/mark-sample-modules.sh path/to/module.md ... # only these files
set -eu
if [ "$#" -eq 0 ]; then
    set -- $(find curriculum/modules -name '*.md' | LC_ALL=C sort)
fi
for file in "$@"; do
    awk '
        NR == 1 && $0 != "---" { front = -1 }
        { lines[NR] = $0 }
        NR > 1 && front == 0 && $0 == "---" { close_line = NR; front = 1 }
        front == 0 && NR > 1 && /^status:/ { has_status = 1 }
        END {
            if (front != 1 || has_status) { for (i = 1; i <= NR; i++) print lines[i]; exit }
            done = 0
            for (i = 1; i <= NR; i++) {
                if (i < close_line && !done && lines[i] ~ /^reviewed:/) { print "status: sample"; done = 1; continue }
                if (i == close_line && !done) { print "status: sample"; done = 1 }
                print lines[i]
            }
        }
    ' "$file" > "$file.tmp" && mv "$file.tmp" "$file"
done
