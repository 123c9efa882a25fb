"""The build's second process, the download maker: while the first process renders the pages, it
holds the module texts to the HTML policy and the readability goals, makes the downloads and the
kit's PowerPoint and Word files, writes them and the plugin's other own files into the site, and
deletes the previous build.

A process of its own: threads share one core, and the first process's threads writing some 800
files and deleting the previous build cost its rendering a twentieth of the build. Started as a
command rather than by multiprocessing, which would run the caller's main script again.
"""

import datetime
import os
import pickle
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from projectz.content import Content, ContentPaths, check_content
from projectz.core.issues import Issue
from projectz.site.generated import GeneratedFiles, generated_files, made_files
from projectz.site.redirects import Redirect, redirect_pages


@dataclass(frozen=True)
class Job:
    paths: ContentPaths
    build_date: datetime.date
    site_url: str
    site_name: str


@dataclass(frozen=True)
class WriteOrder:
    """Where and what the maker writes, once the first process has read every page."""

    site_dir: Path
    file_names: bool  # the site's URLs name files ('a/b.html'), as in the offline edition
    redirects: bool  # pages at old addresses: the offline edition has none, nobody holds an old link into a zip
    previous: Path | None  # the previous build, moved aside: deleted once the files are written


class MakerFailed(Exception):
    """The maker stopped without doing its work; it has said why on standard error."""


class DownloadMaker:
    """The first process's side: it hands the maker its job, then reads what the maker found in the
    content and the kit files' sizes, then orders the writing and waits for the end."""

    def __init__(self, job: Job) -> None:
        self._process = subprocess.Popen([sys.executable, "-m", __name__], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE,
                                         env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
        self._send(job)

    def issues(self) -> list[Issue]:
        """Every problem in the content, the module texts' included; the maker stops after errors."""
        return self._received()

    def sizes(self) -> dict[str, int]:
        """The size in bytes of each of the kit's files, by path."""
        return self._received()

    def write(self, order: WriteOrder) -> None:
        self._send(order)
        assert self._process.stdin is not None
        self._process.stdin.close()

    def finish(self) -> None:
        """Waits until the maker has written everything; raises MakerFailed if it could not."""
        self._process.wait()
        self._close()
        if self._process.returncode:
            raise MakerFailed(f"Het maken van de downloads is mislukt (exitcode {self._process.returncode}); "
                              "zie hierboven.")

    def stop(self) -> None:
        self._process.kill()
        self._process.wait()
        self._close()

    def _close(self) -> None:
        for pipe in (self._process.stdin, self._process.stdout):
            if pipe is not None:
                pipe.close()

    def _send(self, item: Job | WriteOrder) -> None:
        assert self._process.stdin is not None
        try:
            pickle.dump(item, self._process.stdin)
            self._process.stdin.flush()
        except BrokenPipeError:
            # The maker has stopped: what is read from it next, or finish(), says so without a traceback.
            pass

    def _received(self) -> Any:
        assert self._process.stdout is not None
        try:
            return pickle.load(self._process.stdout)
        except EOFError:
            self.finish()
            raise MakerFailed("De downloads zijn niet gemaakt: het maken stopte voortijdig.") from None


def own_files(content: Content, generated: GeneratedFiles, order: WriteOrder) -> dict[str, Redirect | Path | None]:
    """Every file the maker writes into the site, by its path there: a redirect page, the source of
    an attachment, or None for a file it makes (a download or a kit file)."""
    files: dict[str, Redirect | Path | None] = {download.src_uri: None
                                                for download in [*generated.downloads, *generated.kit_files]}
    files.update({attachment.src_uri: attachment.path for attachment in generated.attachments})
    if order.redirects:
        files.update({redirect.path: redirect for redirect in redirect_pages(content, file_names=order.file_names)})
    return files


def _work(source: BinaryIO, out: BinaryIO) -> None:
    """The maker's side: source brings the Job and later the WriteOrder; out takes the issues, then
    the sizes."""
    job: Job = pickle.load(source)
    content, issues = check_content(job.paths, job.build_date)
    _hand_over(issues, out)
    if content is None:
        return
    generated = generated_files(content, job.paths.root, job.site_url, job.site_name, None)
    files = made_files(generated)
    kit_files = next(files)
    _hand_over({path: len(data) for path, data in kit_files.items()}, out)
    made = {**kit_files, **next(files)}
    try:
        order: WriteOrder = pickle.load(source)
    except EOFError:  # the build stopped before its pages were written
        return
    for path, source_of in own_files(content, generated, order).items():
        target = order.site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(source_of, Path):
            shutil.copyfile(source_of, target)
        else:
            data = made[path] if source_of is None else source_of.html
            target.write_bytes(data.encode() if isinstance(data, str) else data)
    if order.previous:
        shutil.rmtree(order.previous, ignore_errors=True)


def _hand_over(item: object, out: BinaryIO) -> None:
    pickle.dump(item, out)
    out.flush()


if __name__ == "__main__":
    _work(sys.stdin.buffer, sys.stdout.buffer)
