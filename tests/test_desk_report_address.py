"""The desk's "Report an error" address by mail (`extra.desk.report_url`) is one plain mailbox: anything more is
refused with what it would do to a reader's report, named with its line in mkdocs.yml."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, build_env

from generator.content.desk_settings import desk_settings, read_desk_settings
from generator.content.errors import ContentError

ALONE = "give the address alone, mailto:desk@news.example"
CONFIG = "site_name: Desk\nextra:\n  desk:\n    name: Desk\n    report_url: {address}\n"


def refusal(tmp_path: Path, address: str) -> str:
    config = tmp_path / "mkdocs.yml"
    config.write_text(CONFIG.format(address=address), encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        read_desk_settings(tmp_path)
    [problem] = raised.value.problems
    assert (problem.line, problem.column, problem.field) == (5, 5, "extra.desk.report_url")
    return problem.message


@pytest.mark.parametrize(("address", "message"), [
    ("mailto:desk@news.example?bcc=watcher@other.example",
     "?bcc= would send a hidden copy of every reader's report to watcher@other.example, which the reader may not "
     f"notice; {ALONE}, and forward reports from there if others need them"),
    ("mailto:desk@news.example?CC=watcher@other.example",
     "?cc= would send a copy of every reader's report to watcher@other.example, which the reader may not notice; "
     f"{ALONE}, and forward reports from there if others need them"),
    ("mailto:desk@news.example?subject=Correction",
     "takes no ?subject=: 'Report an error' writes the mail's subject itself, naming the page, and leaves its body "
     f"to the reader; {ALONE}"),
    ("mailto:desk@news.example?priority=high",
     f"?priority= is not part of a report address (a mail can take a subject and a body); {ALONE}"),
    ("mailto:desk@news.example?", f"ends in ?, and 'Report an error' adds its own ?subject= after the address; {ALONE}"),
    ("mailto:desk@news.example,watcher@other.example",
     "names more than one mailbox; give the one that reads reports, such as mailto:corrections@news.example"),
])
def test_a_mail_report_address_with_more_than_a_mailbox_says_what_the_rest_would_do(
        tmp_path: Path, address: str, message: str) -> None:
    assert refusal(tmp_path, address) == message


def test_a_plain_mail_report_address_is_kept(tmp_path: Path) -> None:
    settings = desk_settings({"extra": {"desk": {"report_url": "mailto:desk@news.example"}}}, tmp_path / "mkdocs.yml")
    assert settings.report_url == "mailto:desk@news.example"


def test_desk_build_refuses_a_hidden_copy_of_every_report_before_building(tmp_path: Path) -> None:
    project = tmp_path / "desk"
    project.mkdir()
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(text.replace(
        "    name: Explainer Desk\n", "    name: Explainer Desk\n    report_url: mailto:desk@news.example?bcc=watcher@"
        "other.example\n", 1), encoding="utf-8")
    (project / "stories").mkdir()
    result = subprocess.run([sys.executable, "-m", "generator", "desk-build", "--site", str(tmp_path / "site")],
                            cwd=project, env=build_env(PYTHONPATH=str(ROOT)), capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "extra.desk.report_url: ?bcc= would send a hidden copy of every reader's report to watcher@other.example" \
        in result.stderr, result.stderr
    assert not (tmp_path / "site").exists()
