"""Print the wall time of each CI stage, its seconds per operation, and the projection to 300.

    ci/stage_times.py reports/stage-times.tsv

The file holds one line per stage: `name<TAB>start<TAB>end` (epoch seconds, from ci/test.sh and
.ci/run). Operations are those of the three bundled contracts (generated/openapi.yaml, root.yaml,
conduit.yaml). The projection scales every stage linearly with the number of operations, the
setup and lint stages included: an upper bound, since those grow more slowly than the suite.
"""

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CONTRACTS = ("openapi.yaml", "root.yaml", "conduit.yaml")
METHODS = {"get", "put", "post", "patch", "delete", "head", "options", "trace"}
PROJECTED = 300
LIMIT_MINUTES = 40


def count_operations() -> int:
    total = 0
    for name in CONTRACTS:
        with (ROOT / "generated" / name).open("rb") as handle:
            spec = yaml.load(handle, Loader=yaml.CSafeLoader)
        total += sum(1 for item in spec["paths"].values() for method in item if method in METHODS)
    return total


def main(path: str) -> int:
    stages = []
    for line in Path(path).read_text().splitlines():
        name, start, end = line.split("\t")
        stages.append((name, float(end) - float(start)))
    operations = count_operations()
    scale = PROJECTED / operations
    width = max(len(name) for name, _ in stages)
    print(f"\n== stage times ({operations} operations in the bundled contracts)")
    print(f"{'stage':<{width}}  {'wall s':>7}  {'s/op':>6}  {f'at {PROJECTED} ops':>10}")
    for name, seconds in stages:
        per_operation = seconds / operations
        print(f"{name:<{width}}  {seconds:7.1f}  {per_operation:6.2f}  {seconds * scale:9.0f}s")
    total = sum(seconds for _, seconds in stages)
    projected = total * scale
    print(f"{'total':<{width}}  {total:7.1f}  {total / operations:6.2f}  {projected:9.0f}s")
    verdict = "under" if projected < LIMIT_MINUTES * 60 else "OVER"
    print(
        f"total {total / 60:.1f} min; projected at {PROJECTED} operations: "
        f"{projected / 60:.1f} min ({verdict} the {LIMIT_MINUTES}-minute limit)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
