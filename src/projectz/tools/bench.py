"""Build timing and page weights for scripts/bench: figures to report, never assertions.

Besides the project's own build it times a baseline: the same final Markdown (every page,
generated ones included, as the project's plugins and macros leave it) built by bare
mkdocs-material with only the search plugin, so the ratio shows what the project's code costs.
With --scale N it also times copies whose modules, trainers and sessions are N/2 and N times as
many (projectz.tools.scale), to show how the build grows with content.
"""

import argparse
import compileall
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.pages import Page
from mkdocs.utils.yaml import get_yaml_loader

from projectz.content import ContentPaths, load_content
from projectz.curriculum.kit import module_kit
from projectz.tools.scale import scaled_copy


@dataclass(frozen=True)
class SiteWeight:
    pages: int
    total_bytes: int
    largest_page: tuple[str, int]
    median_page_bytes: int
    search_index_bytes: int


def time_build(root: Path, site: Path, *options: str) -> float:
    """Wall time of one complete `mkdocs build` process into site, as a user runs it."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", *options, "--site-dir", str(site)],
                   cwd=root, check=True)
    return time.perf_counter() - start


def time_in_turns(runs: int, project: Path, bare: Path, work: Path) -> tuple[list[float], list[float]]:
    """Project and bare builds taking turns, so a busy spell on the machine slows both alike.

    Which goes first alternates, and an untimed turn first warms the disk cache for both. The
    project's last build stays in work/site for weighing.
    """
    def project_build() -> float:
        return time_build(project, work / "site", "--strict")

    def bare_build() -> float:
        return time_build(bare, work / "bare-site")

    project_build()
    bare_build()
    project_times, bare_times = [], []
    for turn in range(runs):
        if turn % 2:
            bare_times.append(bare_build())
            project_times.append(project_build())
        else:
            project_times.append(project_build())
            bare_times.append(bare_build())
    return project_times, bare_times


class _FinalMarkdown(BasePlugin):
    """Writes each page's Markdown, with its front matter, as the project's plugins leave it."""

    def __init__(self, docs: Path):
        super().__init__()
        self.docs = docs

    @event_priority(-100)  # after every other plugin, macros included
    def on_page_markdown(self, markdown: str, *, page: Page, **_: Any) -> str:
        path = self.docs / page.file.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        front_matter = yaml.safe_dump(dict(page.meta), allow_unicode=True, sort_keys=True) if page.meta else ""
        path.write_text(f"---\n{front_matter}---\n\n{markdown}" if front_matter else markdown, encoding="utf-8")
        return markdown


def write_bare_site(root: Path, folder: Path) -> None:
    """folder/mkdocs.yml and folder/docs/: the project's final Markdown for bare mkdocs-material."""
    with tempfile.TemporaryDirectory() as out:
        config = load_config(str(root / "mkdocs.yml"), site_dir=out)
        config.plugins["bench-final-markdown"] = _FinalMarkdown(folder / "docs")
        build(config)
    with open(root / "mkdocs.yml", encoding="utf-8") as file:
        project = yaml.load(file, Loader=get_yaml_loader())
    bare = {
        "site_name": project["site_name"],
        "theme": {"name": "material", "language": project["theme"].get("language", "en"), "font": False},
        "plugins": [{"search": project_search_options(project)}],
        # Markdown extensions are Python-Markdown's, not project code; without them the same
        # Markdown would render differently.
        "markdown_extensions": project.get("markdown_extensions", []),
        "nav": project.get("nav"),
    }
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(bare, allow_unicode=True, sort_keys=False), encoding="utf-8")


def project_search_options(project: dict[str, Any]) -> dict[str, Any]:
    for plugin in project.get("plugins", []):
        if isinstance(plugin, dict) and "search" in plugin:
            return plugin["search"] or {}
    return {}


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
    parser.add_argument("--scale", type=int, default=10,
                        help="also build copies with the modules, trainers and sessions this many times larger")
    args = parser.parse_args()
    # pip byte-compiles the installed dependencies; the project's editable package gets its .pyc
    # files only where Python may write them (not under PYTHONDONTWRITEBYTECODE). Compiling it
    # here makes both builds start from byte-compiled code, so the ratio compares build work.
    compileall.compile_dir(Path(__file__).parent.parent, quiet=1)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        write_bare_site(args.root, work / "bare")
        times, bare_times = time_in_turns(args.runs, args.root, work / "bare", work)
        weight = weigh(work / "site")
    kib = 1024
    print(f"build wall time: median {statistics.median(times):.2f} s over {args.runs} runs "
          f"(min {min(times):.2f} s, max {max(times):.2f} s)")
    print(f"bare mkdocs-material, same final Markdown: median {statistics.median(bare_times):.2f} s "
          f"(min {min(bare_times):.2f} s, max {max(bare_times):.2f} s)")
    print(f"ratio project / bare: {statistics.median(times) / statistics.median(bare_times):.2f} "
          f"(per turn: {', '.join(f'{p / b:.2f}' for p, b in zip(times, bare_times, strict=True))})")
    print(f"pages: {weight.pages}")
    print(f"total site size: {weight.total_bytes / kib / kib:.1f} MiB")
    print(f"largest page: {weight.largest_page[0]} ({weight.largest_page[1] / kib:.1f} KiB)")
    print(f"median page weight: {weight.median_page_bytes / kib:.1f} KiB")
    print(f"search index: {weight.search_index_bytes / kib:.1f} KiB")
    print_office_time(args.root)
    if args.scale > 1:
        print_scale_run(args.root, args.runs, args.scale, statistics.median(times))
    return 0


def print_office_time(root: Path) -> None:
    """Processor time to make every PowerPoint deck and every worksheet's Word file, as the build's
    download process does (issue 11 allows the decks at most 1 s)."""
    content = load_content(ContentPaths.under(root.resolve()))
    kits = [module_kit(module, root.resolve()) for module in content.published_modules]
    start = time.process_time()
    decks = sum(len(kit.pptx) for kit in kits)
    pptx_seconds = time.process_time() - start
    start = time.process_time()
    documents = sum(len(document) for kit in kits for document in kit.documents.values())
    docx_seconds = time.process_time() - start
    print(f"PowerPoint decks: {len(kits)} ({decks / 1024:.0f} KiB) in {pptx_seconds:.2f} s processor time; "
          f"Word worksheets: {sum(len(kit.documents) for kit in kits)} ({documents / 1024:.0f} KiB) in "
          f"{docx_seconds:.2f} s; both made in the build's second process")


def print_scale_run(root: Path, runs: int, factor: int, base_time: float) -> None:
    """Build time with registries factor times larger, to show how the build grows with content."""
    for size in sorted({max(2, factor // 2), factor}):
        with tempfile.TemporaryDirectory() as folder:
            copy = Path(folder) / "copy"
            scaled_copy(root.resolve(), copy, size)
            scaled = statistics.median([time_build(copy, Path(folder) / "site", "--strict") for _ in range(runs)])
            weight = weigh(Path(folder) / "site")
        print(f"scale x{size} (modules, trainers, sessions): median {scaled:.2f} s, "
              f"{scaled / base_time:.2f} x the real build; {weight.pages} pages, largest "
              f"{weight.largest_page[0]} ({weight.largest_page[1] / 1024:.1f} KiB)")


if __name__ == "__main__":
    sys.exit(main())
