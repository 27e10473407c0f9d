"""Bad requests and broken stores, as a user meets them: the `rag` CLI, the JSON API over HTTP, the Python API.

Invalid options are one sentence naming the option (exit 2, or a 400-titled
JSON error); filters that select no article say so instead of "the articles
don't say"; publisher filters take any form of a name ("AP", "the gazette").
A damaged `chroma.sqlite3`, a `chroma run` server killed in the middle of an
ingest and a full disk are each one sentence naming the cause and the fix, and
following that sentence brings back a whole store with nothing lost.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Iterator

import pytest

from rag.models import CANNOT_ANSWER
from rag.scope import NO_MATCH_NOTICE
from tests.conftest import make_settings
from tests.index.conftest import CHROMA_CLI, CHROMA_START_SECONDS, _heartbeat, free_port
from tests.reliability.test_crash_recovery import assert_whole, generated
from tests.support import warm_process

RAG = str(Path(sys.executable).with_name("rag"))
ROOT = Path(__file__).resolve().parents[2]
SMALL_CHUNKS = {"RAG_CHUNK_SIZE": "64", "RAG_CHUNK_OVERLAP": "10"}

# Articles written for these tests: three publishers, one of them known by its initials.
DESK = {
    "harbor-ferry.md": """---
title: Council adds a late ferry to Gull Point
publisher: Harbor Gazette
date: 2024-03-02
---
The Harbor council voted six to three on Thursday to add a late ferry to Gull Point.
The new crossing leaves the east pier at 23:40 on weekdays from the first of May.
Councillor Rhea Santos said night-shift nurses had asked for it for two years.
""",
    "harbor-seawall.md": """---
title: North seawall repairs to cost 2.4 million
publisher: Harbor Gazette
date: 2024-03-20
---
Repairs to the north seawall will cost 2.4 million dollars, the harbour engineer Ines Vardy told the council.
Winter storms washed out two sections of the wall near the fish market in January.
Work starts in June and should end before the autumn tides.
""",
    "valley-bridge.md": """---
title: Elm Street bridge to close for deck replacement
publisher: The Valley Courier
date: 2024-03-09
---
The Elm Street bridge in Corrin will close for eleven weeks from April 8 while crews replace its deck.
Buses will detour over the Mill Road crossing, adding about ten minutes to the trip into town.
The county roads office said the old deck had been patched nine times since 2015.
""",
    "saltmere-strike.md": """---
title: Saltmere dock workers strike over night pay
publisher: Associated Press
date: 2024-04-15
---
Dock workers at the port of Saltmere began a 48-hour strike on Monday over night-shift pay, their union said.
About 600 workers walked out, and eleven container ships waited at anchor outside the harbour.
The port authority offered a four percent raise, which the union called too little.
""",
}
PUBLISHERS_SENTENCE = "the publishers are Associated Press, Harbor Gazette and The Valley Courier"
STRIKE_QUESTION = "How long was the dock workers' strike at Saltmere?"
SEAWALL_QUESTION = "How much will the north seawall repairs cost?"


# --- running the CLI ----------------------------------------------------------------------------
def environment(data_dir: Path, **extra: str) -> dict[str, str]:
    kept = {k: v for k, v in os.environ.items() if not k.startswith("RAG_") and not k.startswith("OPENAI_")}
    return {**kept, "RAG_DATA_DIR": str(data_dir), **extra}


def rag(data_dir: Path, *args: str, stdin: str | None = None, **extra: str) -> subprocess.CompletedProcess[str]:
    return warm_process.run_rag(list(args), env=environment(data_dir, **extra), cwd=data_dir.parent, input=stdin,
                                timeout=600)


def one_line_error(done: subprocess.CompletedProcess[str], code: int) -> str:
    """The single `Error: ...` line of a failed command (no traceback, nothing on stdout)."""
    assert done.returncode == code, (done.returncode, done.stderr[-3000:])
    assert "Traceback" not in done.stderr and done.stdout == ""
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), done.stderr[-3000:]
    return lines[0][len("Error: "):]


def ask_json(data_dir: Path, question: str, *options: str) -> dict[str, Any]:
    done = rag(data_dir, "ask", "--json", "--trace", question, *options)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def desk_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir holding the DESK articles, ingested by `rag ingest`."""
    root = tmp_path_factory.mktemp("desk")
    articles = root / "articles"
    articles.mkdir()
    for name, text in DESK.items():
        (articles / name).write_text(text, encoding="utf-8")
    done = rag(root / "data", "ingest", "--json", str(articles))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["added"] == len(DESK)
    return root / "data"


@pytest.fixture()
def desk_copy(desk_store: Path, tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(desk_store, target)
    return target


# --- invalid options ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("options", "sentence"),
    [
        (["--top-k", "abc"], "--top-k must be a whole number from 1 to 50."),
        (["--top-k", "-1"], "--top-k must be a whole number from 1 to 50."),
        (["--since", "2024-03-20", "--until", "2024-03-01"],
         "--since (2024-03-20) is after --until (2024-03-01); swap them or clear one."),
        (["--until", "March 1"], "--until must look like 2025-07-03."),
        (["--retrieval", "fuzzy"], "--retrieval must be hybrid, dense or bm25."),
        (["--mode", "poetry"], "--mode must be extractive or llm."),
    ],
)
def test_an_invalid_option_of_ask_or_chat_is_one_sentence_and_exit_2(
    desk_store: Path, options: list[str], sentence: str
) -> None:
    assert one_line_error(rag(desk_store, "ask", STRIKE_QUESTION, *options), 2) == sentence
    assert one_line_error(rag(desk_store, "chat", *options, stdin=STRIKE_QUESTION + "\n"), 2) == sentence


def test_the_python_api_validates_its_keywords_too(desk_store: Path) -> None:
    from rag.assistant import Assistant
    from rag.errors import InvalidRequestError

    assistant = Assistant.from_settings(make_settings(desk_store))
    for options, sentence in (
        ({"top_k": -1}, "top_k must be a whole number from 1 to 50."),  # once dropped the last passage
        ({"top_k": "abc"}, "top_k must be a whole number from 1 to 50."),
        ({"since": "2024-03-20", "until": "2024-03-01"}, "since (2024-03-20) is after until (2024-03-01); swap them or clear one."),
        ({"publishers": 7}, 'publishers must be a publisher name or a list of them, like ["Associated Press"].'),
    ):
        with pytest.raises(InvalidRequestError) as refused:
            assistant.ask(STRIKE_QUESTION, **options)
        assert refused.value.message == sentence
    with pytest.raises(InvalidRequestError, match="top_k must be a whole number"):
        assistant.retrieve(STRIKE_QUESTION, top_k=-1)
    answer = assistant.ask(STRIKE_QUESTION, publishers="AP", top_k=1)  # a string is one name, never its letters
    assert len(answer.retrieved) == 1 and answer.retrieved[0].source == "Associated Press"
    assert "48-hour" in answer.answer


# --- filters -------------------------------------------------------------------------------------
def test_a_publisher_filter_takes_any_form_of_the_name(desk_store: Path) -> None:
    for name in ("AP", "associated press"):
        answer = ask_json(desk_store, STRIKE_QUESTION, "--publisher", name)
        assert {p["source"] for p in answer["retrieved"]} == {"Associated Press"}
        assert not answer["abstained"] and "48-hour" in answer["answer"]
    answer = ask_json(desk_store, SEAWALL_QUESTION, "--publisher", "the gazette")
    assert {p["source"] for p in answer["retrieved"]} == {"Harbor Gazette"} and "2.4 million" in answer["answer"]
    # A real refusal keeps the fixed sentence: Harbor Gazette's articles are searched, and none is about chess.
    answer = ask_json(desk_store, "Who won the chess final in Oslo?", "--publisher", "the gazette")
    assert answer["abstained"] and answer["answer"] == CANNOT_ANSWER and answer["notice"] is None
    assert {p["source"] for p in answer["retrieved"]} <= {"Harbor Gazette"}


@pytest.mark.parametrize(
    ("options", "sentence"),
    [
        (["--publisher", "Reuters"], f"No article matches publisher 'Reuters'; {PUBLISHERS_SENTENCE}."),
        (["--publisher", "Reuters", "--publisher", "Daily Planet", "--since", "2024-03-01", "--until", "2024-03-31"],
         f"No article matches publishers 'Reuters' or 'Daily Planet' between 2024-03-01 and 2024-03-31; "
         f"{PUBLISHERS_SENTENCE}."),
        (["--since", "2024-05-01"],
         "No article is dated on or after 2024-05-01; the articles are dated 2024-03-02 to 2024-04-15."),
        (["--publisher", "the gazette", "--since", "2024-03-05", "--until", "2024-03-15"],
         "No article matches publisher 'Harbor Gazette' between 2024-03-05 and 2024-03-15; "
         "Harbor Gazette's articles are dated 2024-03-02 to 2024-03-20."),
    ],
)
def test_filters_that_select_no_article_say_so_instead_of_refusing(
    desk_store: Path, options: list[str], sentence: str
) -> None:
    done = rag(desk_store, "ask", "--json", SEAWALL_QUESTION, *options)
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["abstained"] and answer["answer"] == sentence and answer["citations"] == []
    assert answer["notice"] == NO_MATCH_NOTICE and done.stderr.strip() == f"Note: {NO_MATCH_NOTICE}"


# --- the JSON API over HTTP ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def desk_app(desk_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from tests.ui.conftest import launch_app

    data = tmp_path_factory.mktemp("desk-app") / "data"
    shutil.copytree(desk_store, data)
    app, running = launch_app(data)
    try:
        yield running.url
    finally:
        app.close()


def api_ask(url: str, question: str, **options: Any) -> tuple[str, Any]:
    from tests.reliability.test_ui_faults import rest_call

    values = {"mode": "", "top_k": 0, "publishers": None, "date_from": "", "date_to": "", "retrieval_mode": ""}
    values.update(options)
    return rest_call(url, "ask", [question, *values.values()])


def test_the_json_api_reads_publishers_as_names_and_refuses_bad_values_with_a_status(desk_app: str) -> None:
    kind, answer = api_ask(desk_app, STRIKE_QUESTION, publishers="AP")
    assert kind == "complete", answer
    (answer,) = answer
    assert {c["source"] for c in answer["citations"]} == {"Associated Press"} and "48-hour" in answer["answer"]
    kind, (answer,) = api_ask(desk_app, SEAWALL_QUESTION, publishers=["the gazette"], retrieval_mode="bm25", top_k=2)
    assert {c["source"] for c in answer["citations"]} == {"Harbor Gazette"} and "2.4 million" in answer["answer"]

    kind, (answer,) = api_ask(desk_app, SEAWALL_QUESTION, publishers="Reuters")
    assert kind == "complete" and answer["abstained"] and answer["notice"] == NO_MATCH_NOTICE
    assert answer["answer"] == f"No article matches publisher 'Reuters'; {PUBLISHERS_SENTENCE}."

    for options, sentence in (
        ({"top_k": "abc"}, "top_k must be a whole number from 1 to 50."),
        ({"top_k": -1}, "top_k must be a whole number from 1 to 50."),
        ({"publishers": {"name": "AP"}}, 'publishers must be a publisher name or a list of them, like ["Associated Press"].'),
        ({"date_from": "2024-03-20", "date_to": "2024-03-01"},
         "date_from (2024-03-20) is after date_to (2024-03-01); swap them or clear one."),
        ({"retrieval_mode": "fuzzy"}, "retrieval_mode must be hybrid, dense or bm25."),
    ):
        kind, payload = api_ask(desk_app, STRIKE_QUESTION, **options)
        assert (kind, payload["error"], payload["title"]) == ("error", sentence, "400 Bad Request"), (options, payload)


def test_the_chat_form_names_the_control_to_fix(desk_store: Path) -> None:
    from rag.assistant import Assistant
    from ui.chat import AskForm, ChatController

    controller = ChatController(Assistant.from_settings(make_settings(desk_store)))
    (screen,) = list(controller.ask(STRIKE_QUESTION, [], AskForm("extractive", "abc", [], "", "")))  # type: ignore[arg-type]
    assert "The number of passages (top-k) must be a whole number from 1 to 50." in (screen.status or "")
    assert screen.question == STRIKE_QUESTION  # given back, to fix and send again
    *_, done = list(controller.ask(STRIKE_QUESTION, [], AskForm("extractive", 5, [], "2024-06-01", "")))
    assert "No article is dated on or after 2024-06-01" in (done.transcript or "")


# --- a damaged embedded store ---------------------------------------------------------------------
def _scramble_pages(path: Path) -> None:
    """Overwrite the middle of every page after the first few: SQLite still opens the file, then finds it malformed."""
    data = bytearray(path.read_bytes())
    for page in range(4096 * 3, len(data), 4096):
        data[page + 100 : page + 2000] = bytes((page * 7 + i) % 251 for i in range(1900))
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", ["not a database", "malformed"])
def test_a_damaged_store_is_one_sentence_everywhere_and_the_fix_it_names_works(
    desk_copy: Path, tmp_path: Path, damage: str
) -> None:
    database = desk_copy / "chroma" / "chroma.sqlite3"
    if damage == "not a database":
        database.write_bytes(b"this is not what chroma wrote " * 4000)
        cause = "error returned from database: (code: 26) file is not a database"
    else:
        _scramble_pages(database)
        cause = "error returned from database: (code: 11) database disk image is malformed"
    sentence = (
        f"The article store at {desk_copy / 'chroma'} is not a readable Chroma store ({cause}); "
        "move it away and run `rag ingest --rebuild`."
    )
    for args in (["ask", STRIKE_QUESTION], ["chat"], ["status"], ["ingest", str(tmp_path)]):
        assert one_line_error(rag(desk_copy, *args, stdin=STRIKE_QUESTION + "\n"), 3) == sentence, args

    # The app refuses to start with the same sentence (the UI and API share the store layer).
    from rag.errors import StoreDamagedError
    from ui.launch import open_assistant

    with pytest.raises(StoreDamagedError) as refused:
        open_assistant(make_settings(desk_copy))
    assert refused.value.message == sentence

    # What the sentence says to do.
    (desk_copy / "chroma").rename(tmp_path / "damaged-chroma")
    articles = tmp_path / "articles"
    articles.mkdir()
    for name, text in DESK.items():
        (articles / name).write_text(text, encoding="utf-8")
    rebuilt = rag(desk_copy, "ingest", "--rebuild", "--json", str(articles))
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert json.loads(rebuilt.stdout)["added"] == len(DESK)
    assert "48-hour" in ask_json(desk_copy, STRIKE_QUESTION)["answer"]


# --- a Chroma server killed in the middle of an ingest ---------------------------------------------
def _start_chroma(path: Path, port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [str(CHROMA_CLI), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
    )
    deadline = time.monotonic() + CHROMA_START_SECONDS
    while not _heartbeat("127.0.0.1", port):
        assert process.poll() is None and time.monotonic() < deadline, "chroma run did not start"
        time.sleep(0.1)
    return process


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.kill()
        process.wait(timeout=30)


def _logged_ingest(corpus: Path, step_log: Path) -> list[str]:
    """`rag ingest CORPUS` logging each store write to `step_log` (tests/reliability/kill_at_step.py, which kills
    nothing at step 0); TEST_EMBED_GROUP_CHUNKS=8 in its environment makes many small groups of writes."""
    return [sys.executable, "-m", "tests.reliability.kill_at_step", str(step_log), "0", "--", "ingest", str(corpus)]


def _articles_written(step_log: Path) -> int:
    """Article-record writes started so far (each one starts after the previous group is complete)."""
    if not step_log.is_file():
        return 0
    return sum(1 for line in step_log.read_text(encoding="utf-8").splitlines() if line.startswith("chroma.upsert:")
               and line.endswith("-articles"))


@pytest.mark.timeout(900)
def test_a_chroma_server_killed_mid_ingest_is_one_sentence_and_the_rerun_keeps_what_was_written(tmp_path: Path) -> None:
    corpus = generated(tmp_path / "corpus", 30, seed=31)
    port = free_port()
    server = _start_chroma(tmp_path / "server", port)
    data_dir = tmp_path / "data"
    env = environment(data_dir, **SMALL_CHUNKS, RAG_CHROMA_HOST="127.0.0.1", RAG_CHROMA_PORT=str(port),
                      TEST_EMBED_GROUP_CHUNKS="8")
    step_log = tmp_path / "steps.log"
    try:
        ingest = subprocess.Popen(_logged_ingest(corpus, step_log), env=env, cwd=ROOT,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 600
        while _articles_written(step_log) < 3:  # two groups of articles are complete: the third is being written
            assert ingest.poll() is None, ingest.communicate()
            assert time.monotonic() < deadline, "the ingest wrote no articles"
            time.sleep(0.02)
        server.send_signal(signal.SIGKILL)
        server.wait(timeout=30)
        out, err = ingest.communicate(timeout=300)
    finally:
        _stop(server)
    done = subprocess.CompletedProcess(ingest.args, ingest.returncode, out, err)
    line = one_line_error(done, 3)
    kept = re.fullmatch(
        rf"The Chroma server at 127\.0\.0\.1:{port} stopped answering during the write, and the (\d+) articles "
        rf"written before are kept; start it again \(`chroma run --host 127\.0\.0\.1 --port {port}`\) and rerun "
        r"`rag ingest` \(or the upload\) to add the rest\.",
        line,
    )
    assert kept, line
    written = int(kept.group(1))
    assert 2 <= written < 30

    # Restarted, the next ingest keeps what was written and adds the rest: the store is whole.
    server = _start_chroma(tmp_path / "server", port)
    try:
        rerun = subprocess.run([RAG, "ingest", "--json", str(corpus)], env=env, cwd=tmp_path, capture_output=True,
                               text=True, timeout=600)
        assert rerun.returncode == 0, rerun.stderr
        report = json.loads(rerun.stdout)
        assert report["unchanged"] >= written and report["unchanged"] + report["added"] + report["updated"] == 30
        settings = make_settings(data_dir, chroma_host="127.0.0.1", chroma_port=port, chunk_size=64, chunk_overlap=10)
        assert len(assert_whole(settings)) == 30
    finally:
        _stop(server)


# --- a full disk ------------------------------------------------------------------------------------
def _can_mount_tmpfs(tmp_path: Path) -> bool:
    """A private tmpfs in a user and mount namespace (root inside it, nothing changes outside)."""
    if shutil.which("unshare") is None:
        return False
    target = tmp_path / "probe"
    target.mkdir()
    probe = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
                            f"mount -t tmpfs -o size=64k tmpfs {target}"], capture_output=True, timeout=30)
    return probe.returncode == 0


FULL_DISK_INGEST = """
import resource, runpy, signal, sys
limit = int(sys.argv[1])
if limit:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead of killing
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
sys.argv = ["kill_at_step", *sys.argv[2:]]
runpy.run_module("tests.reliability.kill_at_step", run_name="__main__")
"""


@pytest.mark.timeout(900)
@pytest.mark.parametrize("disk", ["tmpfs", "file-size-limit"])
def test_a_full_disk_is_one_sentence_and_the_rerun_with_room_keeps_what_was_written(tmp_path: Path, disk: str) -> None:
    corpus = generated(tmp_path / "corpus", 30, seed=37)
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    saved = tmp_path / "saved"
    log = tmp_path / "steps.log"
    env = environment(data_dir, **SMALL_CHUNKS, TEST_EMBED_GROUP_CHUNKS="8")
    script = [sys.executable, "-c", FULL_DISK_INGEST]
    ingest_args = [str(log), "0", "--", "ingest", str(corpus)]
    if disk == "tmpfs":
        if not _can_mount_tmpfs(tmp_path):
            pytest.skip("no tmpfs can be mounted here (the file-size-limit case covers a refused write)")
        # Mount a 2 MB disk, ingest into it, then copy what it holds out before the namespace ends.
        shell = (
            f"mount -t tmpfs -o size=2000k tmpfs {shlex.quote(str(data_dir))} || exit 90; "
            f"{shlex.join([*script, '0', *ingest_args])}; code=$?; "
            f"cp -a {shlex.quote(str(data_dir))} {shlex.quote(str(saved))}; exit $code"
        )
        done = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", shell], env=env,
                              cwd=ROOT, capture_output=True, text=True, timeout=600)
    else:
        done = subprocess.run([*script, "1000000", *ingest_args], env=env, cwd=ROOT, capture_output=True, text=True,
                              timeout=600)
        shutil.copytree(data_dir, saved)
    line = one_line_error(done, 3)
    where = re.escape(str(data_dir / "chroma"))
    kept = r"and the (\d+) articles written before are kept"
    rerun_advice = r"then rerun `rag ingest` \(or the upload\) to add the rest\."
    if disk == "tmpfs":
        pattern = (rf"The disk holding {where} is full \([\d.]+ (bytes|KB|MB) free\), {kept}; free some space there, "
                   rf"or set RAG_DATA_DIR to a larger disk, {rerun_advice}")
    else:
        pattern = (rf"Writing to the disk holding {where} failed \(.+; [\d.]+ (KB|MB|GB|TB) free\), {kept}; "
                   rf"check that disk and its free space, {rerun_advice}")
    found = re.fullmatch(pattern, line)
    assert found, line
    written = int(found.group(2))
    assert 1 <= written < 30

    # With room again (the same files on a roomy disk), the next ingest keeps what was written and adds the rest.
    rerun = rag(saved, "ingest", "--json", str(corpus), **SMALL_CHUNKS)
    assert rerun.returncode == 0, rerun.stderr
    report = json.loads(rerun.stdout)
    assert report["unchanged"] >= written and report["unchanged"] + report["added"] + report["updated"] == 30
    assert len(assert_whole(make_settings(saved, chunk_size=64, chunk_overlap=10))) == 30
