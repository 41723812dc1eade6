"""Reading a page as a person or their browser would: its text, and the forms it would post."""

import html
import re
from html.parser import HTMLParser


def text(response):
    """The page as its reader sees the characters (entities decoded), markup included."""
    return html.unescape(response.content.decode())


class FormReader(HTMLParser):
    """The values a browser would submit from each POST form of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self.values = [], None
        self.textarea = self.select = None
        self.select_values = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method") == "post":
            self.values = []
        if self.values is None:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") != "file":
            if attrs.get("type") in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.values.append((name, attrs.get("value", "on")))
            else:
                self.values.append((name, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self.textarea = [name, ""]
        elif tag == "select" and name:
            self.select, self.select_values = name, []
        elif tag == "option" and self.select and "selected" in attrs:
            self.select_values.append(attrs.get("value", ""))

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self.textarea is not None:
            # A browser drops the newline that follows <textarea>.
            self.values.append((self.textarea[0], self.textarea[1].removeprefix("\n")))
            self.textarea = None
        elif tag == "select" and self.select:
            self.values.extend((self.select, value) for value in self.select_values or [""])
            self.select = None
        elif tag == "form" and self.values is not None:
            self.forms.append(self.values)
            self.values = None


def form_values(response, **changes):
    """The page's main form (its largest) as a browser would post it, with `changes` applied."""
    reader = FormReader()
    reader.feed(response.content.decode())
    data = {}
    for name, value in max(reader.forms, key=len):
        data.setdefault(name, []).append(value)
    data = {name: values if len(values) > 1 else values[0] for name, values in data.items()}
    data.pop("csrfmiddlewaretoken", None)
    data.update(changes)
    return data


def collapsed_text(response):
    """`text`, with runs of white space collapsed to one space, as the page reads aloud."""
    return " ".join(text(response).split())


def visible_text(response):
    """The words on the page, tags dropped and white space collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())
