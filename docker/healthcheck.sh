#!/bin/sh
# The image's HEALTHCHECK. Uses only what every base image has (sh, coreutils), so it behaves the same on the
# real eclipse-temurin (Ubuntu) base and on the Debian stand-in the container check builds.
#
# While the bot runs it rewrites a heartbeat file every few seconds with the Discord gateway's state
# (CRISISDESK_HEARTBEAT_FILE; see README.md, "Run with Docker"). Reading that file costs nothing, unlike starting
# a second JVM every 30 s, and it answers the question that matters for a bot: is it connected to Discord?
#   - fresh and "connected"               -> healthy
#   - fresh and anything else             -> unhealthy (Docker's retries give a reconnect time to finish)
#   - older than the limit                -> unhealthy (the bot's JVM is stuck or gone)
# Without a heartbeat file (any command but the bot, or the bot before its first beat), it falls back to
# 'crisisdesk health', which opens the index and answers a probe question in a short-lived JVM.
set -u
file=${CRISISDESK_HEARTBEAT_FILE:-}
max_age=${CRISISDESK_HEARTBEAT_MAX_AGE:-60}

if [ -n "$file" ] && [ -f "$file" ]; then
    now=$(date +%s) || exit 1
    written=$(stat -c %Y "$file") || exit 1
    age=$((now - written))
    if [ "$age" -gt "$max_age" ]; then
        echo "unhealthy: the bot's heartbeat is ${age} s old (limit ${max_age} s)"
        exit 1
    fi
    state=
    read -r state rest < "$file" || true
    if [ "$state" = "connected" ]; then
        echo "ok: gateway connected (heartbeat ${age} s old)"
        exit 0
    fi
    echo "unhealthy: gateway ${state:-unknown}"
    exit 1
fi
exec java -jar /app/crisisdesk.jar health
