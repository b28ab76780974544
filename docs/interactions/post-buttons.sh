#!/bin/sh
# Posts one message with a Yes and a No button that the OpenClaw plugin handles.
# Needs curl and openssl. Same environment as post_buttons.py:
#   MM_URL, MM_TOKEN, MM_CHANNEL_ID, OPENCLAW_SIGNING_SECRET
# The signed text is the context's JSON with keys sorted and no spaces; keep labels plain
# (letters, digits, spaces) so no JSON escaping is needed.
set -eu
CLICK_URL=/plugins/openclaw/api/v1/interactions/click

button() { # $1 = action id (letters and digits), $2 = label
  context="{\"action_id\":\"$1\",\"callback_data\":\"$2\"}"
  token=$(printf '%s' "$context" | openssl dgst -sha256 -hmac "$OPENCLAW_SIGNING_SECRET" | sed 's/^.* //')
  printf '{"id":"%s","type":"button","name":"%s","integration":{"url":"%s","context":{"action_id":"%s","callback_data":"%s","_token":"%s"}}}' \
    "$1" "$2" "$CLICK_URL" "$1" "$2" "$token"
}

body=$(printf '{"channel_id":"%s","message":"%s","props":{"attachments":[{"text":"Choose one:","actions":[%s,%s]}]}}' \
  "$MM_CHANNEL_ID" "${1:-Shall we deploy?}" "$(button yes Yes)" "$(button no No)")
curl -fsS -X POST "$MM_URL/api/v4/posts" -H "Authorization: Bearer $MM_TOKEN" -H 'Content-Type: application/json' -d "$body"
echo
