#!/bin/sh
# Collect the usage figures of every kiosk into one file of JSON lines (one session a line,
# each with its kiosk's name), then read them together:
#
#   deploy/collect-stats.sh 2026-11-01 kiosk@lobby-a kiosk@lobby-b > park.jsonl
#   kiosk stats --jsonl park.jsonl
set -u
SSH=${SSH:-ssh}
REMOTE_KIOSK=${REMOTE_KIOSK:-/opt/kiosk/kiosk}
if [ $# -lt 2 ]; then
    echo "usage: $0 SINCE-DATE HOST..." >&2
    exit 2
fi
since=$1
shift
failed=0
for host in "$@"; do
    $SSH -o BatchMode=yes "$host" "$REMOTE_KIOSK" stats --since "$since" --format jsonl \
        || { echo "no figures from $host" >&2; failed=1; }
done
exit $failed
