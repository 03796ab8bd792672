# Shared by the benchmark scripts (sourced): timing a command with its peak memory, and the best of runs.
# Needs $tmp (a scratch folder) set by the caller.

# measure NAME CMD...: runs CMD once under /usr/bin/time -v; appends "seconds rss_kb exit" to $tmp/NAME.
measure() {
  local name=$1 t0 t1 rc=0
  shift
  t0=$(date +%s.%N)
  /usr/bin/time -v -o "$tmp/time.txt" "$@" >"$tmp/$name.out" 2>&1 || rc=$?
  t1=$(date +%s.%N)
  local rss
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp/time.txt")
  awk -v a="$t0" -v b="$t1" -v m="$rss" -v rc="$rc" 'BEGIN {printf "%.3f %d %d\n", b - a, m, rc}' >>"$tmp/$name"
}

# stats NAME: best (shortest) wall time, largest peak memory, last exit status.
stats() { sort -n "$tmp/$1" | awk 'NR==1 {t=$1} {if ($2>m) m=$2; rc=$3} END {printf "%s %s %s\n", t, m, rc}'; }
