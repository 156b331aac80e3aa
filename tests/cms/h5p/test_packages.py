"""Trainers upload H5P packages in the admin and the API; libraries are shared and trusted."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from django.contrib.auth.models import Permission
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cms.h5p import packages
from cms.models import H5PLibrary, H5PPackage
from tests.shared import TRUE_FALSE_PACKAGE as TRUE_FALSE


def real_package() -> bytes:
    return TRUE_FALSE.read_bytes()


def rewritten(data: bytes, changes: dict[str, bytes | None]) -> bytes:
    """The package with members replaced, added (bytes) or removed (None)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            if item.filename in changes:
                continue
            target.writestr(item, source.read(item.filename))
        for name, content in changes.items():
            if content is not None:
                target.writestr(name, content)
    return out.getvalue()


def stored_names(prefix: str = "") -> list[str]:
    storage = storages["h5p"]
    found: list[str] = []

    def walk(folder: str) -> None:
        try:
            folders, files = storage.listdir(folder)
        except FileNotFoundError:
            return
        found.extend(f"{folder}{name}" for name in files)
        for name in folders:
            walk(f"{folder}{name}/")

    walk(prefix)
    return found


@pytest.fixture(autouse=True)
def empty_package_storage():
    """On S3 the bucket outlives a test; each test here starts from an empty package store."""
    storage = storages["h5p"]
    for name in stored_names():
        storage.delete(name)


@pytest.fixture
def installer(site_admin):
    return site_admin


def upload(client, data: bytes, name: str = "activity.h5p", **fields):
    return client.post(
        reverse("wagtailsnippets_cms_h5ppackage:add"),
        {"file": SimpleUploadedFile(name, data), "title": "", "language": "", **fields},
    )


def test_an_administrator_uploads_the_real_true_false_package_and_it_is_stored(
    signed_in, installer
):
    response = upload(signed_in(installer), real_package(), title="¿Verdadero o falso?")

    assert response.status_code == 302, response.content.decode()[:2000]
    package = H5PPackage.objects.get()
    assert package.status == H5PPackage.Status.READY
    assert package.title == "¿Verdadero o falso?"
    main = package.main_library
    assert (main.machine_name, main.major_version, main.minor_version) == ("H5P.TrueFalse", 1, 6)
    played = {library.folder_name for library in package.libraries.all()}
    assert {"H5P.TrueFalse-1.6", "H5P.Question-1.4", "H5P.JoubelUI-1.3"} <= played
    assert not any(name.startswith("H5PEditor.") for name in played)
    storage = storages["h5p"]
    assert storage.exists(f"packages/{package.sha256}/content/content.json")
    assert storage.exists(package.main_library.storage_prefix + "library.json")


def test_uploading_the_same_file_twice_reuses_the_first(signed_in, installer):
    client = signed_in(installer)
    upload(client, real_package())
    files = stored_names()

    response = upload(client, real_package(), title="Again")

    assert response.status_code == 302
    assert H5PPackage.objects.count() == 1
    assert H5PPackage.objects.get().title == "Again"
    assert stored_names() == files


def test_a_package_with_a_script_in_its_content_is_refused_and_nothing_is_stored(
    signed_in, installer
):
    bad = rewritten(real_package(), {"content/evil.js": b"alert(document.cookie)"})

    response = upload(signed_in(installer), bad)

    assert response.status_code == 200
    page = response.content.decode()
    assert "content/evil.js" in page
    assert H5PPackage.objects.count() == 0
    assert H5PLibrary.objects.count() == 0
    assert stored_names() == []


def test_a_trainer_cannot_bring_libraries_that_are_not_approved(signed_in, trainer):
    response = upload(signed_in(trainer), real_package())

    assert response.status_code == 200
    assert "not approved on Aula" in response.content.decode()
    assert H5PPackage.objects.count() == 0
    assert stored_names() == []


def test_a_trainer_with_the_install_permission_may(signed_in, trainer):
    trainer.user_permissions.add(Permission.objects.get(codename="install_h5p_library"))

    response = upload(signed_in(trainer), real_package())

    assert response.status_code == 302
    assert H5PLibrary.objects.filter(machine_name="H5P.TrueFalse", installed_by=trainer).exists()


def test_a_trainers_package_plays_the_approved_library_not_the_copy_it_carries(
    signed_in, installer, trainer, client
):
    upload(signed_in(installer), real_package())
    approved_js = (
        storages["h5p"]
        .open(
            H5PLibrary.objects.get(machine_name="H5P.TrueFalse").storage_prefix
            + "scripts/h5p-true-false.js"
        )
        .read()
    )
    client.logout()
    with zipfile.ZipFile(TRUE_FALSE) as archive:
        content = archive.read("content/content.json").replace(b"Hello", b"Hola")
    tampered = rewritten(
        real_package(),
        {
            "content/content.json": content,
            "H5P.TrueFalse-1.6/scripts/h5p-true-false.js": b"fetch('https://evil.example')",
        },
    )

    response = upload(signed_in(trainer), tampered)

    assert response.status_code == 302
    package = H5PPackage.objects.exclude(uploaded_by=installer).get()
    library = package.libraries.get(machine_name="H5P.TrueFalse")
    assert library.installed_by == installer
    assert storages["h5p"].open(library.storage_prefix + "scripts/h5p-true-false.js").read() == (
        approved_js
    )
    assert H5PLibrary.objects.filter(machine_name="H5P.TrueFalse").count() == 1


def test_an_upload_failing_half_way_leaves_no_files_and_no_rows(installer, monkeypatch):
    calls = {"n": 0}
    copy = packages._copy

    def failing_copy(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 20:
            raise OSError("the storage went away")
        return copy(*args, **kwargs)

    monkeypatch.setattr(packages, "_copy", failing_copy)

    with pytest.raises(OSError):
        packages.upload_package(file=io.BytesIO(real_package()), uploaded_by=installer)

    assert calls["n"] == 20
    assert stored_names() == []
    assert H5PPackage.objects.count() == 0
    assert H5PLibrary.objects.count() == 0


# The API, for staff


def api_upload(client, data: bytes, **fields):
    return client.post(
        "/api/v1/h5p/packages/",
        {"file": SimpleUploadedFile("activity.h5p", data), **fields},
        format="multipart",
    )


def test_staff_upload_through_the_api_and_the_same_file_again_is_not_new(signed_in, installer):
    client = signed_in(installer)

    first = api_upload(client, real_package(), language="es")
    again = api_upload(client, real_package())

    assert first.status_code == 201, first.json()
    assert first.json()["status"] == "ready"
    assert first.json()["language"] == "es"
    assert first.json()["content_type"]["machine_name"] == "H5P.TrueFalse"
    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"]


def test_a_refused_package_is_a_400_naming_the_file(signed_in, installer):
    bad = rewritten(real_package(), {"H5P.TrueFalse-1.6/library.json": None})

    response = api_upload(signed_in(installer), bad)

    assert response.status_code == 400
    assert "H5P.TrueFalse-1.6" in response.json()["detail"]
    assert response.json()["code"]
    assert H5PPackage.objects.count() == 0


def test_learners_and_strangers_cannot_upload_or_list_packages(signed_in, learner, client):
    assert api_upload(client, real_package()).status_code in (401, 403)
    learner_client = signed_in(learner)
    assert api_upload(learner_client, real_package()).status_code == 403
    assert learner_client.get("/api/v1/h5p/packages/").status_code == 403
    assert H5PPackage.objects.count() == 0


def test_a_large_package_is_processed_by_a_worker_with_a_status_to_poll(
    signed_in, installer, settings, django_capture_on_commit_callbacks
):
    settings.H5P_BACKGROUND_BYTES = 1024
    client = signed_in(installer)

    with django_capture_on_commit_callbacks(execute=True):
        response = api_upload(client, real_package())

    assert response.status_code == 202
    assert response.json()["status"] == "pending"
    polled = client.get(f"/api/v1/h5p/packages/{response.json()['id']}/")
    assert polled.json()["status"] == "ready"
    assert not storages["h5p"].exists(f"uploads/{polled.json()['sha256']}.h5p")


def test_a_large_package_refused_by_the_worker_says_why(
    signed_in, trainer, settings, django_capture_on_commit_callbacks
):
    settings.H5P_BACKGROUND_BYTES = 1024
    trainer.preferred_language = "en"  # the worker answers in the uploader's language
    trainer.save()
    client = signed_in(trainer)

    with django_capture_on_commit_callbacks(execute=True):
        response = api_upload(client, real_package())

    polled = client.get(f"/api/v1/h5p/packages/{response.json()['id']}/").json()
    assert polled["status"] == "rejected"
    assert "not approved" in polled["error"]
    assert stored_names() == []


def newer_true_false() -> bytes:
    """The real package, with its H5P.TrueFalse one patch newer than the one it carries."""
    import json

    with zipfile.ZipFile(io.BytesIO(real_package())) as archive:
        library = json.loads(archive.read("H5P.TrueFalse-1.6/library.json"))
    library["patchVersion"] += 1
    return rewritten(
        real_package(), {"H5P.TrueFalse-1.6/library.json": json.dumps(library).encode()}
    )


def test_a_trainer_is_told_which_version_plays_and_an_admin_sending_the_same_file_installs_it(
    signed_in, installer, trainer, client
):
    upload(signed_in(installer), real_package())
    approved = H5PLibrary.objects.get(machine_name="H5P.TrueFalse")
    client.logout()

    newer_package = newer_true_false()  # once: a zip built again has other timestamps
    first = api_upload(signed_in(trainer), newer_package)
    assert first.status_code == 201, first.json()
    newer = f"1.6.{approved.patch_version + 1}"
    assert first.json()["notices"] == [
        f"The package brings H5P.TrueFalse {newer}; it plays with the approved "
        f"1.6.{approved.patch_version} until a site administrator installs the newer one."
    ]
    package = H5PPackage.objects.get(uuid=first.json()["id"])
    assert package.libraries.get(machine_name="H5P.TrueFalse") == approved
    client.logout()

    again = api_upload(signed_in(installer), newer_package)
    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["installed"] == [f"H5P.TrueFalse {newer}"]
    package.refresh_from_db()
    played = package.libraries.get(machine_name="H5P.TrueFalse")
    assert played.patch_version == approved.patch_version + 1
    assert package.main_library_id == played.pk
    # Sent a third time, there is nothing left to install.
    assert api_upload(signed_in(installer), newer_package).json()["installed"] == []


# Whose packages: the network's and one's own delegations'


def test_trainers_see_the_networks_packages_and_their_delegations_not_another_delegations(
    signed_in, installer, client, city
):
    from django.contrib.auth.models import Group

    from tests.factories import CohortFactory, DelegationFactory, UserFactory

    network = H5PPackage.objects.get(
        uuid=api_upload(signed_in(installer), real_package(), title="Red", language="pt").json()[
            "id"
        ]
    )
    client.logout()
    trainers = Group.objects.get(name="Trainers")
    europe = DelegationFactory(code="europe")
    ours, theirs = (
        UserFactory(email="ana@aula.example", is_trainer=True),
        UserFactory(email="eve@aula.example", is_trainer=True),
    )
    for person, delegation in ((ours, city.delegation), (theirs, europe)):
        person.groups.add(trainers)
        CohortFactory(delegation=delegation).trainers.add(person)

    ours_file = newer_true_false()  # once: a zip built again has other timestamps
    created = api_upload(signed_in(ours), ours_file, title="Solo América Latina")
    assert created.status_code == 201, created.json()
    mine = H5PPackage.objects.get(uuid=created.json()["id"])
    assert list(mine.delegations.all()) == [city.delegation]
    assert {p["id"] for p in client.get("/api/v1/h5p/packages/").json()["results"]} == {
        str(network.uuid),
        str(mine.uuid),
    }
    client.logout()

    other = signed_in(theirs)
    listed = {p["id"] for p in other.get("/api/v1/h5p/packages/").json()["results"]}
    assert listed == {str(network.uuid)}
    assert other.get(f"/api/v1/h5p/packages/{mine.uuid}/").status_code == 404
    admin_listing = other.get(reverse("wagtailsnippets_cms_h5ppackage:list")).content.decode()
    assert "Red" in admin_listing and "Solo América Latina" not in admin_listing
    edit = reverse("wagtailsnippets_cms_h5ppackage:edit", args=[mine.pk])
    assert other.get(edit).status_code == 404
    chooser = other.get(reverse("wagtailsnippetchoosers_cms_h5ppackage:choose")).content.decode()
    assert "Red" in chooser and "Solo América Latina" not in chooser
    assert re.search("portugu[eé]s", chooser, re.I)  # each package says its language

    # The same file sent from Europe is the same package, now Europe's to choose as well.
    again = api_upload(other, ours_file, title="Solo América Latina")
    assert again.status_code == 200
    assert again.json()["id"] == str(mine.uuid)
    assert other.get(f"/api/v1/h5p/packages/{mine.uuid}/").status_code == 200
