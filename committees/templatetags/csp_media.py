"""Form media under the Content-Security-Policy."""

from django import template
from js_asset import Media

register = template.Library()


@register.filter
def with_nonce(media, nonce):
    """`media` with the request's CSP nonce on every tag.

    The rich text editor's import map is an inline `<script type="importmap">`, which the
    browser runs only with the nonce.
    """
    return Media.from_media(media, nonce=str(nonce))
