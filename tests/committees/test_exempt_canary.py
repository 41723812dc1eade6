"""Exempt (Part II) information reaches no one who is not entitled to it, by any channel.

An officer plants a distinct canary string, through the officer's own forms, in every place
exempt information lives: an exempt item's standing text, its report (body and cover sheet) and
its uploaded PDF (text, metadata and file name); exempt appendices in public items, as rich
text with a link and an image, as a PDF and from a Word document; an exempt background paper of
a public report; a Part II report's cover sheet in a public item. Then every channel the portal
has is swept as an anonymous visitor, the demo report author (named on a public report of the
meeting, on none of the exempt papers) and a councillor of another committee: the public pages,
the HTML pack, the public PDF (every object and decoded stream, not only the page text), the
uploaded-file URL of every document id and beyond, and the officer's pages, previews, drafts
and history, which must refuse them. It is done after the first publication (with an officer's
edits waiting as drafts), after the republication that publishes those edits, and after a
supplement for a To Follow item.

The councillor who sits on the committee, and the officer, are the controls: they must find
every canary where they are entitled to read it, so a sweep that finds nothing means something.
"""

import base64
import datetime as dt
import functools
import html
import io
from dataclasses import dataclass, field

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Q
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader
from pypdf.generic import ByteStringObject, IndirectObject, StreamObject

from committees import roles
from committees.models import (
    AgendaItem,
    BackgroundPaper,
    Committee,
    Councillor,
    Document,
    Meeting,
    Officer,
    Publication,
    PublicationJob,
)
from tests.factories import MeetingFactory
from tests.support.demo import PFCF_SLUG
from tests.support.files import docx_bytes, png_bytes, text_pdf
from tests.support.pages import form_values, text
from tests.support.urls import officer_urls
from tests.support.users import user
from tests.support.worker import run_worker

pytestmark = pytest.mark.usefixtures("demo")

# Letters only, so that no renderer escapes, hyphenates or splits them; matched ignoring case
# and white space. Where each was planted names it in a failure.
WHERE = {
    "CANARYITEMSTANDING": "the exempt item's standing text",
    "CANARYITEMREPORTBODY": "the body of the exempt item's report",
    "CANARYITEMCOVERPURPOSE": "the cover sheet purpose of the exempt item's report",
    "CANARYITEMUPLOADTEXT": "the text of the exempt item's uploaded PDF",
    "CANARYITEMUPLOADMETA": "the metadata title of the exempt item's uploaded PDF",
    "CANARYITEMUPLOADNAME": "the file name of the exempt item's uploaded PDF",
    "CANARYRICHAPPENDIX": "the text of an exempt rich-text appendix in a public item",
    "CANARYRICHLINK": "a link address in an exempt rich-text appendix",
    "CANARYRICHALT": "an image's alternative text in an exempt rich-text appendix",
    "CANARYUPLOADTEXT": "the text of an exempt uploaded PDF appendix in a public item",
    "CANARYBACKGROUNDPAPER": "the title of an exempt background paper of a public report",
    "CANARYPARTTWOPURPOSE": "the purpose on the cover sheet of a Part II report",
    "CANARYPARTTWORECOMMENDS": "the recommendations on the cover sheet of a Part II report",
    "CANARYREPUBLISHEDEDIT": "an officer's edit to the exempt item's report after publication",
    "CANARYREPLACEDUPLOAD": "the replacement of the exempt uploaded PDF after publication",
    "CANARYSUPPLEMENTWORD": "an exempt Word appendix of the supplement's item",
    "CANARYSUPPLEMENTUPLOAD": "an exempt PDF appendix of the supplement's item",
    "DRAFTPUBLICWORDING": "a public report's wording edited after publication, not yet published",
}
# Canaries in uploaded PDFs, served by their own URL; of these, the metadata and the file name
# are not in the pack, which takes only the pages.
IN_FILES = {
    "CANARYITEMUPLOADTEXT",
    "CANARYITEMUPLOADMETA",
    "CANARYUPLOADTEXT",
    "CANARYREPLACEDUPLOAD",
    "CANARYSUPPLEMENTUPLOAD",
}
FILE_ONLY = {"CANARYITEMUPLOADMETA", "CANARYITEMUPLOADNAME"}
# The public wording is a canary only until the republication publishes it.
DRAFT = "DRAFTPUBLICWORDING"

MOMENTS = ["first publication", "republication", "supplement"]


# --- reading what a channel serves --------------------------------------------------------------


def squash(text):
    return "".join(text.split()).lower()


@dataclass
class PdfContent:
    """A PDF read two ways: the text on its pages, and everything else it holds (every
    object's strings and names and every stream decoded, reachable from the trailer or not),
    where link addresses, alternative text, bookmarks and metadata live."""

    text: str
    objects: str

    def __contains__(self, canary):
        return canary.lower() in self.text or canary.lower() in self.objects


@functools.lru_cache(maxsize=64)  # the same pack is served to every reader: read it once
def read_pdf(data):
    reader = PdfReader(io.BytesIO(data))
    parts, seen = [data.decode("latin-1")], set()

    def walk(obj):
        if isinstance(obj, IndirectObject):
            if (obj.idnum, obj.generation) in seen:
                return
            seen.add((obj.idnum, obj.generation))
            obj = obj.get_object()
        if isinstance(obj, StreamObject):
            parts.append(obj.get_data().decode("latin-1"))
        if isinstance(obj, dict):
            for key, value in obj.items():
                parts.append(key)
                walk(value)
        elif isinstance(obj, list):
            for value in obj:
                walk(value)
        elif isinstance(obj, ByteStringObject):
            parts.append(bytes(obj).decode("latin-1"))
        elif isinstance(obj, str):  # text strings (already decoded) and names
            parts.append(obj)

    walk(reader.trailer)
    for generation, numbers in reader.xref.items():
        for number in numbers:
            walk(IndirectObject(number, generation, reader))
    for number in reader.xref_objStm:
        walk(IndirectObject(number, 0, reader))
    return PdfContent(
        text=squash(" ".join(page.extract_text() for page in reader.pages)),
        objects=squash(" ".join(parts)),
    )


def response_bytes(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def readable(response):
    """What the response shows its reader: a PDF read back, or a page's text and markup."""
    data = response_bytes(response)
    headers = squash(" ".join(f"{name}: {value}" for name, value in response.headers.items()))
    if data.startswith(b"%PDF-"):
        content = read_pdf(data)
        return PdfContent(text=content.text, objects=content.objects + headers)
    return squash(html.unescape(data.decode("utf-8", errors="replace"))) + headers


def shown(response, canaries):
    content = readable(response)
    return sorted(canary for canary in canaries if canary.lower() in content)


# --- planting through the officer's forms -------------------------------------------------------


def signed_in(username):
    client = Client()
    if username:
        client.force_login(user(username))
    return client


def pdf_file(name, text, *, title="Appendix"):
    """A real PDF as an officer would upload it: `text` on the page, `title` in its metadata."""
    return SimpleUploadedFile(name, text_pdf(text, title=title), content_type="application/pdf")


def submit(client, url, **changes):
    """Send the page's form as the officer's browser would, with `changes`; it must save."""
    response = client.post(url, form_values(client.get(url), **changes))
    assert response.status_code == 302, text(response)
    return response


@dataclass
class Scene:
    """The planted meeting, and where each canary is at the current moment."""

    meeting: Meeting
    officer: Client
    items: dict[str, AgendaItem] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)
    planted: set[str] = field(default_factory=set)  # every canary so far
    made_public: set[str] = field(default_factory=set)  # draft wording since published
    in_drafts: set[str] = field(default_factory=set)  # what the papers hold now
    in_restricted_pack: set[str] = field(default_factory=set)  # as last published
    in_exempt_files: set[str] = field(default_factory=set)  # as last published

    @property
    def forbidden(self):
        """What no unentitled reader may see anywhere."""
        return self.planted - self.made_public

    def plant(self, *canaries, replacing=()):
        self.planted.update(canaries)
        self.in_drafts = (self.in_drafts - set(replacing)) | set(canaries)

    def add_item(self, key, title, **changes):
        url = reverse("officer:item_add", args=[self.meeting.pk])
        submit(self.officer, url, title=title, **changes)
        self.items[key] = self.meeting.items.get(title=title)

    def add_document(self, key, item, kind, title, **changes):
        item = self.items[item]
        submit(
            self.officer,
            reverse("officer:document_add", args=[item.pk, kind]),
            title=title,
            **changes,
        )
        self.documents[key] = item.documents.get(title=title)

    def edit_document(self, key, **changes):
        submit(
            self.officer, reverse("officer:document_edit", args=[self.documents[key].pk]), **changes
        )

    def publish(self, action):
        """Publish through the officer's publish page, and let the task worker carry it out."""
        url = reverse("officer:meeting_publish", args=[self.meeting.pk])
        job_url = submit(self.officer, url, action=action).url
        run_worker()
        job = self.officer.get(job_url).context["job"]
        assert job.state == PublicationJob.State.DONE, job.problems
        self.in_restricted_pack = self.in_drafts - FILE_ONLY
        self.in_exempt_files = self.in_drafts & IN_FILES
        self.made_public |= self.in_drafts & {DRAFT}
        return job.publication


EXEMPT = {"exempt": "True", "exempt_paragraph": "3"}


@pytest.fixture
def scene(demo):
    """A fresh meeting of the committee the demo councillor sits on, every exempt place
    planted through the officer's forms, published; then the officer edits papers and leaves
    the edits as drafts."""
    officer = Client()
    officer.force_login(user("officer"))
    scene = Scene(
        meeting=MeetingFactory(
            committee=Committee.objects.get(slug=PFCF_SLUG),
            starts_at=timezone.now() + dt.timedelta(days=30),
        ),
        officer=officer,
    )
    author = Officer.objects.get(user__username="author")
    colleague = Officer.objects.get(name="Hannah West")

    scene.add_item("budget", "Budget monitoring")
    scene.add_item("land", "Disposal of land at Tothill")
    scene.add_item("procurement", "Procurement update", to_follow="on")
    # An exempt item's title is public by law (the agenda lists it); its content is not.
    scene.add_item(
        "restructure",
        "Staffing restructure",
        standing_text="CANARYITEMSTANDING",
        exempt="on",
        exempt_paragraph="1",
    )
    scene.plant("CANARYITEMSTANDING")

    # The demo author's own public report, in an item to which the officer adds exempt
    # appendices: rich text with a link and an image, and a PDF.
    scene.add_document(
        "budget report",
        "budget",
        "report",
        "Revenue monitoring report",
        authors=[str(author.pk)],
        purpose="To report the month two position.",
        body="<p>The committee is asked to note the position.</p>",
    )
    png = base64.b64encode(png_bytes()).decode()
    scene.add_document(
        "benchmarking",
        "budget",
        "appendix",
        "Benchmarking",
        body="<p>CANARYRICHAPPENDIX</p>"
        '<p><a href="https://example.org/CANARYRICHLINK">The benchmark</a></p>'
        f'<p><img src="data:image/png;base64,{png}" alt="CANARYRICHALT"></p>',
        **EXEMPT,
    )
    scene.add_document(
        "valuation",
        "budget",
        "appendix",
        "Valuation",
        upload=pdf_file("valuation.pdf", "CANARYUPLOADTEXT"),
        **EXEMPT,
    )
    scene.add_document(
        "summary",
        "budget",
        "appendix",
        "Public summary",
        upload=pdf_file("summary.pdf", "The summary anyone may read."),
    )
    scene.plant("CANARYRICHAPPENDIX", "CANARYRICHLINK", "CANARYRICHALT", "CANARYUPLOADTEXT")

    # A colleague's public report listing an exempt background paper, and a Part II report in
    # the same public item.
    scene.add_document(
        "land report",
        "land",
        "report",
        "Land disposal report",
        authors=[str(colleague.pk)],
        body="<p>The committee is asked to note the disposal.</p>",
        **{
            "papers-TOTAL_FORMS": "2",
            "papers-0-title": "CANARYBACKGROUNDPAPER",
            "papers-0-exempt_paragraph": "3",
            "papers-1-title": "Asset register 2019",
        },
    )
    scene.add_document(
        "bids",
        "land",
        "report",
        "Bids received",
        authors=[str(colleague.pk)],
        purpose="CANARYPARTTWOPURPOSE",
        recommendations="CANARYPARTTWORECOMMENDS",
        **EXEMPT,
    )
    scene.plant("CANARYBACKGROUNDPAPER", "CANARYPARTTWOPURPOSE", "CANARYPARTTWORECOMMENDS")

    # The exempt item's report and its uploaded PDF.
    scene.add_document(
        "restructure report",
        "restructure",
        "report",
        "Restructure proposals",
        authors=[str(colleague.pk)],
        purpose="CANARYITEMCOVERPURPOSE",
        body="<p>CANARYITEMREPORTBODY</p>",
    )
    scene.add_document(
        "consultation",
        "restructure",
        "appendix",
        "Consultation responses",
        upload=pdf_file(
            "CANARYITEMUPLOADNAME.pdf", "CANARYITEMUPLOADTEXT", title="CANARYITEMUPLOADMETA"
        ),
    )
    scene.plant(
        "CANARYITEMCOVERPURPOSE",
        "CANARYITEMREPORTBODY",
        "CANARYITEMUPLOADTEXT",
        "CANARYITEMUPLOADMETA",
        "CANARYITEMUPLOADNAME",
    )
    assert scene.publish("publish").kind == Publication.Kind.AGENDA

    # The officer then edits papers, exempt and public, and does not republish yet.
    scene.edit_document("restructure report", body="<p>CANARYREPUBLISHEDEDIT</p>")
    scene.plant("CANARYREPUBLISHEDEDIT", replacing=["CANARYITEMREPORTBODY"])
    scene.edit_document("valuation", upload=pdf_file("valuation-2.pdf", "CANARYREPLACEDUPLOAD"))
    scene.plant("CANARYREPLACEDUPLOAD", replacing=["CANARYUPLOADTEXT"])
    scene.edit_document("land report", body=f"<p>{DRAFT}</p>")
    scene.plant(DRAFT)
    return scene


def advance(scene, moment):
    """Take the scene on to `moment`: republish the drafts; then publish a supplement."""
    if moment == "first publication":
        return
    assert scene.publish("publish").kind == Publication.Kind.REPUBLICATION
    if moment == "republication":
        return
    # The To Follow item's report arrives, with exempt appendices from Word and in PDF.
    scene.add_document(
        "procurement report",
        "procurement",
        "report",
        "Procurement report",
        body="<p>The committee is asked to note the procurement plan.</p>",
    )
    scene.add_document(
        "tenders",
        "procurement",
        "appendix",
        "Tender evaluation",
        upload=SimpleUploadedFile("tenders.docx", docx_bytes(heading="CANARYSUPPLEMENTWORD")),
        **EXEMPT,
    )
    scene.add_document(
        "prices",
        "procurement",
        "appendix",
        "Tendered prices",
        upload=pdf_file("prices.pdf", "CANARYSUPPLEMENTUPLOAD"),
        **EXEMPT,
    )
    scene.plant("CANARYSUPPLEMENTWORD", "CANARYSUPPLEMENTUPLOAD")
    assert scene.publish("supplement").kind == Publication.Kind.SUPPLEMENT


# --- who sweeps, and what they must be refused --------------------------------------------------


@dataclass
class Reader:
    name: str
    client: Client
    may_open: set[str]  # staff URLs this reader reads: they must show no canary


def readers(scene):
    """An anonymous visitor, the demo report author and a councillor of another committee."""
    author = user("author")
    own = [
        document
        for document in Document.objects.filter(item__meeting=scene.meeting)
        if roles.can_edit_document(author, document)
    ]
    # The author's one report of the meeting is public; no exempt paper names them.
    assert own == [scene.documents["budget report"]]

    outsider = get_user_model().objects.create_user("outsider", password="not-used-here")
    outsider.groups.add(Group.objects.get(name=roles.COUNCILLORS))
    murphy = Councillor.objects.get(name="Murphy")  # chairs Education; no seat on this one
    murphy.user = outsider
    murphy.save(update_fields=["user"])
    assert murphy.memberships.exists()
    assert not roles.can_read_restricted(outsider, scene.meeting)

    return [
        Reader("an anonymous visitor", signed_in(None), set()),
        Reader(
            "the demo report author",
            signed_in("author"),
            {reverse("officer:dashboard")}
            | {
                reverse(f"officer:document_{view}", args=[document.pk])
                for document in own
                for view in ("edit", "preview", "history")
            },
        ),
        Reader("a councillor of another committee", signed_in("outsider"), set()),
    ]


def public_urls(meeting):
    return [
        reverse("committees:home"),
        reverse("committees:committee_list"),
        *(committee.get_absolute_url() for committee in Committee.objects.all()),
        meeting.get_absolute_url(),
        reverse("committees:pack", args=[meeting.pk]),
        reverse("committees:pack_pdf", args=[meeting.pk]),
        reverse("committees:councillor_list"),
        *(councillor.get_absolute_url() for councillor in Councillor.objects.all()),
        reverse("committees:calendar_month", args=[meeting.date.year, meeting.date.month]),
        reverse("committees:corporate_plan"),
        *version_urls(meeting, restricted=False),
    ]


def version_urls(meeting, *, restricted):
    """Each publication's own packs: earlier versions and supplement packs."""
    suffix = "restricted_pdf" if restricted else "pdf"
    urls = []
    for publication in meeting.publications.all():
        args = [meeting.pk, publication.pk]
        urls.append(reverse(f"committees:publication_{suffix}", args=args))
        if publication.supplement_number:
            urls.append(reverse(f"committees:supplement_{suffix}", args=args))
    return urls


def file_urls():
    """The uploaded-file URL of every document id there is, and of ids past the last."""
    last = Document.objects.order_by("-pk").values_list("pk", flat=True).first()
    return {pk: reverse("committees:document_file", args=[pk]) for pk in range(1, last + 20)}


def staff_urls(meeting):
    """Every officer page, preview, draft file, history and admin page about the meeting."""
    documents = Document.objects.filter(item__meeting=meeting)
    urls = {
        reverse("committees:pack_restricted_pdf", args=[meeting.pk]),
        reverse("committees:pack_preview_pdf", args=[meeting.pk]),
        reverse("committees:pack_preview_pdf", args=[meeting.pk]) + "?version=public",
        *version_urls(meeting, restricted=True),
        reverse("admin:index"),
        reverse("admin:committees_meeting_change", args=[meeting.pk]),
        reverse("admin:committees_meeting_history", args=[meeting.pk]),
        *(
            reverse("officer:publication_job", args=[job.pk])
            for job in meeting.publication_jobs.all()
        ),
    }
    for document in documents:
        urls.update(officer_urls(meeting, document.item, document, meeting.committee))
        urls.add(reverse("officer:document_upload", args=[document.pk]))
        for view in ("change", "history"):
            urls.add(reverse(f"admin:committees_document_{view}", args=[document.pk]))
    for item in meeting.items.all():
        for name in ("item_edit", "item_delete"):
            urls.add(reverse(f"officer:{name}", args=[item.pk]))
        for view in ("change", "history"):
            urls.add(reverse(f"admin:committees_agendaitem_{view}", args=[item.pk]))
    for paper in BackgroundPaper.objects.filter(cover__document__in=documents):
        urls.add(reverse("admin:committees_backgroundpaper_change", args=[paper.pk]))
    return sorted(urls)


def refused(response):
    """Sent to sign in, forbidden, or not found: nothing of the page is served."""
    if response.status_code == 302:
        return response.url.startswith((reverse("login"), reverse("admin:login")))
    return response.status_code in (403, 404)


def exempt_document_pks(meeting):
    return set(
        Document.objects.filter(item__meeting=meeting)
        .filter(Q(exempt=True) | Q(item__exempt=True))
        .values_list("pk", flat=True)
    )


# --- the sweep ----------------------------------------------------------------------------------


def sweep(reader, scene):
    """What `reader` can get from the portal that shows a forbidden canary, or that should
    have been refused and was served (or read and was not); as sentences."""
    findings = []

    def get(url, *, expect=None):
        response = reader.client.get(url)
        seen = f"{reader.name}: GET {url} ({response.status_code})"
        canaries = shown(response, scene.forbidden)
        if canaries:
            findings.append(f"{seen} shows " + "; ".join(f"{c} ({WHERE[c]})" for c in canaries))
        if expect == "refused" and not refused(response):
            findings.append(f"{seen} was served, not refused")
        if expect == "read" and response.status_code != 200:
            findings.append(f"{seen} could not be read")

    for url in public_urls(scene.meeting):
        get(url, expect="read")
    exempt = exempt_document_pks(scene.meeting)
    for pk, url in file_urls().items():
        get(url, expect="refused" if pk in exempt else None)
    for url in staff_urls(scene.meeting):
        get(url, expect="read" if url in reader.may_open else "refused")
    return findings


@pytest.mark.parametrize("moment", MOMENTS)
def test_exempt_canaries_reach_no_one_unentitled_by_any_channel(scene, moment):
    advance(scene, moment)
    pack_url = reverse("committees:pack_pdf", args=[scene.meeting.pk])
    restricted_url = reverse("committees:pack_restricted_pdf", args=[scene.meeting.pk])

    # Controls, so that a sweep finding nothing means something. The committee's councillor
    # reads every canary of the restricted pack as last published (the link and the image's
    # alternative text only in its objects, beyond the page text) and nothing planted since,
    # and every exempt file as last published, found by the same id sweep.
    councillor = signed_in("councillor")
    response = councillor.get(restricted_url)
    assert response.status_code == 200
    restricted = readable(response)
    assert sorted(c for c in scene.in_restricted_pack if c not in restricted) == []
    assert "canaryrichlink" in restricted.objects and "canaryrichalt" in restricted.objects
    unpublished = scene.planted - scene.in_restricted_pack - FILE_ONLY
    assert sorted(c for c in unpublished if c in restricted) == []
    in_files = set()
    for url in file_urls().values():
        in_files.update(shown(councillor.get(url), IN_FILES))
    assert in_files == scene.in_exempt_files
    # The officer finds every canary the papers hold now on the officer's pages.
    on_officer_pages = set()
    for url in staff_urls(scene.meeting):
        on_officer_pages.update(shown(scene.officer.get(url), scene.planted))
    assert sorted(scene.in_drafts - on_officer_pages) == []
    # Draft public wording reaches the public pack once republished, and only then.
    assert (DRAFT in readable(signed_in(None).get(pack_url))) == (DRAFT in scene.made_public)

    findings = [finding for reader in readers(scene) for finding in sweep(reader, scene)]
    assert findings == [], "\n".join(findings)
