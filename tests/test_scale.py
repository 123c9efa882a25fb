"""The benchmark's scaled copies are real content: valid, and as many times larger as asked."""

import datetime

from conftest import BUILD_DATE, ROOT
from conftest import REAL_CONTENT as CONTENT
from projectz.content import ContentPaths, check_content
from projectz.tools.scale import scaled_copy


def test_a_scaled_copy_validates_with_factor_times_the_modules_trainers_and_sessions(tmp_path):
    scaled_copy(ROOT, tmp_path / "copy", 2)
    content, issues = check_content(ContentPaths.under(tmp_path / "copy"), datetime.date.fromisoformat(BUILD_DATE))
    assert content is not None, [str(issue) for issue in issues if not issue.warning]
    assert len(content.modules) == 2 * len(CONTENT.modules)
    assert len(content.trainers) == 2 * len(CONTENT.trainers)
    assert len(content.sessions) == 2 * len(CONTENT.sessions)
