#!/usr/bin/env python3
"""Draws the README's screenshots from the payloads the real bot sent to the stand-in Discord.

Usage: render-screenshots.py CAPTURES_DIR OUT_DIR

CAPTURES_DIR holds what ReadmeScreenshots recorded: one JSON file per capture (what the user did, and the
payload exactly as the bot sent it) and the pictures the bot uploaded. Each becomes an HTML page styled like
Discord's dark theme and then a PNG, taken by headless Chromium at the page's own height.
"""
import html
import json
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-extensions", "--disable-sync", "--no-first-run", "--mute-audio",
                  "--hide-scrollbars", "--force-device-scale-factor=1", "--disable-dev-shm-usage"]
WIDTH = 900

STYLE = """
body { margin:0; background:#313338; font-family:'Noto Sans','DejaVu Sans',sans-serif; color:#dbdee1;
       font-size:15px; line-height:1.375; width:%dpx; }
.capture { background:#1e1f22; color:#b5bac1; font-family:'DejaVu Sans Mono',monospace; font-size:12px;
           padding:10px 16px; line-height:1.6; }
.capture b { color:#f0b232; font-weight:normal; }
.channel { height:48px; border-bottom:1px solid #1f2023; display:flex; align-items:center; padding:0 16px;
           color:#f2f3f5; font-weight:600; font-size:16px; }
.channel .hash { color:#80848e; font-size:24px; margin-right:8px; font-weight:400; }
.channel .topic { color:#b5bac1; font-weight:400; font-size:14px; margin-left:12px; padding-left:12px;
                  border-left:1px solid #4e5058; }
.messages { padding:16px 16px 24px 0; }
.msg { display:flex; padding:2px 16px 2px 16px; margin-top:14px; }
.avatar { width:40px; height:40px; border-radius:50%%; flex:none; margin-right:16px; display:flex;
          align-items:center; justify-content:center; color:white; font-weight:700; font-size:15px; }
.avatar.bot { background:#2f6fb3; } .avatar.user { background:#c94f86; }
.body { flex:1; min-width:0; }
.name { color:#f2f3f5; font-weight:500; } .app { background:#5865f2; color:white; font-size:10px;
        border-radius:3px; padding:1px 4px; margin-left:4px; vertical-align:2px; font-weight:600; }
.time { color:#949ba4; font-size:12px; margin-left:6px; }
.used { color:#b5bac1; font-size:14px; margin:0 0 2px 56px; padding-left:16px; }
.used .cmd { color:#00a8fc; }
.replyline { color:#b5bac1; font-size:13px; margin:0 0 0 72px; }
.mention { background:rgba(88,101,242,.3); color:#c9cdfb; border-radius:3px; padding:0 2px; }
.embed { margin-top:6px; max-width:520px; background:#2b2d31; border-left:4px solid; border-radius:4px;
         padding:8px 16px 16px 12px; }
.embed .title { color:#f2f3f5; font-weight:600; font-size:16px; margin-top:8px; }
.embed .desc { margin-top:8px; font-size:14px; white-space:normal; }
.embed .field { margin-top:8px; font-size:14px; } .embed .fname { font-weight:600; color:#f2f3f5; }
.embed .footer { margin-top:8px; font-size:12px; color:#b5bac1; }
.embed img { margin-top:16px; max-width:100%%; border-radius:4px; display:block; }
a { color:#00a8fc; text-decoration:none; }
code { background:#1e1f22; border-radius:3px; padding:0 3px; font-size:85%%; font-family:'DejaVu Sans Mono',monospace; }
.quote { border-left:4px solid #4e5058; padding-left:10px; margin:2px 0; }
.buttons { margin-top:8px; display:flex; gap:8px; flex-wrap:wrap; max-width:560px; }
.button { color:white; font-size:14px; font-weight:500; border-radius:3px; padding:4px 16px; min-height:24px;
          display:flex; align-items:center; }
.b1 { background:#5865f2; } .b2 { background:#4e5058; } .b3 { background:#248046; } .b4 { background:#da373c; }
.disabled { opacity:.5; }
.ephemeral { font-size:12px; color:#949ba4; margin-top:6px; }
.ephemeral a { color:#00a8fc; }
"""


def markdown(text):
    """Discord's markdown, as far as the bot uses it: escapes, bold, italics, links, code, quotes, lines."""
    out = []
    for line in text.split("\n"):
        quote = line.startswith("> ")
        if quote:
            line = line[2:]
        out.append(("<div class='quote'>%s</div>" if quote else "%s") % inline(line))
    joined = "<br>".join(out)
    return joined.replace("</div><br>", "</div>")


def inline(text):
    # Backslash escapes first, into placeholders, so that an escaped mark is never read as formatting.
    escaped = []

    def hold(match):
        escaped.append(match.group(1))
        return "\u0000%d\u0000" % (len(escaped) - 1)

    text = re.sub(r"\\([\\*_~`|>\[\]<#-])", hold, text)
    text = html.escape(text, quote=False)
    text = re.sub(r"`([^`]+)`", r"<code>\1</code>", text)
    text = re.sub(r"\[([^\]]+)\]\((https?://[^)\s]+)\)", r"<a>\1</a>", text)
    text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"<i>\1</i>", text)
    text = re.sub(r"__(.+?)__", r"<u>\1</u>", text)
    return re.sub("\u0000(\\d+)\u0000", lambda m: html.escape(escaped[int(m.group(1))]), text)


def embed(e, capture, directory):
    parts = ["<div class='embed' style='border-color:#%06x'>" % e.get("color", 0x202225)]
    if e.get("title"):
        parts.append("<div class='title'>%s</div>" % inline(e["title"]))
    if e.get("description"):
        parts.append("<div class='desc'>%s</div>" % markdown(e["description"]))
    for field in e.get("fields", []):
        parts.append("<div class='field'><div class='fname'>%s</div>%s</div>"
                     % (inline(field["name"]), markdown(field["value"])))
    image = e.get("image", {}).get("url")
    if image and image in capture.get("attachments", {}):
        parts.append("<img src='%s'>" % (directory / capture["attachments"][image]).resolve().as_uri())
    if e.get("footer", {}).get("text"):
        parts.append("<div class='footer'>%s</div>" % html.escape(e["footer"]["text"]))
    parts.append("</div>")
    return "".join(parts)


def page(capture, directory):
    payload = capture["payload"]
    data = payload.get("data", payload)
    ephemeral = bool(data.get("flags", 0) & 64)
    how = capture["how"]
    typed = capture["typed"]
    did = {"slash": "used " + typed, "message": "posted: " + typed, "reply": "replied: " + typed,
           "button": typed}[how]
    sent = "interaction callback type %s" % payload["type"] if "type" in payload else "message / edit"
    visibility = "private: only the asker sees it" if ephemeral else "public: everyone in the channel sees it"
    rows = ["<div class='capture'><b>capture</b> %s &nbsp; <b>locale</b> %s<br><b>user did</b> %s<br>"
            "<b>bot sent</b> %s · %s</div>" % (html.escape(capture["capture"]), html.escape(capture["locale"]),
                                              html.escape(did), sent, visibility),
            "<div class='channel'><span class='hash'>#</span>general"
            "<span class='topic'>Mali crisis desk · ask crisisdesk with /ask</span></div><div class='messages'>"]
    if how in ("message", "reply"):
        shown = html.escape(typed).replace("@crisisdesk", "<span class='mention'>@crisisdesk</span>")
        if how == "reply":
            rows.append("<div class='replyline'>↱ <span class='name'>crisisdesk</span> %s</div>"
                        % html.escape(capture.get("replied_to", "")))
        rows.append("<div class='msg'><div class='avatar user'>R</div><div class='body'><span class='name'>"
                    "reader</span><span class='time'>Today at 20:31</span><div>%s</div></div></div>" % shown)
    elif how == "slash":
        command = typed.split(" ")[0]
        rows.append("<div class='used'><span class='name'>reader</span> used <span class='cmd'>%s</span></div>"
                    % html.escape(command))
    body = ["<div class='msg' style='margin-top:4px'><div class='avatar bot'>cd</div><div class='body'>"
            "<span class='name'>crisisdesk</span><span class='app'>APP</span>"
            "<span class='time'>Today at 20:32</span>"]
    if data.get("content"):
        body.append("<div>%s</div>" % markdown(data["content"]))
    for e in data.get("embeds", []):
        body.append(embed(e, capture, directory))
    for row in data.get("components", []):
        body.append("<div class='buttons'>")
        for b in row.get("components", []):
            body.append("<div class='button b%d%s'>%s</div>" % (b.get("style", 2),
                        " disabled" if b.get("disabled") else "", html.escape(b.get("label", ""))))
        body.append("</div>")
    if ephemeral:
        body.append("<div class='ephemeral'>👁 Only you can see this · <a>Dismiss message</a></div>")
    body.append("</div></div>")
    rows.append("".join(body))
    rows.append("</div>")
    return ("<!doctype html><html><head><meta charset='utf-8'><style>%s</style></head><body>%s"
            "<script>window.onload=function(){document.title='H'+document.body.scrollHeight;}</script>"
            "</body></html>" % (STYLE % WIDTH, "".join(rows)))


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    sys.exit("headless Chromium is needed (Debian: apt-get install chromium)")


def shoot(browser, page_file, png):
    dom = subprocess.run([browser, *CHROMIUM_FLAGS, "--virtual-time-budget=2000", "--window-size=%d,2000" % WIDTH,
                          "--dump-dom", page_file.as_uri()], capture_output=True, text=True, check=True).stdout
    height = int(re.search(r"<title>H(\d+)</title>", dom).group(1))
    subprocess.run([browser, *CHROMIUM_FLAGS, "--virtual-time-budget=2000", "--window-size=%d,%d" % (WIDTH, height),
                    "--screenshot=%s" % png, page_file.as_uri()], capture_output=True, check=True)
    return height


def main():
    captures, out = pathlib.Path(sys.argv[1]).resolve(), pathlib.Path(sys.argv[2]).resolve()
    out.mkdir(parents=True, exist_ok=True)
    browser = chromium()
    with tempfile.TemporaryDirectory() as scratch:
        for path in sorted(captures.glob("*.json")):
            capture = json.loads(path.read_text(encoding="utf-8"))
            page_file = pathlib.Path(scratch) / (path.stem + ".html")
            page_file.write_text(page(capture, captures), encoding="utf-8")
            height = shoot(browser, page_file, out / (path.stem + ".png"))
            print("%s.png  %d x %d" % (path.stem, WIDTH, height))


if __name__ == "__main__":
    main()
