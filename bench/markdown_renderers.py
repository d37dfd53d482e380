"""Whether a compiled Markdown renderer could replace markdown-it-py without changing what posts
show: each candidate renders generated Markdown (a seeded mix of the syntax's building blocks:
emphasis, code, lists, tables, links, entities, raw HTML), sanitised like ours (services.markdown),
and is compared with our HTML; then the CPU of each on bench/blog_workload.py's article.

    pip install markdown-it-pyrs cmarkgfm      # candidates, not dependencies
    .venv/bin/python bench/markdown_renderers.py [--inputs 5000] [--seed 1]

Bounded: inputs x candidates renders, and 500 renders per renderer for the timing.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.blog_workload import _markdown  # noqa: E402
from services.markdown import _RENDERER, _SANITISER, render  # noqa: E402

#: Building blocks of generated inputs.
PIECES = [
    "*", "**", "_", "__", "`", "```", "~~~", "#", "## ", "> ", "- ", "+ ", "1. ", "2) ", "|",
    "---", "===", "\n", "\n\n", "  \n", "\\", "[", "]", "(", ")", "![", "<", ">", "&amp;",
    "&copy;", "&#35;", "&#x41;", "&bogus;", "http://x.y/z", "<http://a.b>", "<a@b.c>", '"', "'",
    "word", "x", " ", "    ", "\t", "<script>", "</div>", "<!-- c -->", "[r]: /u 't'", "é",
    "\r\n", ":-:", "|---|---|", "www.x.com", "a_b_c", "***", "    code",
]  # fmt: skip


def _candidates() -> dict[str, Callable[[str], str]]:
    found: dict[str, Callable[[str], str]] = {}
    try:
        import markdown_it_pyrs

        # CommonMark's rules and tables, raw HTML off: the rules our renderer runs.
        rules = ["blockquote", "code", "fence", "heading", "hr", "lheading", "list", "paragraph",
                 "reference", "autolink", "backticks", "emphasis", "entity", "escape", "image",
                 "link", "newline", "table"]  # fmt: skip
        pyrs = markdown_it_pyrs.MarkdownIt("zero")
        pyrs.enable_many(rules)
        found["markdown-it-pyrs"] = lambda text: _SANITISER.clean(pyrs.render(text))
    except ImportError:
        print("markdown-it-pyrs not installed: skipped", file=sys.stderr)
    try:
        import cmarkgfm
        from cmarkgfm.cmark import Options

        def cmark(text: str) -> str:
            html = cmarkgfm.markdown_to_html_with_extensions(
                text, options=Options.CMARK_OPT_DEFAULT, extensions=["table"]
            )
            return str(_SANITISER.clean(html))

        found["cmark-gfm"] = cmark
    except ImportError:
        print("cmarkgfm not installed: skipped", file=sys.stderr)
    return found


def _cpu_us(function: Callable[[str], object], text: str, calls: int = 500) -> float:
    function(text)
    started = time.process_time()
    for _ in range(calls):
        function(text)
    return (time.process_time() - started) / calls * 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--inputs", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    candidates = _candidates()
    chance = random.Random(args.seed)
    inputs = [
        "".join(chance.choice(PIECES) for _ in range(chance.randint(1, 40)))
        for _ in range(args.inputs)
    ]
    article = _markdown()
    print("| renderer | inputs with other HTML | inputs it failed on | CPU µs, the article |")
    print("|---|---|---|---|")
    print(f"| markdown-it-py + nh3 (ours) | — | 0 | {_cpu_us(render, article):.0f} |")
    for name, candidate in candidates.items():
        differ = failed = 0
        first_failure = ""
        for text in inputs:
            try:
                differ += candidate(text) != _SANITISER.clean(_RENDERER.render(text))
            except BaseException as error:  # a Rust panic is a BaseException
                failed += 1
                first_failure = first_failure or f"{type(error).__name__}: {error}"
        cpu = _cpu_us(candidate, article)
        print(f"| {name} | {differ} of {len(inputs)} | {failed} | {cpu:.0f} |")
        if first_failure:
            print(f"  first failure: {first_failure}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
