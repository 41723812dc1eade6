"""Rendered packs kept by content hash (committees/packs/cache.py): an unchanged pack renders
once, and any change, an upload's included, renders again."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from committees.models import Document
from committees.packs import cache
from committees.packs.render import render_pack_pdf
from tests.support.files import make_pdf


def test_an_unchanged_pack_is_rendered_once_and_a_change_renders_again(synthetic):
    first = render_pack_pdf(synthetic, restricted=False)
    again = render_pack_pdf(synthetic, restricted=False)
    assert not first.cached and again.cached
    assert again.data == first.data and again.content_hash == first.content_hash
    assert again.page_count == first.page_count
    assert default_storage.exists(cache.cache_name(first.content_hash))
    _, cached = default_storage.listdir(cache.CACHE_DIR)
    assert sorted(cached) == [f"{first.content_hash}.json", f"{first.content_hash}.pdf"]

    Document.objects.filter(title="Briefing").update(body="<p>A different short page.</p>")
    changed = render_pack_pdf(synthetic, restricted=False)
    assert not changed.cached and changed.content_hash != first.content_hash


def test_a_changed_upload_changes_the_content_hash(synthetic):
    first = render_pack_pdf(synthetic, restricted=False)
    document = Document.objects.get(title="Detailed Monitoring Tables")
    document.upload.save("tables-v2.pdf", ContentFile(make_pdf("Finance tables v2", 3)))
    assert render_pack_pdf(synthetic, restricted=False).content_hash != first.content_hash
