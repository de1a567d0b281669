"""Shell completion: the completion functions in process, and the script `mbc --show-completion`
prints run in real bash, zsh and fish, as a user's shell runs it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from mbcadvisor.cli import _complete
from mbcadvisor.models import FILES, Catalog

from .conftest import VALID

SHELLS = ("bash", "zsh", "fish")
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


# --- in real shells -------------------------------------------------------------------------
#
# Each shell sources what `mbc --show-completion` prints there (Typer finds which shell asks),
# then is asked for the completions of each command line; its own matching applies (zsh and
# fish keep only candidates that fit what is typed).

LINES = (
    "mbc certs cp",
    "mbc certs CP",
    "mbc compare ",
    "mbc compare cod",
    "mbc compare biller",
    "mbc pay ",
    "mbc plan --certs CPC,cc",
    "mbc plan --certs CPC,CP",
    "mbc data schema ",
    "mbc pay coding --state tex",
    "mbc plan --track ",
    "mbc certs --level e",
    "mbc cer",
)
MARK = "<mbc-line>"

# bash: call the function that the script registers for mbc, as readline would
BASH = """
source <(mbc --show-completion) || exit 3
spec=$(complete -p mbc) || exit 4
fn=${spec##*-F }; fn=${fn%% *}
for COMP_LINE in "$@"; do
    read -ra COMP_WORDS <<< "$COMP_LINE"
    [[ $COMP_LINE == *' ' ]] && COMP_WORDS+=('')
    COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
    COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    "$fn" mbc "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    printf '%s\\n' "$MARK" "${COMPREPLY[@]}"
done
"""

# fish: its own `complete -C`, which runs the completions defined for mbc and matches them
FISH = """
mbc --show-completion | source; or exit 3
for line in $argv
    echo $MARK
    complete -C "$line"
end
"""

# zsh: completion runs only inside the line editor, so an interactive zsh is started on a
# pseudo-terminal (zsh/zpty) with compinit and mbc's script; Tab is pressed after each line.
# compadd is wrapped to print what zsh itself matched (compadd -A, quoted for the command line,
# so unquoted here) before adding it.
ZSH_SETUP = """
PS1='' RPS1=''
autoload -Uz compinit && compinit -u -D
source <(mbc --show-completion) || exit 3
compadd() {
    local -a __mbc_opts=("${@[1,(i)(-|--)]}") __mbc_found
    if (( ${__mbc_opts[(I)-[[:alpha:]]#[OAD]*]} )); then  # zsh asks, nothing is added yet
        builtin compadd "$@"
        return
    fi
    builtin compadd -A __mbc_found "$@"
    print -rl -- "<mbc-found>"${(Q)^__mbc_found}  # as the command will get them
    builtin compadd "$@"
}
_mbc_done() { print -r -- '<mbc-done>' }
comppostfuncs=(_mbc_done)
bindkey '^I' complete-word
print -r -- '<mbc-ready>'
"""

ZSH_DRIVER = """
zmodload zsh/zpty || exit 3
setup=$1; shift
for typed in "$@"; do
    print -r -- $MARK
    zpty mbczsh 'zsh -f -i'
    zpty -w mbczsh "source ${(q)setup}"
    while zpty -r mbczsh got; do [[ $got == *'<mbc-ready>'* ]] && break; done
    zpty -w -n mbczsh "$typed"$'\\t'
    while zpty -r mbczsh got; do
        [[ $got == *'<mbc-done>'* ]] && break
        [[ $got == *'<mbc-found>'* ]] && print -r -- ${${got##*<mbc-found>}%%$'\\r'*}
    done
    zpty -d mbczsh
done
"""


def _in_shell(shell: str, lines: tuple[str, ...], folder: Path) -> dict[str, list[str]]:
    """What `shell` offers for each command line, with the mbc under test on its PATH and its
    own empty home, cache folder and working folder."""
    scripts = Path(sysconfig.get_path("scripts"))
    path = f"{scripts}{os.pathsep}{os.environ.get('PATH', os.defpath)}"
    assert shutil.which("mbc", path=path) == str(scripts / "mbc"), "mbc is not installed here"
    home, cwd = folder / "home", folder / "cwd"
    home.mkdir(exist_ok=True)
    cwd.mkdir(exist_ok=True)  # empty: a shell falling back to file names finds none
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MBC_", "_MBC_", "BASH_"))}
    env |= {"PATH": path, "HOME": str(home), "MBC_CACHE_DIR": str(folder / "cache")}
    env |= {"MARK": MARK, "TERM": "xterm", "ZDOTDIR": str(home)}
    if shell == "bash":
        command = ["bash", "--norc", "--noprofile", "-c", BASH, "bash", *lines]
    elif shell == "fish":
        command = ["fish", "--no-config", "-c", FISH, *lines]
    else:
        (folder / "setup.zsh").write_text(ZSH_SETUP)
        (folder / "driver.zsh").write_text(ZSH_DRIVER)
        command = ["zsh", "-f", str(folder / "driver.zsh"), str(folder / "setup.zsh"), *lines]
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    blocks = done.stdout.split(MARK + "\n")[1:]
    assert len(blocks) == len(lines), done.stdout + done.stderr
    return {
        line: sorted({n.split("\t")[0] for n in block.splitlines() if n})
        for line, block in zip(lines, blocks, strict=True)
    }


@pytest.fixture(scope="module", params=SHELLS)
def offered(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, list[str]]:
    """What one real shell offers for each of LINES."""
    shell: str = request.param
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} is not installed (apt-get install {shell}): completion untested")
    return _in_shell(shell, LINES, tmp_path_factory.mktemp(f"completion-{shell}"))


def test_shell_offers_cert_ids_in_lower_case(
    offered: dict[str, list[str]], real_catalog: Catalog
) -> None:
    assert offered["mbc certs cp"] == sorted(i.lower() for i in _ids(real_catalog, "cp"))
    assert "cpc" in offered["mbc certs cp"]


def test_shell_offers_cert_ids_in_upper_case(
    offered: dict[str, list[str]], real_catalog: Catalog
) -> None:
    assert offered["mbc certs CP"] == sorted(_ids(real_catalog, "cp"))


def test_shell_offers_the_roles(offered: dict[str, list[str]]) -> None:
    assert offered["mbc compare "] == ["billing", "coding"]
    assert offered["mbc compare cod"] == ["coding"]
    assert offered["mbc compare biller"] == ["biller", "billers"]
    assert offered["mbc pay "] == ["billing", "coding"]
    assert offered["mbc plan --track "] == ["billing", "coding"]


def test_shell_completes_the_last_cert_of_a_list(
    offered: dict[str, list[str]], real_catalog: Catalog
) -> None:
    expected = sorted(f"CPC,{i.lower()}" for i in _ids(real_catalog, "cc"))
    assert offered["mbc plan --certs CPC,cc"] == expected and "CPC,cca" in expected
    listed = offered["mbc plan --certs CPC,CP"]
    assert "CPC,CPB" in listed and "CPC,CPC" not in listed


def test_shell_offers_data_file_names(offered: dict[str, list[str]]) -> None:
    assert offered["mbc data schema "] == sorted(DATA_FILES)


def test_shell_offers_states_levels_and_commands(offered: dict[str, list[str]]) -> None:
    assert offered["mbc pay coding --state tex"] == ["texas"]
    assert offered["mbc certs --level e"] == ["entry"]
    assert offered["mbc cer"] == ["certs"]
