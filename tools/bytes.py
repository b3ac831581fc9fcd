#!/usr/bin/env python3
"""Where the bytes of a built site are: totals per page kind, and inside the
HTML pages per element kind (chart SVGs, chart tables, status shapes, other
tables, the page frame outside <main>, the rest).

    tools/bytes.py OUTPUT_DIR [--json FILE]

Page kinds come from the site's paths (docs/performance.md, src/render/urls.rs).
Element kinds are found with regular expressions on the markup quarterdeck
writes; they are measured, not parsed, so nested cases count once, in the
first kind that matches. Nothing here changes the site.
"""

import json
import os
import re
import sys
from collections import defaultdict

KINDS = [
    ("deck", re.compile(r"^[^/]+/index\.html$")),
    ("objective", re.compile(r"^[^/]+/objectives/[^/]+\.html$")),
    ("since-last-quarter", re.compile(r"^[^/]+/since-last-quarter\.html$")),
    ("year-over-year", re.compile(r"^[^/]+/year-over-year\.html$")),
    ("kpi", re.compile(r"^kpis/[^/]+\.html$")),
    ("team", re.compile(r"^teams/[^/]+\.html$")),
    ("compare", re.compile(r"^compare/")),
    ("search index", re.compile(r"^search/")),
    ("assets", re.compile(r"^assets/")),
    ("media", re.compile(r"^media/")),
    ("index", re.compile(r"^index\.html$")),
]

# Element kinds, in the order they are cut out of a page.
ELEMENTS = [
    ("chart svg", re.compile(r'<svg[^>]*class="chart-svg.*?</svg>', re.S)),
    ("chart table", re.compile(r'<table[^>]*class="[^"]*chart-table.*?</table>', re.S)),
    ("status shape", re.compile(r'<svg[^>]*class="status-(?:symbol|defs)".*?</svg>', re.S)),
    ("other table", re.compile(r"<table.*?</table>", re.S)),
    ("inline script/style", re.compile(r"<(script|style)[^>]*>.*?</\1>", re.S)),
]
CHART = re.compile(r'<svg[^>]*class="chart-svg chart-([\w-]+).*?</svg>', re.S)
MAIN = re.compile(r"<main[^>]*>.*?</main>", re.S)


def kind_of(rel):
    for name, pattern in KINDS:
        if pattern.search(rel):
            return name
    return "other"


def measure(root):
    files = defaultdict(lambda: [0, 0])  # kind -> [count, bytes]
    elements = defaultdict(lambda: defaultdict(int))  # kind -> element -> bytes
    charts = defaultdict(lambda: [0, 0])  # chart kind -> [count, bytes of its svg]
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, root).replace(os.sep, "/")
            kind = kind_of(rel)
            size = os.path.getsize(path)
            files[kind][0] += 1
            files[kind][1] += size
            if not name.endswith(".html"):
                continue
            with open(path, encoding="utf-8") as f:
                text = f.read()
            main = MAIN.search(text)
            inside = main.group(0) if main else ""
            frame = len((text.replace(inside, "", 1) if main else text).encode())
            elements[kind]["page frame (outside <main>)"] += frame
            elements[kind]["&#x2F;"] += 6 * inside.count("&#x2F;")
            for svg in CHART.finditer(inside):
                charts[svg.group(1)][0] += 1
                charts[svg.group(1)][1] += len(svg.group(0).encode())
            for element, pattern in ELEMENTS:
                found = pattern.findall(inside) if pattern.groups == 0 else [
                    m.group(0) for m in pattern.finditer(inside)
                ]
                elements[kind][element] += sum(len(x.encode()) for x in found)
                inside = pattern.sub("", inside)
            elements[kind]["rest of <main>"] += len(inside.encode())
    return files, elements, charts


def main():
    args = sys.argv[1:]
    if not args or args[0].startswith("-"):
        sys.exit(__doc__)
    root = args[0]
    files, elements, charts = measure(root)
    total = sum(b for _, b in files.values())
    count = sum(c for c, _ in files.values())
    print(f"{root}: {total:,} bytes in {count:,} files")
    print()
    print("| kind | files | bytes | bytes a file |")
    print("| --- | ---: | ---: | ---: |")
    for kind, (c, b) in sorted(files.items(), key=lambda kv: -kv[1][1]):
        print(f"| {kind} | {c:,} | {b:,} | {b // max(c, 1):,} |")
    print()
    print("Inside HTML pages, bytes a page by element kind:")
    print()
    names = ["page frame (outside <main>)"] + [e for e, _ in ELEMENTS] + ["rest of <main>", "&#x2F;"]
    print("| kind | " + " | ".join(names) + " |")
    print("| --- |" + " ---: |" * len(names))
    for kind, (c, b) in sorted(files.items(), key=lambda kv: -kv[1][1]):
        if kind not in elements:
            continue
        e = elements[kind]
        print(f"| {kind} | " + " | ".join(f"{e[n] // max(c, 1):,}" for n in names) + " |")
    print()
    print("Chart SVGs by chart kind:")
    print()
    print("| chart | count | bytes | bytes a chart |")
    print("| --- | ---: | ---: | ---: |")
    for kind, (c, b) in sorted(charts.items(), key=lambda kv: -kv[1][1]):
        print(f"| {kind} | {c:,} | {b:,} | {b // max(c, 1):,} |")
    if "--json" in args:
        out = args[args.index("--json") + 1]
        with open(out, "w", encoding="utf-8") as f:
            json.dump({"files": files, "elements": elements, "charts": charts}, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
