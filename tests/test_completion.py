"""Shell completion: the completion functions, in process and in a completion request."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mbcadvisor.cli import _complete
from mbcadvisor.models import FILES, Catalog

from .conftest import VALID

DATA_FILES = [*FILES, "oews/*.csv"]

# --- in process -----------------------------------------------------------------------------


def _ids(catalog: Catalog, prefix: str = "") -> list[str]:
    """The certification ids that start with `prefix` (any case), as the data spells them."""
    return [c.id for c in catalog.certs if c.id.casefold().startswith(prefix.casefold())]


def test_cert_ids_come_in_the_case_typed(real_catalog: Catalog) -> None:
    assert _complete("cert")("cp") == [i.lower() for i in _ids(real_catalog, "cp")]
    assert _complete("cert")("CP") == _ids(real_catalog, "cp")
    assert "cpc" in _complete("cert")("cp") and "cpc-p" in _complete("cert")("cpc-")
    assert _complete("cert")("") == _ids(real_catalog)


def test_mixed_case_keeps_what_is_typed(real_catalog: Catalog) -> None:
    # the shells keep only what starts with the very text typed
    assert _complete("cert")("Cp") == ["Cp" + i[2:] for i in _ids(real_catalog, "cp")]
    assert _complete("state")("Tex") == ["Texas"]
    assert _complete("role")("Cod") == ["Coding"]


def test_roles_first_then_aliases() -> None:
    assert _complete("role")("") == ["billing", "coding"]
    assert _complete("role")("cod") == ["coding"]
    assert _complete("role")("BILL") == ["BILLING"]
    assert _complete("role")("biller") == ["biller", "billers"]  # no id starts so: the aliases
    assert "medical-coder" in _complete("role")("med")


def test_a_list_of_certifications_completes_its_last_item(real_catalog: Catalog) -> None:
    cc = [i.lower() for i in _ids(real_catalog, "cc")]
    assert _complete("certs")("CPC,cc") == [f"CPC,{i}" for i in cc]
    assert _complete("certs")("CPC, cc") == [f"CPC, {i}" for i in cc]
    assert _complete("certs")("cpc") == [i.lower() for i in _ids(real_catalog, "cpc")]
    assert _complete("certs")("") == _ids(real_catalog)


def test_a_list_leaves_out_what_it_holds(real_catalog: Catalog) -> None:
    assert "CPC,CPC" not in _complete("certs")("CPC,CP")
    assert "CPC,CPC-P" in _complete("certs")("CPC,CP")
    offered = _complete("certs")("cpc,CPB,")  # ends with a comma: every id not listed yet
    assert offered == [f"cpc,CPB,{i}" for i in _ids(real_catalog) if i not in ("CPC", "CPB")]
    # after the comma, the case of the list so far
    assert _complete("certs")("cpc,")[0] == "cpc," + _ids(real_catalog)[1].lower()
    assert _complete("certs")("CPC,CPB,CPB") == []


def test_data_file_names() -> None:
    assert _complete("datafile")("") == DATA_FILES
    assert _complete("datafile")("oews") == ["oews/release.yaml", "oews/*.csv"]
    assert _complete("datafile")("cer") == ["certs.yaml"]


def test_fixed_lists_and_other_names() -> None:
    assert _complete("track")("c") == ["coding", "cdi"]
    assert _complete("level")("") == ["entry", "advanced", "specialty"]
    assert _complete("sort")("f") == ["fee"]
    assert _complete("body")("AA") == ["AAPC", "AAHAM"]
    assert _complete("term")("icd") == ["icd-10-cm", "icd-10-pcs"]
    assert _complete("state")("tex") == ["texas"]
    assert _complete("state")("TX") == ["TX"]
    assert _complete("area")("austin") == ["austin-round rock-san marcos, tx"]


@pytest.mark.parametrize("kind", ["role", "cert", "certs", "body", "term", "state", "datafile"])
def test_an_unknown_prefix_offers_nothing(kind: str) -> None:
    assert _complete(kind)("zzq") == []
    assert _complete(kind)("CPC,zzq" if kind == "certs" else "-") == []


def _broken_data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(VALID, folder)
    (folder / "certs.yaml").write_text("certs: [\n")
    return folder


@pytest.mark.parametrize("kind", ["role", "cert", "certs", "body", "term", "state", "area"])
def test_a_broken_data_folder_offers_nothing_and_says_nothing(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MBC_DATA_DIR", str(_broken_data(tmp_path)))
    assert _complete(kind)("") == []
    assert _complete(kind)("c") == []
    assert capsys.readouterr() == ("", "")


def test_a_broken_data_folder_in_a_real_completion(tmp_path: Path) -> None:
    env = {**os.environ, "MBC_DATA_DIR": str(_broken_data(tmp_path))}
    env |= {"_MBC_COMPLETE": "complete_bash", "COMP_WORDS": "mbc\ncerts\nC", "COMP_CWORD": "2"}
    done = subprocess.run(
        [sys.executable, "-m", "mbcadvisor"], env=env, capture_output=True, text=True, timeout=60
    )
    assert (done.returncode, done.stdout.strip(), done.stderr) == (0, "", "")
