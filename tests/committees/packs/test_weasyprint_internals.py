"""The parts of WeasyPrint that committees/packs/pdf.py uses beyond its public API.

pyproject.toml pins WeasyPrint's major version; if an upgrade moves any of these, this file fails
with the name of what moved, before a pack renders wrongly.
"""

import io

import pydyf
import weasyprint
from pypdf import PdfReader

HTML = """
<style>@page front { size: A4 } .front { page: front }</style>
<div class="front"><p><span class="pack-page-range">(Pages 5 - 5)</span> after</p></div>
<p style="break-before: page">Body</p>
"""


def test_laid_out_pages_expose_their_page_box_type_and_line_boxes():
    document = weasyprint.HTML(string=HTML).render()
    first = document.pages[0]._page_box
    assert first.page_type.name == "front"
    assert document.pages[1]._page_box.page_type.name != "front"
    lines = [box for box in first.descendants() if type(box).__name__ == "LineBox"]
    assert lines, "LineBox is what packs/pdf.py rewrites page ranges in"
    text_boxes = [
        child for line in lines for child in line.descendants() if type(child).__name__ == "TextBox"
    ]
    assert any(box.text == "(Pages 5 - 5)" for box in text_boxes)
    box = next(box for box in text_boxes if box.text == "(Pages 5 - 5)")
    for attribute in ("pango_layout", "style", "width", "translate"):
        assert hasattr(box, attribute), attribute


def test_line_size_measures_a_pango_line():
    from weasyprint.text.line_break import line_size

    document = weasyprint.HTML(string=HTML).render()
    box = next(
        child
        for child in document.pages[0]._page_box.descendants()
        if type(child).__name__ == "TextBox" and child.text.startswith("(Pages")
    )
    layout = box.pango_layout
    layout.reactivate(box.style)
    width, _height = line_size(layout.get_first_line()[0], box.style)
    layout.deactivate()
    assert width > 0


def test_the_finisher_gets_pydyf_pages_as_reference_triplets():
    """packs/pdf.py finds page n's object as `pdf.objects[int(kids[3 * n])]`."""
    seen = []

    def finisher(document, pdf):
        assert isinstance(pdf, pydyf.PDF)
        kids = pdf.pages["Kids"]
        for index in range(len(document.pages)):
            assert kids[3 * index + 1 : 3 * index + 3] == [0, "R"]
            page = pdf.objects[int(kids[3 * index])]
            seen.append(page["Type"])

    document = weasyprint.HTML(string=HTML).render()
    document.write_pdf(finisher=finisher)
    assert seen == ["/Page"] * len(document.pages)


def test_pypdf_streams_keep_their_encoded_bytes():
    """Uploaded pages are copied into the pack with their filters, from pypdf's raw `_data`."""
    data = weasyprint.HTML(string="<p>Upload</p>").write_pdf()
    page = PdfReader(io.BytesIO(data)).pages[0]
    contents = page["/Contents"].get_object()
    assert isinstance(contents._data, bytes)
    assert contents["/Filter"] == "/FlateDecode"  # WeasyPrint compresses its streams
    assert contents._data != contents.get_data()
