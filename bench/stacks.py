"""Where a live server's samples went: collapsed stacks (py-spy's `--format raw`, as
`bench/conduit_http.py --stacks DIR` writes them) summed per frame, inclusive (the share of samples
in which a frame is on the stack) and by the package or project module of the innermost frame.

    .venv/bin/python bench/stacks.py DIR/facade-create-1.txt [--top 40] [--match TEXT]

`--match` keeps the frames whose text contains TEXT (a module, a function) in the inclusive table.
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

#: py-spy's frame text: `function (path/to/file.py:line)`.
_FRAME = re.compile(r"^(?P<function>.*?) \((?P<file>[^:()]*)(?::\d+)?\)$")


def _where(file: str) -> str:
    """A frame's package (site-packages), project module or standard library module."""
    if "site-packages/" in file:
        return file.split("site-packages/", 1)[1].split("/", 1)[0]
    if "/lib/python3" in file:
        return "stdlib " + file.rsplit("/", 1)[-1]
    return "/".join(file.rsplit("/", 2)[-2:])


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("stacks", type=Path)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--match", default="")
    args = parser.parse_args()
    inclusive: collections.Counter[str] = collections.Counter()
    innermost: collections.Counter[str] = collections.Counter()
    total = 0
    for line in args.stacks.read_text().splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack:
            continue
        count = int(count_text)
        total += count
        frames = stack.split(";")
        for frame in set(frames):
            if args.match in frame:
                inclusive[frame] += count
        match = _FRAME.match(frames[-1])
        innermost[_where(match["file"]) if match else frames[-1]] += count
    if not total:
        print("no samples", file=sys.stderr)
        return 1
    print(f"{total} samples (in a thread holding the GIL)\n\ninclusive share of samples, by frame:")
    for frame, count in inclusive.most_common(args.top):
        print(f"{count / total:6.1%}  {frame}")
    print("\nself share of samples, by the innermost frame's package or module:")
    for where, count in innermost.most_common(args.top):
        print(f"{count / total:6.1%}  {where}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
