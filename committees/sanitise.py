"""Rich text is stored only as sanitised HTML: no script, event handlers or javascript: links."""

import nh3

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "em", "figcaption", "figure",
    "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "li", "ol", "p", "s", "strong", "sub",
    "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start", "type"},
}
# Word conversion embeds images as data: URIs, harmless in an image; a data: link, though, can
# open an HTML page of its own, so data: is kept for img src only.
URL_SCHEMES = {"http", "https", "mailto", "tel", "data"}


def _no_data_links(element, attribute, value):
    if value.strip().lower().startswith("data:") and (element, attribute) != ("img", "src"):
        return None
    return value


def sanitise_html(html: str) -> str:
    """Return `html` with everything outside the allowed tags, attributes and schemes removed."""
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        attribute_filter=_no_data_links,
        link_rel="noopener noreferrer",
    )
