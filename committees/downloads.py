"""What a downloaded appendix is called: after the document, as the reader would file it, never
after the name it has in storage."""

import re

# A slash would be read as a folder ("2026/27"); the others are refused by common file systems.
SEPARATORS = re.compile(r"[\\/]")
REFUSED = re.compile(r'[<>:"|?*\x00-\x1f]')


def document_filename(title: str, appendix_ref: str = "", *, draft: bool = False) -> str:
    """'Appendix A – Customer contact data 2026-27.pdf', or 'Budget tables (draft).pdf' for a
    document that is not an appendix, as its editors download the draft."""
    name = f"Appendix {appendix_ref} – {title}" if appendix_ref else title
    name = " ".join(REFUSED.sub("", SEPARATORS.sub("-", name)).split())
    return f"{name}{' (draft)' if draft else ''}.pdf"
