"""The wrk script of a bench target (tests/bench/run, tests/bench/profile):
its cookie, its POST body, or the paths each connection asks in turn."""


def wrk_script(target):
    lines = []
    if target.get("cookie"):
        lines.append('wrk.headers["Cookie"] = "%s"' % target["cookie"])
    if target.get("body"):
        lines += ['wrk.method = "POST"',
                  'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"',
                  'wrk.body = "%s"' % target["body"]]
    if target.get("paths"):
        lines.append("paths = {%s}" % ", ".join('"%s"' % p for p in target["paths"]))
        lines += ["counter = 0",
                  "request = function()",
                  "  counter = counter + 1",
                  "  return wrk.format(nil, paths[(counter % #paths) + 1])",
                  "end"]
    return "\n".join(lines) + "\n"
