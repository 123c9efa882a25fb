"""Build timing and page weights for scripts/bench: figures to report, never assertions."""

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SiteWeight:
    pages: int
    total_bytes: int
    largest_page: tuple[str, int]
    median_page_bytes: int
    search_index_bytes: int


def time_build(root: Path, runs: int) -> list[float]:
    """Wall time of complete `mkdocs build --strict` processes, as a user runs them."""
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", out],
                           cwd=root, check=True)
            times.append(time.perf_counter() - start)
    return times


def weigh(site: Path) -> SiteWeight:
    pages = {path.relative_to(site).as_posix(): path.stat().st_size for path in site.rglob("*.html")}
    largest = max(pages.items(), key=lambda item: item[1])
    return SiteWeight(
        pages=len(pages),
        total_bytes=sum(path.stat().st_size for path in site.rglob("*") if path.is_file()),
        largest_page=largest,
        median_page_bytes=int(statistics.median(pages.values())),
        search_index_bytes=(site / "search" / "search_index.json").stat().st_size,
    )


def main() -> int:
    parser = argparse.ArgumentParser(prog="scripts/bench")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--root", type=Path, default=Path.cwd())
    args = parser.parse_args()
    times = time_build(args.root, args.runs)
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", out],
                       cwd=args.root, check=True)
        weight = weigh(Path(out))
    kib = 1024
    print(f"build wall time: median {statistics.median(times):.2f} s over {args.runs} runs "
          f"(min {min(times):.2f} s, max {max(times):.2f} s)")
    print(f"pages: {weight.pages}")
    print(f"total site size: {weight.total_bytes / kib / kib:.1f} MiB")
    print(f"largest page: {weight.largest_page[0]} ({weight.largest_page[1] / kib:.1f} KiB)")
    print(f"median page weight: {weight.median_page_bytes / kib:.1f} KiB")
    print(f"search index: {weight.search_index_bytes / kib:.1f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
