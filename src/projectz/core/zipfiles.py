"""Zip archives written by other libraries (Excel, PowerPoint), made reproducible."""

import datetime
import io
import zipfile


def with_fixed_times(archive: bytes, moment: datetime.datetime) -> bytes:
    """The same zip with every entry dated moment, in the same order, so equal input gives equal bytes.

    Libraries stamp each entry with the time of writing; a build must not depend on the clock.
    """
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(archive)) as source, \
            zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            fixed = zipfile.ZipInfo(entry.filename, date_time=moment.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(entry))
    return output.getvalue()
