"""Zip archives written by other libraries (Excel, PowerPoint, Word), made reproducible."""

import datetime
import io
import struct
import zipfile
from typing import Any

_END_OF_DIRECTORY = b"PK\x05\x06"


def with_fixed_times(archive: bytes, moment: datetime.datetime) -> bytes:
    """The same zip with every entry dated moment, so equal input gives equal bytes.

    Libraries stamp each entry with the time of writing; a build must not depend on the clock. The
    dates are overwritten where the zip format keeps them, in each entry's local header and in the
    central directory, rather than by writing the archive again: that would compress every part a
    second time, which took 40 % of the time a slide deck takes.
    """
    time = moment.hour << 11 | moment.minute << 5 | moment.second // 2
    date = (moment.year - 1980) << 9 | moment.month << 5 | moment.day
    data = bytearray(archive)
    with zipfile.ZipFile(io.BytesIO(archive)) as source:
        for entry in source.infolist():
            struct.pack_into("<HH", data, entry.header_offset + 10, time, date)
    end = data.rindex(_END_OF_DIRECTORY)
    count, _, position = struct.unpack_from("<HII", data, end + 10)
    for _ in range(count):
        struct.pack_into("<HH", data, position + 12, time, date)
        name, extra, comment = struct.unpack_from("<HHH", data, position + 28)
        position += 46 + name + extra + comment
    return bytes(data)


def office_file(document: Any, *, title: str, author: str, language: str, date: datetime.date) -> bytes:
    """A python-pptx presentation or python-docx document saved with its properties dated `date`.

    Both libraries keep the Office core properties alike; the saved zip gets the same fixed date,
    so a deck or worksheet changes only when its content does.
    """
    moment = datetime.datetime.combine(date, datetime.time())
    properties = document.core_properties
    properties.title = title
    properties.author = properties.last_modified_by = author
    properties.language = language
    properties.created = properties.modified = moment
    properties.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return with_fixed_times(buffer.getvalue(), moment)
