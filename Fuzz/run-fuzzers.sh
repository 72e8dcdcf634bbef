#!/usr/bin/env bash
# Builds the libFuzzer targets under AddressSanitizer and runs each for a bounded time.
# Called by `make fuzz`; every setting below can be overridden from the environment:
#
#   FUZZ_SECONDS=600 make fuzz          ten minutes per fuzzer
#   FUZZERS=ConfigFuzzer make fuzz      only one fuzzer
#   FUZZ_MERGE=1 make fuzz              afterwards, add the inputs that reached new code to
#                                       the corpus kept in the repository (Fuzz/corpus/<fuzzer>)
#
# The fuzzers are built in .build-fuzz. The corpus grows in .build-fuzz-out/corpus/<fuzzer>
# (both folders are ignored by git), seeded on every run from the sample curriculum and
# Fuzz/seeds/; the corpus kept in the repository, Fuzz/corpus/<fuzzer>, is read as well. Inputs that crash, hang or break an invariant are saved under
# .build-fuzz-out/artifacts/<fuzzer>/, with a log per run in .build-fuzz-out/logs/; the script
# exits 1 when a fuzzer finds anything.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)

SWIFT=${SWIFT:-swift}
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
FUZZ_MAX_LEN=${FUZZ_MAX_LEN:-65536}
FUZZ_TIMEOUT=${FUZZ_TIMEOUT:-10}
FUZZ_RSS_MB=${FUZZ_RSS_MB:-4096}
FUZZ_CONFIGURATION=${FUZZ_CONFIGURATION:-release}
FUZZERS=${FUZZERS:-ModuleFuzzer ConfigFuzzer CurriculumFuzzer}
FUZZ_MERGE=${FUZZ_MERGE:-0}
SCRATCH=${FUZZ_SCRATCH:-$ROOT/.build-fuzz}
OUT=${FUZZ_OUT:-$ROOT/.build-fuzz-out}

# -sanitize=fuzzer instruments the Swift code for coverage and links libFuzzer; the -Xcc flags
# do the same for the C code (Yams's libyaml). Release keeps Swift's overflow and bounds traps.
BUILD_FLAGS=(-c "$FUZZ_CONFIGURATION" --package-path Fuzz --scratch-path "$SCRATCH"
             -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address)

echo "==> building the fuzzers ($FUZZ_CONFIGURATION, AddressSanitizer) in ${SCRATCH#$ROOT/}"
# SwiftPM does not notice files added to a path dependency (CurriculumKit) once it has planned
# a build; forgetting the plan makes it look again.
rm -f "$SCRATCH/$FUZZ_CONFIGURATION.yaml"
for fuzzer in $FUZZERS; do
    # gold warns about every ASan helper symbol it cannot export; those lines are noise.
    "$SWIFT" build "${BUILD_FLAGS[@]}" --product "$fuzzer" 2>&1 | grep -v "Cannot export local symbol" || true
    [ -x "$SCRATCH/$FUZZ_CONFIGURATION/$fuzzer" ] || { echo "the build of $fuzzer failed" >&2; exit 2; }
done

seed() {
    local fuzzer=$1 corpus=$2
    mkdir -p "$corpus"
    case $fuzzer in
    ModuleFuzzer)
        find curriculum/modules Tests/CurriculumKitTests/Fixtures -type f -name '*.md' -size -64k -print0 |
            while IFS= read -r -d '' file; do cp "$file" "$corpus/seed-$(echo "$file" | tr '/ ' '__')"; done
        cp Fuzz/seeds/module/* "$corpus/"
        ;;
    ConfigFuzzer)
        for file in curriculum/schema.yaml curriculum/program.yaml curriculum/glossary.yaml; do
            cp "$file" "$corpus/seed-$(basename "$file")"
        done
        { cat curriculum/schema.yaml; printf '\n#%%%% program.yaml\n'; cat curriculum/program.yaml; } > "$corpus/seed-combined.yaml"
        find Tests/CurriculumKitTests/Fixtures -type f -name '*.yaml' -size -64k -print0 |
            while IFS= read -r -d '' file; do cp "$file" "$corpus/seed-$(echo "$file" | tr '/ ' '__')"; done
        cp Fuzz/seeds/config/* "$corpus/"
        ;;
    CurriculumFuzzer)
        ;;  # its seeds are the corpus in the repository
    esac
}

status=0
running=""
trap 'if [ -n "$running" ]; then kill -INT "$running" 2>/dev/null || true; wait "$running" 2>/dev/null || true; fi; exit 130' INT TERM

for fuzzer in $FUZZERS; do
    corpus=$OUT/corpus/$fuzzer
    artifacts=$OUT/artifacts/$fuzzer
    mkdir -p "$artifacts"
    seed "$fuzzer" "$corpus"
    kept=$ROOT/Fuzz/corpus/$fuzzer
    mkdir -p "$kept"
    dict=Fuzz/module.dict
    [ "$fuzzer" = ConfigFuzzer ] && dict=Fuzz/config.dict
    if [ "$fuzzer" = CurriculumFuzzer ]; then
        dict=$OUT/curriculum.dict
        { cat Fuzz/module.dict Fuzz/config.dict; printf '"\\x0a#%%%% schema.yaml\\x0a"\n"\\x0a#%%%% glossary.yaml\\x0a"\n"\\x0a#%%%% modules/a.md\\x0a"\n"requires: "\n'; } > "$dict"
    fi
    log=$OUT/logs/$fuzzer-$(date +%Y%m%d-%H%M%S).log
    mkdir -p "$(dirname "$log")"
    echo "==> $fuzzer for ${FUZZ_SECONDS}s (corpus ${corpus#$ROOT/}, log ${log#$ROOT/})"
    # SWIFT_BACKTRACE=enable=no: Swift's own crash handler would race libFuzzer's and ASan's.
    set +e
    SWIFT_BACKTRACE=enable=no CURRICULUM_FUZZ_ROOT=$ROOT LSAN_OPTIONS=suppressions=$ROOT/Fuzz/lsan.supp \
        "$SCRATCH/$FUZZ_CONFIGURATION/$fuzzer" "$corpus" "$kept" \
        -dict="$dict" -max_total_time="$FUZZ_SECONDS" -max_len="$FUZZ_MAX_LEN" -timeout="$FUZZ_TIMEOUT" \
        -rss_limit_mb="$FUZZ_RSS_MB" -malloc_limit_mb="$FUZZ_RSS_MB" -artifact_prefix="$artifacts/" \
        -print_final_stats=1 >"$log" 2>&1 &
    running=$!
    wait "$running"
    code=$?
    running=""
    set -e
    grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|Done )|ERROR|INVARIANT|Test unit written" "$log" || true
    if [ "$code" -ne 0 ]; then
        echo "$fuzzer found a problem (exit $code); see ${log#$ROOT/} and ${artifacts#$ROOT/}/" >&2
        status=1
    elif [ "$FUZZ_MERGE" = 1 ]; then
        # Only inputs that reach code the kept corpus does not, and only small ones.
        SWIFT_BACKTRACE=enable=no LSAN_OPTIONS=suppressions=$ROOT/Fuzz/lsan.supp CURRICULUM_FUZZ_ROOT=$ROOT \
            "$SCRATCH/$FUZZ_CONFIGURATION/$fuzzer" -set_cover_merge=1 -max_len=4096 "$kept" "$corpus" >>"$log" 2>&1 || true
        echo "    kept corpus: $(ls "$kept" | wc -l) inputs in ${kept#$ROOT/}"
    fi
done
exit $status
