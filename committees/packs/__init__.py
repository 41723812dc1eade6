"""The agenda pack: one set of templates renders the HTML pack page and the PDF."""
