"""Who may download which pack (committees/pack_views.py): the public PDF as published, the
restricted one to the committee's members, and the officers' previews, made by the worker or,
after a small edit, in the request."""

from unittest import mock

from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse

from committees import pack_views, roles
from committees.models import Document, Meeting
from committees.packs.render import PackRenderError
from committees.stored import read_verified
from tests.support.packs import CANARY_ITEM
from tests.support.pdf import PackPdf, all_text
from tests.support.users import make_user, member_of
from tests.support.worker import run_worker


def test_anonymous_request_for_the_restricted_pack_is_sent_to_log_in(client, synthetic):
    url = reverse("committees:pack_restricted_pdf", args=[synthetic.pk])
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))
    assert "next=" in response["Location"]


def test_councillor_not_on_the_committee_is_refused_the_restricted_pack(client, synthetic):
    client.force_login(make_user("outsider", roles.COUNCILLORS))
    response = client.get(reverse("committees:pack_restricted_pdf", args=[synthetic.pk]))
    assert response.status_code == 403


def test_member_of_the_committee_gets_the_restricted_pack_uncached(client, synthetic, publish):
    publish(synthetic)
    client.force_login(member_of(synthetic, "member"))
    response = client.get(reverse("committees:pack_restricted_pdf", args=[synthetic.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert "agenda pack (restricted).pdf" in response["Content-Disposition"]
    pdf = PackPdf(response.content, synthetic, restricted=True)
    assert CANARY_ITEM in all_text(pdf)


def test_public_pack_of_an_unpublished_meeting_is_not_found(client, synthetic):
    Meeting.objects.filter(pk=synthetic.pk).update(published_on=None)
    response = client.get(reverse("committees:pack_pdf", args=[synthetic.pk]))
    assert response.status_code == 404


def test_public_pack_serves_the_stored_publication_with_etag_and_last_modified(
    client, synthetic, publish
):
    publication = publish(synthetic)
    public_pdf = read_verified(publication.public_pdf)
    # Nothing is rendered to serve it: the stored bytes are the response.
    Document.objects.filter(title="Briefing").update(body="<p>Changed after publication.</p>")

    url = reverse("committees:pack_pdf", args=[synthetic.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert response.content == public_pdf
    assert response["ETag"] == f'"{publication.content_hash}"'
    assert response["Last-Modified"]
    assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
    not_modified = client.get(url, headers={"if-none-match": response["ETag"]})
    assert not_modified.status_code == 304
    assert not_modified["ETag"] == response["ETag"]
    assert "max-age=300" in not_modified["Cache-Control"]

    client.force_login(member_of(synthetic, "member"))
    restricted = client.get(reverse("committees:pack_restricted_pdf", args=[synthetic.pk]))
    assert restricted.content == read_verified(publication.restricted_pdf)
    assert restricted["ETag"] != response["ETag"]


def test_only_officers_preview_the_unpublished_pack(client, synthetic):
    url = reverse("committees:pack_preview_pdf", args=[synthetic.pk])
    assert client.get(url).status_code == 302
    client.force_login(member_of(synthetic, "member"))
    assert client.get(url).status_code == 403
    client.force_login(make_user("officer", roles.OFFICERS))
    waiting = client.get(url)
    assert waiting.status_code == 202  # rendered by the worker, not in the request
    assert "The pack is being rendered" in waiting.content.decode()
    assert client.get(url, {"version": "public"}).status_code == 202
    run_worker()
    ready = client.get(url, headers={"HX-Request": "true"})  # the waiting page's poll
    assert ready["HX-Redirect"] == url
    response = client.get(url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert CANARY_ITEM in all_text(PackPdf(response.content, synthetic, restricted=True))
    public = client.get(url, {"version": "public"})
    assert CANARY_ITEM not in all_text(PackPdf(public.content, synthetic, restricted=False))


def test_a_preview_after_an_edit_is_made_in_the_request(client, synthetic):
    client.force_login(make_user("officer", roles.OFFICERS))
    url = reverse("committees:pack_preview_pdf", args=[synthetic.pk])
    assert client.get(url).status_code == 202
    run_worker()
    Document.objects.filter(title="Briefing").update(body="<p>Revised after the preview.</p>")
    response = client.get(url)  # one item to lay out again: no wait for the worker
    assert response.status_code == 200
    assert "Revised after the preview." in all_text(
        PackPdf(response.content, synthetic, restricted=True)
    )


def test_a_preview_too_slow_for_the_request_is_left_to_the_worker(client, synthetic, monkeypatch):
    client.force_login(make_user("officer", roles.OFFICERS))
    url = reverse("committees:pack_preview_pdf", args=[synthetic.pk])
    client.get(url)
    run_worker()
    Document.objects.filter(title="Briefing").update(body="<p>Revised after the preview.</p>")
    monkeypatch.setattr(pack_views, "PREVIEW_IN_REQUEST_SECONDS", 0.01)
    waiting = client.get(url)
    assert waiting.status_code == 202
    assert "The pack is being rendered" in waiting.content.decode()
    run_worker()
    assert client.get(url).status_code == 200


def test_a_preview_that_cannot_render_says_why(client, synthetic):
    Document.objects.filter(title="Detailed Monitoring Tables").update(upload="documents/gone.pdf")
    client.force_login(make_user("officer", roles.OFFICERS))
    response = client.get(reverse("committees:pack_preview_pdf", args=[synthetic.pk]))
    assert response.status_code == 500
    assert "missing from storage" in response.content.decode()


def test_a_preview_the_worker_cannot_render_says_why(client, synthetic):
    client.force_login(make_user("officer", roles.OFFICERS))
    url = reverse("committees:pack_preview_pdf", args=[synthetic.pk])
    assert client.get(url).status_code == 202
    with mock.patch(
        "committees.packs.preview.write_pack_pdf", side_effect=PackRenderError("engine failed")
    ):
        run_worker()
    response = client.get(url)
    assert response.status_code == 500
    assert "engine failed" in response.content.decode()
    assert "hx-trigger" not in response.content.decode()  # nothing more to wait for
