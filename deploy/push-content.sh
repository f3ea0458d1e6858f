#!/bin/sh
# Push one content folder (content.yaml and its images) to every kiosk of a park.
#
#   deploy/push-content.sh FOLDER DESTINATION...
#   deploy/push-content.sh ./content kiosk@lobby-a:/opt/kiosk kiosk@lobby-b:/opt/kiosk
#
# The content is checked first: a file with mistakes goes nowhere. rsync then writes each file
# under a temporary name and renames it into place, all at the end (--delay-updates), so a
# kiosk never reads half a file; its watcher sees the rename and shows the new content when the
# visitor on it has finished. A kiosk that is off or unreachable is reported; run again later.
set -u
KIOSK=${KIOSK:-kiosk}   # the command that checks content: the built program, or main.py
if [ $# -lt 2 ]; then
    echo "usage: $0 FOLDER DESTINATION..." >&2
    exit 2
fi
folder=${1%/}
shift
if [ ! -f "$folder/content.yaml" ]; then
    echo "$folder has no content.yaml" >&2
    exit 2
fi
$KIOSK check "$folder/content.yaml" || { echo "not pushed: fix the problems above" >&2; exit 1; }
failed=0
for destination in "$@"; do
    if rsync --recursive --times --checksum --delay-updates --exclude '.*' \
            "$folder/" "$destination/"; then
        echo "pushed to $destination"
    else
        echo "NOT pushed to $destination (rsync exit $?)" >&2
        failed=1
    fi
done
exit $failed
