from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from core.settings import get_settings
from services import uploads
from tests.factories.identity import auth_headers, make_user
from tests.factories.uploads import image_bytes, make_uploads_file, pdf_bytes
from tests.problems import assert_problem

URL = "/api/v1/uploads/files"


def _stored_objects() -> list[Path]:
    root = get_settings().var_dir / "storage"
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def _upload(client, user, content: bytes, name: str = "photo.png", part_type: str = "image/png"):
    files = {"file": (name, content, part_type)}
    return client.post(URL, files=files, headers=auth_headers(user))


def test_an_upload_is_stored_with_its_sniffed_type_and_checksum(client, user):
    content = pdf_bytes()
    # The name and the part's declared type lie; the bytes decide.
    response = _upload(client, user, content, name="report.html", part_type="text/html")
    assert response.status_code == 201, response.text
    body = response.json()
    assert response.headers["location"] == f"{URL}/{body['id']}"
    assert (body["content_type"], body["size"]) == ("application/pdf", len(content))
    assert body["sha256"] == hashlib.sha256(content).hexdigest()
    assert (body["status"], body["name"]) == ("PENDING", "report.html")
    again = client.get(f"{URL}/{body['id']}", headers=auth_headers(user))
    assert again.json() == body


def test_a_type_outside_the_allow_list_is_415_and_stores_nothing(client, user, monkeypatch):
    before = _stored_objects()
    response = _upload(client, user, b"<html><script>alert(1)</script>", name="x.png")
    assert_problem(response, 415, "/problems/uploads/unsupported-type")
    monkeypatch.setenv("UPLOADS_ALLOWED_TYPES", "application/pdf")
    get_settings.cache_clear()
    response = _upload(client, user, image_bytes())
    assert_problem(response, 415, "/problems/uploads/unsupported-type")
    assert "application/pdf" in response.json()["detail"]
    get_settings.cache_clear()
    assert _stored_objects() == before
    assert client.get(URL, headers=auth_headers(user)).json()["items"] == []


def test_a_body_over_the_limit_is_413_and_stores_nothing(client, user):
    limit = uploads.uploads_settings().uploads_max_bytes

    def body():
        yield b'--b\r\nContent-Disposition: form-data; name="file"; filename="big.png"\r\n\r\n'
        yield image_bytes()
        for _ in range(limit // 65536 + 10):
            yield b"\0" * 65536

    headers = {**auth_headers(user), "Content-Type": "multipart/form-data; boundary=b"}
    response = client.post(URL, content=body(), headers=headers)
    assert_problem(response, 413, "/problems/payload-too-large")
    declared = client.post(
        URL,
        content=b"x",
        headers={**headers, "Content-Length": str(limit + 1)},
    )
    assert_problem(declared, 413, "/problems/payload-too-large")
    assert _stored_objects() == []


def test_a_file_field_that_is_not_a_file_is_400_and_a_form_is_415(client, user):
    headers = auth_headers(user)
    plain = b'--b\r\nContent-Disposition: form-data; name="file"\r\n\r\n%PDF-1.4\r\n--b--\r\n'
    multipart = {**headers, "Content-Type": "multipart/form-data; boundary=b"}
    response = client.post(URL, content=plain, headers=multipart)
    assert_problem(response, 400, "/problems/bad-request")
    extra = {"file": ("a.pdf", b"%PDF-1.4"), "other": ("b", b"b")}
    assert client.post(URL, files=extra, headers=headers).status_code == 400
    response = client.post(URL, data={"file": "plain text"}, headers=headers)  # urlencoded
    assert response.status_code == 415


def test_anonymous_callers_are_401(client):
    assert_problem(client.get(URL), 401, "/problems/unauthorized")
    response = client.post(URL, files={"file": ("a.png", image_bytes(), "image/png")})
    assert_problem(response, 401, "/problems/unauthorized")


def test_someone_elses_file_is_404_to_read_download_and_delete(client, user):
    theirs = make_uploads_file(make_user())
    headers = auth_headers(user)
    for response in (
        client.get(f"{URL}/{theirs.id}", headers=headers),
        client.get(f"{URL}/{theirs.id}/content", headers=headers),
        client.delete(f"{URL}/{theirs.id}", headers=headers),
    ):
        assert_problem(response, 404, "/problems/uploads/file-not-found")
    assert len(_stored_objects()) == 1


def test_the_list_shows_my_files_newest_first_and_filters_by_type_and_name(client, user):
    png = make_uploads_file(user)
    pdf = make_uploads_file(user, pdf_bytes(), name="doc.pdf")
    make_uploads_file(make_user())
    headers = auth_headers(user)
    listed = client.get(URL, params={"limit": 1}, headers=headers).json()
    assert [item["id"] for item in listed["items"]] == [str(pdf.id)]
    rest = client.get(URL, params={"limit": 1, "cursor": listed["next"]}, headers=headers).json()
    assert ([item["id"] for item in rest["items"]], rest["next"]) == ([str(png.id)], None)
    only = client.get(URL, params={"content_type": "image/png"}, headers=headers).json()
    assert [item["id"] for item in only["items"]] == [str(png.id)]
    mixed = {"content_type": "application/pdf", "cursor": listed["next"]}
    assert_problem(client.get(URL, params=mixed, headers=headers), 400, "/problems/invalid-cursor")
    named = make_uploads_file(user, name="Harbour_50%.png")
    for q, found in (("DOC", [pdf]), ("o_r", []), ("_50%", [named]), (".png", [named, png])):
        answer = client.get(URL, params={"q": q}, headers=headers).json()
        assert [item["id"] for item in answer["items"]] == [str(f.id) for f in found], q


@pytest.mark.parametrize("count", [1, 6])
def test_a_page_of_files_costs_the_same_statements_whatever_its_size(
    client, user, count, statement_counter
):
    for _ in range(count):
        make_uploads_file(user)
    with statement_counter() as counted:
        response = client.get(URL, params={"limit": 50}, headers=auth_headers(user))
    assert len(response.json()["items"]) == count
    assert len([s for s in counted.selects if "uploads_files" in s]) == 1


def test_a_download_streams_the_bytes_with_safe_headers(client, user):
    content = image_bytes("JPEG", (40, 30))
    file = make_uploads_file(user, content, name='naïve "résumé" 100%.jpg')
    response = client.get(f"{URL}/{file.id}/content", headers=auth_headers(user))
    assert response.status_code == 200
    assert response.content == content
    assert response.headers["content-type"] == "image/jpeg"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["etag"] == f'"{hashlib.sha256(content).hexdigest()}"'
    assert response.headers["accept-ranges"] == "bytes"
    assert response.headers["content-disposition"] == (
        'attachment; filename="naive _resume_ 100_.jpg"; '
        "filename*=UTF-8''na%C3%AFve%20%22r%C3%A9sum%C3%A9%22%20100%25.jpg"
    )


def test_a_range_answers_206_and_a_range_past_the_end_416(client, user):
    content = pdf_bytes()
    file = make_uploads_file(user, content, name="doc.pdf")
    url, headers = f"{URL}/{file.id}/content", auth_headers(user)
    etag = f'"{file.sha256}"'
    cases = {
        "bytes=0-9": (content[:10], f"bytes 0-9/{len(content)}"),
        "bytes=-5": (content[-5:], f"bytes {len(content) - 5}-{len(content) - 1}/{len(content)}"),
        "bytes=10-": (content[10:], f"bytes 10-{len(content) - 1}/{len(content)}"),
        f"bytes=5-{len(content) + 100}": (
            content[5:],
            f"bytes 5-{len(content) - 1}/{len(content)}",
        ),
    }
    for wanted, (part, content_range) in cases.items():
        response = client.get(url, headers={**headers, "Range": wanted, "If-Range": etag})
        assert response.status_code == 206, wanted
        assert (response.content, response.headers["content-range"]) == (part, content_range)
    for ignored in ("bytes=0-1,4-5", "lines=1-2", "bytes=9-2"):
        response = client.get(url, headers={**headers, "Range": ignored})
        assert (response.status_code, response.content) == (200, content)
    stale = client.get(url, headers={**headers, "Range": "bytes=0-1", "If-Range": '"old"'})
    assert (stale.status_code, stale.content) == (200, content)
    past = client.get(url, headers={**headers, "Range": f"bytes={len(content)}-"})
    assert_problem(past, 416, "/problems/range-not-satisfiable")
    assert past.headers["content-range"] == f"bytes */{len(content)}"


def test_delete_removes_the_record_and_the_bytes(client, user):
    file = make_uploads_file(user)
    assert len(_stored_objects()) == 1
    response = client.delete(f"{URL}/{file.id}", headers=auth_headers(user))
    assert response.status_code == 204
    assert _stored_objects() == []
    gone = client.get(f"{URL}/{file.id}", headers=auth_headers(user))
    assert_problem(gone, 404, "/problems/uploads/file-not-found")


def test_the_stripped_variant_is_404_until_the_job_wrote_it(client, user):
    file = make_uploads_file(user)
    response = client.get(
        f"{URL}/{file.id}/content", params={"variant": "STRIPPED"}, headers=auth_headers(user)
    )
    assert_problem(response, 404, "/problems/uploads/variant-not-found")


def test_direct_transfers_are_409_with_local_storage(client, user):
    headers = auth_headers(user)
    prepared = client.post(
        "/api/v1/uploads/direct-uploads", json={"name": "big.pdf"}, headers=headers
    )
    assert_problem(prepared, 409, "/problems/uploads/direct-transfer-unavailable")
    file = make_uploads_file(user)
    url = client.get(f"{URL}/{file.id}/download-url", headers=headers)
    assert_problem(url, 409, "/problems/uploads/direct-transfer-unavailable")
    done = client.post(f"{URL}/{file.id}/completions", headers=headers)
    assert_problem(done, 409, "/problems/uploads/not-awaiting-upload")
    assert client.get(URL, headers=headers).json()["items"][0]["id"] == str(file.id)


def test_a_malformed_multipart_body_is_400_and_stores_nothing(client, user):
    headers = {**auth_headers(user), "Content-Type": "multipart/form-data; boundary=b"}
    response = client.post(URL, content=b"--b\r\nno headers, no end", headers=headers)
    assert_problem(response, 400, "/problems/validation")
    missing = {**auth_headers(user), "Content-Type": "multipart/form-data"}
    assert_problem(client.post(URL, content=b"x", headers=missing), 400, "/problems/validation")
    assert _stored_objects() == []
