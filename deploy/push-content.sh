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
# Each kiosk's own site.yaml is never touched (nor sent: a site.yaml in FOLDER stays here).
# The content's version is printed: each kiosk shows it once its kiosk_content_info says so
# (deploy/prometheus/).
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
            --exclude '/site.yaml' "$folder/" "$destination/"; then
        echo "pushed to $destination"
    else
        echo "NOT pushed to $destination (rsync exit $?)" >&2
        failed=1
    fi
done
version=$(sha256sum "$folder/content.yaml" | cut -c1-12)
echo "content version $version: kiosk_content_info{version=\"$version\"} on each kiosk that shows it"
exit $failed
