"""Aula's own H5P content types and the builder that packs them into .h5p files.

The browser tests play the built packages in h5p-standalone straight from files, without
Django, to show that the packages, not the site, do the work.
"""

from __future__ import annotations

import functools
import http.server
import io
import json
import re
import shutil
import threading
import zipfile
from pathlib import Path
from typing import Any

import pytest

from cms.h5p import build

MULTIPLE_CHOICE = build.CONTENT_TYPES / "H5P.AulaMultipleChoice-1.1"
TRUE_FALSE = build.CONTENT_TYPES / "H5P.AulaTrueFalse-1.1"
LIBRARIES = [MULTIPLE_CHOICE, TRUE_FALSE]
LANGUAGES = ["es", "pt", "fr", "en", "ca"]
# The keys of a semantics field that a language file carries, as in H5P's own language files.
TRANSLATABLE = ("label", "description", "entity", "placeholder", "example", "default", "options")

PLAYER = Path(__file__).resolve().parents[3] / "node_modules" / "h5p-standalone" / "dist"
CHROMIUM = Path("/usr/bin/chromium")

CITY = "¿Qué hace una ciudad educadora?"
RIGHT = "Educa en todos sus espacios"
WRONG = "Solo construye escuelas"


def quiz(language: str = "es") -> bytes:
    return build.multiple_choice(
        question=CITY, answers=[(RIGHT, True), (WRONG, False)], language=language
    )


def statement_about(language: str = "es") -> bytes:
    return build.true_false(
        question="Una ciudad educadora educa en todos sus espacios.",
        correct=True,
        language=language,
    )


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name) for name in archive.namelist()}


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


# The package


def test_a_built_quiz_is_an_h5p_archive_with_its_manifest_content_and_library():
    files = members(quiz())

    h5p = json.loads(files["h5p.json"])
    assert h5p["title"] == CITY
    assert h5p["language"] == "es"
    assert h5p["mainLibrary"] == "H5P.AulaMultipleChoice"
    assert h5p["embedTypes"] == ["iframe"]
    assert h5p["license"] == "U"
    assert h5p["preloadedDependencies"] == [
        {"machineName": "H5P.AulaMultipleChoice", "majorVersion": 1, "minorVersion": 1}
    ]
    content = json.loads(files["content/content.json"])
    assert content["question"] == CITY
    assert content["answers"] == [
        {"text": RIGHT, "correct": True},
        {"text": WRONG, "correct": False},
    ]
    for name in ["library.json", "semantics.json", "multiple-choice.js", "multiple-choice.css"]:
        assert f"H5P.AulaMultipleChoice-1.1/{name}" in files
    for language in LANGUAGES:
        assert f"H5P.AulaMultipleChoice-1.1/language/{language}.json" in files


def test_a_built_true_false_question_names_the_right_answer():
    files = members(
        build.true_false(question="La Tierra es plana.", correct=False, title="Geografía")
    )

    h5p = json.loads(files["h5p.json"])
    assert h5p["title"] == "Geografía"
    assert h5p["mainLibrary"] == "H5P.AulaTrueFalse"
    content = json.loads(files["content/content.json"])
    assert content["question"] == "La Tierra es plana."
    assert content["correct"] == "false"
    assert "H5P.AulaTrueFalse-1.1/true-false.js" in files


def test_the_same_question_always_gives_the_same_bytes():
    assert quiz() == quiz()
    assert statement_about() == statement_about()
    assert quiz("es") != quiz("pt")


def test_archive_entries_carry_no_build_time_or_machine_details():
    with zipfile.ZipFile(io.BytesIO(quiz())) as archive:
        names = archive.namelist()
        infos = archive.infolist()
    assert names == sorted(names)
    assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert {info.create_system for info in infos} == {3}


@pytest.mark.parametrize(
    ("language", "check", "correct"),
    [
        ("es", "Comprobar", "¡Correcto!"),
        ("pt", "Verificar", "Correto!"),
        ("fr", "Vérifier", "Bonne réponse !"),
        ("ca", "Comprova", "Correcte!"),
        ("en", "Check", "Correct!"),
        ("de", "Check", "Correct!"),  # no German file: the English defaults
    ],
)
def test_the_interface_texts_are_in_the_package_language(language, check, correct):
    for data in (quiz(language), statement_about(language)):
        l10n = json.loads(members(data)["content/content.json"])["l10n"]
        assert l10n["checkAnswer"] == check
        assert l10n["correct"] == correct


def test_the_true_false_answers_are_named_in_the_package_language():
    l10n = json.loads(members(statement_about("ca"))["content/content.json"])["l10n"]
    assert (l10n["trueText"], l10n["falseText"]) == ("Cert", "Fals")


def test_a_package_holds_every_library_folder_and_the_extra_files_given():
    data = build.build_package(
        title="Dos preguntas",
        language="pt",
        main_library="H5P.AulaTrueFalse",
        content={"question": "?", "correct": "true"},
        libraries_dir=build.CONTENT_TYPES,
        extra_files={"content/images/city.png": b"\x89PNG"},
    )

    files = members(data)
    h5p = json.loads(files["h5p.json"])
    assert [dependency["machineName"] for dependency in h5p["preloadedDependencies"]] == [
        "H5P.AulaMultipleChoice",
        "H5P.AulaTrueFalse",
    ]
    assert json.loads(files["content/content.json"]) == {"question": "?", "correct": "true"}
    assert files["content/images/city.png"] == b"\x89PNG"
    library_files = {
        path.relative_to(build.CONTENT_TYPES).as_posix()
        for library in LIBRARIES
        for path in library.rglob("*")
        if path.is_file()
    }
    assert set(files) == library_files | {
        "h5p.json",
        "content/content.json",
        "content/images/city.png",
    }


def test_a_library_folder_must_be_named_after_the_library_it_holds(tmp_path):
    shutil.copytree(TRUE_FALSE, tmp_path / "H5P.AulaTrueFalse-1.0")

    with pytest.raises(ValueError, match=re.escape("H5P.AulaTrueFalse-1.1")):
        build.build_package(
            title="?",
            language="es",
            main_library="H5P.AulaTrueFalse",
            content={},
            libraries_dir=tmp_path,
        )


def test_the_main_library_must_be_in_the_package():
    with pytest.raises(ValueError, match=re.escape("H5P.Missing")):
        build.build_package(
            title="?",
            language="es",
            main_library="H5P.Missing",
            content={},
            libraries_dir=build.CONTENT_TYPES,
        )


def test_built_packages_pass_the_upload_gate():
    validation = pytest.importorskip("cms.h5p.validation")

    for data, main in [
        (quiz(), "H5P.AulaMultipleChoice"),
        (statement_about(), "H5P.AulaTrueFalse"),
    ]:
        package = validation.validate_package(io.BytesIO(data), installed=lambda ref: False)
        assert package.main_library.machine_name == main
        assert (package.main_library.major, package.main_library.minor) == (1, 1)


# The libraries


@pytest.mark.parametrize("library", LIBRARIES, ids=lambda path: path.name)
def test_a_library_declares_what_the_player_needs(library):
    data = read_json(library / "library.json")

    assert f"{data['machineName']}-{data['majorVersion']}.{data['minorVersion']}" == library.name
    assert data["minorVersion"] != 0  # h5p-standalone loses a .0 minor version
    assert data["runnable"] == 1
    assert data["embedTypes"] == ["iframe"]
    assert data["coreApi"] == {"majorVersion": 1, "minorVersion": 24}
    for declared in [*data["preloadedJs"], *data["preloadedCss"]]:
        assert (library / declared["path"]).is_file()
    # H5P.classFromName takes the machine name's last segment: the script must define it.
    script = (library / data["preloadedJs"][0]["path"]).read_text()
    assert f"{data['machineName']} = " in script


def semantic_paths(fields: list[dict[str, Any]], prefix: str = "") -> list[str]:
    paths = []
    for field in fields:
        path = prefix + field["name"]
        paths.append(path)
        if "fields" in field:
            paths.extend(semantic_paths(field["fields"], path + "."))
        if "field" in field:
            paths.extend(semantic_paths([field["field"]], path + "[]."))
    return paths


def mirrored_paths(
    fields: list[dict[str, Any]], words: list[dict[str, Any]], prefix: str = ""
) -> list[str]:
    """Walks the semantics and a language file side by side; fails where they part ways."""
    assert len(words) == len(fields), f"{prefix or 'top level'}: another number of fields"
    paths = []
    for field, translated in zip(fields, words, strict=True):
        path = prefix + field["name"]
        expected = [key for key in TRANSLATABLE if key in field and key != "default"]
        if field["type"] == "text" and "default" in field:
            expected.append("default")
        assert sorted(key for key in translated if key not in ("fields", "field")) == sorted(
            expected
        ), path
        if "options" in field:
            assert len(translated["options"]) == len(field["options"]), path
        paths.append(path)
        if "fields" in field:
            paths.extend(mirrored_paths(field["fields"], translated["fields"], path + "."))
        if "field" in field:
            paths.extend(mirrored_paths([field["field"]], [translated["field"]], path + "[]."))
    return paths


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("library", LIBRARIES, ids=lambda path: path.name)
def test_every_language_file_mirrors_the_semantics(library, language):
    semantics = read_json(library / "semantics.json")
    translation = read_json(library / "language" / f"{language}.json")

    assert list(translation) == ["semantics"]
    assert mirrored_paths(semantics, translation["semantics"]) == semantic_paths(semantics)


@pytest.mark.parametrize("language", ["es", "pt", "fr", "ca"])
@pytest.mark.parametrize("library", LIBRARIES, ids=lambda path: path.name)
def test_every_interface_text_is_translated_and_keeps_its_placeholders(library, language):
    semantics = read_json(library / "semantics.json")
    index = [field["name"] for field in semantics].index("l10n")
    english = read_json(library / "language" / "en.json")["semantics"][index]
    translated = read_json(library / "language" / f"{language}.json")["semantics"][index]

    for field, words, source in zip(
        semantics[index]["fields"], translated["fields"], english["fields"], strict=True
    ):
        assert source["default"] == field["default"]
        assert words["default"].strip(), field["name"]
        assert words["default"] != field["default"], f"{field['name']} is not translated"
        assert re.findall(r":\w+", words["default"]) == re.findall(r":\w+", field["default"])


# Playing the packages in a browser


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed")
    if not PLAYER.is_dir():
        pytest.skip("h5p-standalone is not installed (npm install --ignore-scripts)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield chromium
        chromium.close()


INDEX_HTML = """<!doctype html>
<html lang="es">
<head><meta charset="utf-8"><title>Player</title></head>
<body>
<div id="h5p-container"></div>
<script src="dist/main.bundle.js"></script>
<script>
window.statements = [];
new H5PStandalone.H5P(document.getElementById('h5p-container'), {
  h5pJsonPath: 'workspace',
  frameJs: 'dist/frame.bundle.js',
  frameCss: 'dist/styles/h5p.css'
}).then(function () {
  H5P.externalDispatcher.on('xAPI', function (event) {
    window.statements.push(event.data.statement);
  });
  window.playerReady = true;
});
</script>
</body>
</html>
"""


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def play(browser, tmp_path):
    """Serves a package the way h5p-standalone reads it, and opens it in a new page. Any
    script error on the page fails the test."""
    server = None
    contexts = []
    errors: list[str] = []

    def open_package(data: bytes):
        nonlocal server
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            archive.extractall(tmp_path / "workspace")
        (tmp_path / "dist").symlink_to(PLAYER, target_is_directory=True)
        (tmp_path / "index.html").write_text(INDEX_HTML, encoding="utf-8")
        handler = functools.partial(QuietHandler, directory=str(tmp_path))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        context = browser.new_context()
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/index.html")
        page.wait_for_function("window.playerReady === true", timeout=15_000)
        page.frame_locator("iframe").locator("fieldset").wait_for(timeout=15_000)
        return page

    yield open_package
    for context in contexts:
        context.close()
    if server is not None:
        server.shutdown()
        server.server_close()
    assert errors == []


def answered(page, count: int) -> dict[str, Any]:
    """The `count`-th statement with the verb `answered`, once it has arrived."""
    page.wait_for_function(
        "n => window.statements.filter(s => s.verb.id.endsWith('/answered')).length >= n",
        arg=count,
        timeout=10_000,
    )
    statements = page.evaluate("window.statements")
    return [s for s in statements if s["verb"]["id"].endswith("/answered")][count - 1]


def score(statement: dict[str, Any]) -> tuple[int, int]:
    return statement["result"]["score"]["raw"], statement["result"]["score"]["max"]


def content_frame(page):
    return page.frame_locator("iframe")


def h5p_frame(page):
    """The iframe's window, where the content's own H5P instance lives."""
    (frame,) = [frame for frame in page.frames if frame != page.main_frame]
    return frame


def test_a_learner_answers_the_quiz_right_then_wrong_after_retrying(play):
    page = play(quiz("es"))
    frame = content_frame(page)
    # One right answer: radio buttons, grouped under the question.
    group = frame.get_by_role("group", name=CITY)
    assert group.get_by_role("radio").count() == 2

    frame.get_by_label(RIGHT).check()
    frame.get_by_role("button", name="Comprobar").click()

    statement = answered(page, 1)
    assert score(statement) == (1, 1)
    # Without a parent activity, the statement finishes the activity (H5P's own rule).
    assert "parent" not in statement.get("context", {}).get("contextActivities", {})
    status = frame.get_by_role("status")
    assert "¡Correcto!" in status.text_content()
    assert "Has obtenido 1 de 1 puntos" in status.text_content()
    state = h5p_frame(page).evaluate("H5P.instances[0].getCurrentState()")
    assert state == {"answers": [0], "checked": True}

    frame.get_by_role("button", name="Reintentar").click()
    frame.get_by_label(WRONG).check()
    frame.get_by_role("button", name="Comprobar").click()

    assert score(answered(page, 2)) == (0, 1)
    assert "No del todo" in frame.get_by_role("status").text_content()


def test_a_quiz_with_several_right_answers_needs_all_of_them(play):
    page = play(
        build.multiple_choice(
            question="¿Qué lenguas se hablan en Barcelona?",
            answers=[("Catalán", True), ("Castellano", True), ("Sueco", False)],
        )
    )
    frame = content_frame(page)
    assert frame.get_by_role("checkbox").count() == 3

    frame.get_by_label("Catalán").check()
    frame.get_by_role("button", name="Comprobar").click()
    assert score(answered(page, 1)) == (0, 1)

    frame.get_by_role("button", name="Reintentar").click()
    frame.get_by_label("Catalán").check()
    frame.get_by_label("Castellano").check()
    frame.get_by_role("button", name="Comprobar").click()
    assert score(answered(page, 2)) == (1, 1)


def test_a_learner_answers_with_the_keyboard_alone(play):
    page = play(quiz("es"))
    frame = content_frame(page)

    frame.get_by_label(RIGHT).focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # past the other radio of the group, to the button
    page.keyboard.press("Enter")

    assert score(answered(page, 1)) == (1, 1)


def test_a_learner_answers_the_true_false_question_in_portuguese(play):
    page = play(statement_about("pt"))
    frame = content_frame(page)

    frame.get_by_label("Falso").check()
    frame.get_by_role("button", name="Verificar").click()
    assert score(answered(page, 1)) == (0, 1)
    assert "Ainda não" in frame.get_by_role("status").text_content()

    frame.get_by_role("button", name="Tentar novamente").click()
    frame.get_by_label("Verdadeiro").check()
    frame.get_by_role("button", name="Verificar").click()
    assert score(answered(page, 2)) == (1, 1)
    assert h5p_frame(page).evaluate("H5P.instances[0].getCurrentState()") == {
        "answer": "true",
        "checked": True,
    }


RESTORE = """([library, params, state]) => {
  const element = document.createElement('div');
  document.body.appendChild(element);
  const instance = new H5P[library](params, 'restored', {previousState: state});
  instance.attach(H5P.jQuery(element));
  return {
    checked: Array.from(element.querySelectorAll('input')).map(input => input.checked),
    status: element.querySelector('[role=status]').textContent,
    score: instance.getScore(),
  };
}"""


def test_a_question_comes_back_as_the_learner_left_it(play):
    page = play(quiz("es"))
    frame = h5p_frame(page)
    params = json.loads(members(quiz("es"))["content/content.json"])

    restored = frame.evaluate(
        RESTORE, ["AulaMultipleChoice", params, {"answers": [1], "checked": True}]
    )
    assert restored["checked"] == [False, True]
    assert restored["score"] == 0
    assert restored["status"].startswith("No del todo")

    unchecked = frame.evaluate(
        RESTORE, ["AulaMultipleChoice", params, {"answers": [0], "checked": False}]
    )
    assert unchecked == {"checked": [True, False], "status": "", "score": 0}


def test_a_true_false_question_comes_back_as_the_learner_left_it(play):
    page = play(statement_about("es"))
    params = json.loads(members(statement_about("es"))["content/content.json"])

    restored = h5p_frame(page).evaluate(
        RESTORE, ["AulaTrueFalse", params, json.dumps({"answer": "true", "checked": True})]
    )
    assert restored == {"checked": [True, False], "status": "¡Correcto!", "score": 1}
