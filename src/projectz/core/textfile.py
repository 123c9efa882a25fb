"""Reading an author's file as UTF-8 text: every way that can fail is an Issue naming the file.

Authors save files from Word, Notepad or a file manager: a Windows-1252 or UTF-16 file, a
symlink to nothing or a folder where a file belongs must give them a message, not a traceback.
"""

import codecs
import errno
import stat
from pathlib import Path

from projectz.core.issues import Issue

FIELD = "bestand"
SAVE_AS_UTF8 = "sla het bestand op als UTF-8"


def read_text(path: Path, shown: str) -> tuple[str | None, list[Issue]]:
    """The file's text with a leading byte order mark dropped and newlines as '\\n', or None and why."""
    problem = _not_a_readable_file(path)
    if problem:
        return None, [Issue(shown, 1, FIELD, problem)]
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [Issue(shown, 1, FIELD, _unreadable(error))]
    # Notepad and Excel put a byte order mark in front of UTF-8; it is not part of the text.
    raw = raw.removeprefix(codecs.BOM_UTF8)
    utf16_at = _utf16_offset(raw)
    if utf16_at is not None:
        return None, [Issue(shown, _line_of(raw, utf16_at), FIELD,
                            f"opgeslagen als UTF-16 ('Unicode'), niet als UTF-8; {SAVE_AS_UTF8}")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, [Issue(shown, _line_of(raw, error.start), FIELD, _not_utf8(raw[error.start]))]
    # What Path.read_text does: the parsers and Markdown then see one kind of line end.
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def _not_a_readable_file(path: Path) -> str | None:
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if path.is_symlink():
            return f"is een snelkoppeling (symlink) naar '{path.readlink()}', maar dat bestaat niet"
        return "ontbreekt"
    except OSError as error:
        return _unreadable(error)
    if stat.S_ISDIR(mode):
        return "is een map, geen bestand; hernoem of verplaats de map"
    if not stat.S_ISREG(mode):
        return "is geen gewoon bestand (maar bijvoorbeeld een pipe of apparaat); zet er een tekstbestand neer"
    return None


def _unreadable(error: OSError) -> str:
    if error.errno in (errno.EACCES, errno.EPERM):
        return "kan niet gelezen worden: geen leesrechten; pas de rechten van het bestand (of de map) aan"
    if error.errno == errno.ELOOP:
        return "is een snelkoppeling (symlink) die in een kring naar zichzelf verwijst"
    return f"kan niet gelezen worden ({error.strerror or error})"


def _not_utf8(byte: int) -> str:
    """Name the byte and, since most such files come from Windows, what it means in Windows-1252."""
    try:
        meant = f" (in Windows-1252 '{bytes([byte]).decode('cp1252')}')"
    except UnicodeDecodeError:
        meant = ""
    return (f"niet opgeslagen als UTF-8: de eerste onleesbare byte, 0x{byte:02X}{meant}, staat op deze regel; "
            f"{SAVE_AS_UTF8}")


def _utf16_offset(raw: bytes) -> int | None:
    """Where a UTF-16 file gives itself away: its byte order mark, or else its first NUL byte
    (in UTF-16 every ASCII letter has one; text in UTF-8 never does)."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return 0
    offset = raw.find(b"\0")
    return offset if offset >= 0 else None


def _line_of(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1
