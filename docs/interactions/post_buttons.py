#!/usr/bin/env python3
"""Posts a message with buttons that the OpenClaw plugin handles (standard library only).

A click sends "[Button click: @user selected "<label>"]" to the OpenClaw agent in that
conversation, replaces the buttons with "✓ <label> selected by @user", and the bot posts
the agent's answer under the message.

Environment:
  MM_URL                    e.g. https://chat.example.com
  MM_TOKEN                  a bot or personal access token allowed to post in the channel
  MM_CHANNEL_ID             the channel to post in
  OPENCLAW_SIGNING_SECRET   from GET /plugins/openclaw/api/v1/interactions/script-secret (system admins)
Usage: post_buttons.py "Deploy to production?" Yes No
"""
import hashlib
import hmac
import json
import os
import re
import sys
import urllib.request

CLICK_URL = "/plugins/openclaw/api/v1/interactions/click"


def sign(secret: str, context: dict) -> dict:
    """HMAC-SHA256 (hex) over the context's JSON with sorted keys and no spaces, as _token."""
    payload = json.dumps(context, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    token = hmac.new(secret.encode(), payload.encode("utf-8"), hashlib.sha256).hexdigest()
    return {**context, "_token": token}


def button(secret: str, label: str) -> dict:
    # Mattermost accepts only letters and digits in action ids; context.action_id must equal it.
    action_id = re.sub(r"[^A-Za-z0-9]", "", label)[:64] or "choice"
    context = sign(secret, {"action_id": action_id, "callback_data": label})
    return {"id": action_id, "type": "button", "name": label, "integration": {"url": CLICK_URL, "context": context}}


def main() -> None:
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    text, labels = sys.argv[1], sys.argv[2:]
    secret = os.environ["OPENCLAW_SIGNING_SECRET"]
    post = {
        "channel_id": os.environ["MM_CHANNEL_ID"],
        "message": text,
        "props": {"attachments": [{"text": "Choose one:", "actions": [button(secret, label) for label in labels]}]},
    }
    request = urllib.request.Request(
        os.environ["MM_URL"].rstrip("/") + "/api/v4/posts",
        data=json.dumps(post).encode(),
        headers={"Authorization": "Bearer " + os.environ["MM_TOKEN"], "Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request) as response:
        print(json.load(response)["id"])


if __name__ == "__main__":
    main()
