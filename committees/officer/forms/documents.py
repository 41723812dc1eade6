"""Forms of the report editor: the document, the council's cover sheet, background papers.

The cover sheet form follows the order and wording of the council's report template. Uploads are
checked by content in committees.uploads; a refused file is reported at the upload field.
"""

from django import forms
from django.conf import settings
from django.db.models import Sum
from django_prose_editor.fields import ProseEditorFormField
from django_prose_editor.widgets import ProseEditorWidget

from committees import exemption
from committees.models import BackgroundPaper, Councillor, CoverSheet, Document, Officer
from committees.officer.forms.base import GovukFormMixin, GovukInlineFormSet, VersionedFormMixin
from committees.officer.forms.fields import DateField
from committees.packs import registry
from committees.uploads import DOCX, PDF, check_upload, size_limit_label

# What the editor offers is what committees.sanitise keeps. Headings start at h2, as the page's
# own title is its only h1 (and Word's Heading 1 is converted to h2 for the same reason).
PROSE_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3, 4, 5, 6]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
    # Word images arrive as data: URIs inside paragraphs; without these the editor drops them.
    "Image": {"allowBase64": True, "inline": True},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "HTML": True,
    "SpecialCharacters": True,
}


def rich_text_field(**kwargs):
    """The body: an in-browser editor; with JavaScript off, a plain textarea of HTML."""
    return ProseEditorFormField(
        config={"extensions": PROSE_EXTENSIONS},
        widget=ProseEditorWidget(attrs={"class": "govuk-textarea", "rows": 20}),
        required=False,
        **kwargs,
    )


def confidentiality_fields(form):
    """Part I / Part II as the council's template puts it, with the Schedule 12A paragraph."""
    form.fields["exempt"] = forms.TypedChoiceField(
        label="Confidentiality",
        choices=exemption.CONFIDENTIALITY_CHOICES,
        coerce=lambda value: value == "True",
        widget=forms.RadioSelect,
        help_text="Part II papers are kept out of the public pack, pages, search and feeds.",
    )
    form.fields["exempt_paragraph"] = exemption.paragraph_field()
    if not form.is_bound:
        form.initial["exempt"] = str(bool(form.instance.exempt))


def clean_confidentiality(cleaned):
    # A paragraph left chosen under Part I is a leftover, not a mistake to make the officer fix.
    if cleaned.get("exempt") is False:
        cleaned["exempt_paragraph"] = None
    return cleaned


class GeneratorChoiceForm(GovukFormMixin, forms.Form):
    """The first step of adding a generated document: which kind, of those the apps provide."""

    generator = forms.ChoiceField(
        label="What is the document generated from?",
        choices=registry.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose what the document is generated from.",
            "invalid_choice": "Choose what the document is generated from, from the list.",
        },
    )


class DocumentForm(VersionedFormMixin, forms.ModelForm):
    """Title, confidentiality, body and file of a report or appendix; title, confidentiality
    and the record it renders (where its generator asks for one) of a generated document.

    Whether a paper is exempt, and under which paragraph of Schedule 12A, is the proper
    officer's decision (LGA 1972 s.100B(2)), made here by democratic services: without
    `confidentiality_editable` the form has no confidentiality fields, so whatever is posted,
    the stored values are saved again. The page shows them as text.
    """

    upload = forms.FileField(required=False, label="Upload a file")
    remove_upload = forms.BooleanField(
        required=False, label="Remove the PDF and use the text below instead"
    )

    class Meta:
        model = Document
        fields = ["title", "exempt", "exempt_paragraph", "body"]
        labels = {"title": "Title", "body": "Text"}

    def __init__(self, *args, confidentiality_editable=True, **kwargs):
        super().__init__(*args, **kwargs)
        kind = self.instance.kind
        if confidentiality_editable:
            confidentiality_fields(self)
        else:
            del self.fields["exempt"], self.fields["exempt_paragraph"]
        self.fields["title"].label = {
            Document.Kind.REPORT: "Title of report",
            Document.Kind.APPENDIX: "Title of appendix",
        }.get(kind, "Title")
        if kind == Document.Kind.GENERATED:
            # Its content comes from data edited elsewhere (minutes, monitors, programmes).
            for name in ("body", "upload", "remove_upload"):
                del self.fields[name]
            self.generated_fields()
            return
        self.fields["body"] = rich_text_field(
            label="Text" if kind == Document.Kind.APPENDIX else "Report",
            help_text="With JavaScript off, this is the HTML of the text. Scripts, styles and "
            "event handlers are removed when it is saved.",
        )
        if kind == Document.Kind.REPORT:
            self.upload_kinds = (DOCX,)
            self.fields["upload"].label = "Import the report from Word (optional)"
            self.fields["upload"].help_text = (
                f"A .docx file, smaller than {size_limit_label()}. Its text, tables and images "
                "replace the report text below."
            )
        else:
            self.upload_kinds = (PDF, DOCX)
            self.fields["upload"].label = "Upload the appendix (optional)"
            self.fields["upload"].help_text = (
                f"A Word document (.docx) or a PDF, smaller than {size_limit_label()}. A Word "
                "document is converted and replaces the text below, with its tables and images. "
                "A PDF is added to the pack as it is, in place of any text."
            )
        self.fields["upload"].widget.attrs["accept"] = ",".join(
            {PDF: ".pdf,application/pdf", DOCX: ".docx"}[kind] for kind in self.upload_kinds
        )
        if not (kind == Document.Kind.APPENDIX and self.instance.upload):
            del self.fields["remove_upload"]

    def generated_fields(self):
        """The generator's name as the default title, and its record field if it has one."""
        try:
            generator = registry.for_document(self.instance)
        except registry.UnknownGenerator:
            return  # its app is gone: the title can still be changed, or the document removed
        if not self.instance.title:
            self.initial["title"] = generator.label
        if generator.record_field is not None:
            field = self.fields["generator_record"] = generator.record_field()
            self.style(field, "generator_record")
            self.initial["generator_record"] = self.instance.generator_record

    def clean_generator_record(self):
        """The chosen record's id: the field may give the record itself (a ModelChoiceField)."""
        record = self.cleaned_data["generator_record"]
        return getattr(record, "pk", record)

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if not upload:
            return None
        checked = check_upload(upload, allowed=self.upload_kinds)
        if checked.kind == PDF:
            self.check_pack_pages(checked.pages)
        return checked

    def check_pack_pages(self, pages):
        """Refuse a PDF that would take the meeting's uploaded pages past the pack's limit (the
        restricted pack has them all). The render checks again, with the files' own counts."""
        limit = settings.MAX_PACK_UPLOAD_PAGES
        others = (
            Document.objects.filter(item__meeting=self.instance.item.meeting)
            .exclude(pk=self.instance.pk)
            .aggregate(pages=Sum("upload_pages", default=0))["pages"]
        )
        if others + pages > limit:
            raise forms.ValidationError(
                f"The agenda pack can include at most {limit:,} uploaded pages, and the other "
                f"PDFs of this meeting already have {others:,}: this one has {pages:,}. Upload "
                "a shorter PDF, or shorten or remove another appendix first",
                code="pack_too_long",
            )

    def clean(self):
        cleaned = clean_confidentiality(super().clean())
        if "generator_record" in self.fields:
            self.instance.generator_record = cleaned.get("generator_record")
        return cleaned

    @property
    def chosen_file_name(self):
        """The name of a file sent with this form: a page shown again cannot keep the file."""
        upload = self.files.get(self.add_prefix("upload")) if self.is_bound else None
        return upload.name if upload else ""


# The cover sheet in the order of the council's template (title and confidentiality are the
# document's own fields).
COVER_FIELDSETS = [
    # Authors are rendered apart, as checkboxes (templates/officer/document_authors.html).
    ("about", ["lead_member", "lead_director", "reference", "key_decision"]),
    (
        "summary",
        [
            "purpose",
            "recommendations",
            "alternatives",
            "corporate_plan_relevance",
            "financial_implications",
            "carbon_implications",
            "other_implications",
        ],
    ),
    (
        "sign_off",
        [
            "finance_ref",
            "legal_ref",
            "monitoring_officer_ref",
            "hr_ref",
            "assets_ref",
            "procurement_ref",
            "originating_slt_member",
            "director_agreed_on",
            "cabinet_member_approved_on",
            "cabinet_member_approval_note",
        ],
    ),
]


class CoverSheetForm(GovukFormMixin, forms.ModelForm):
    """The council's report cover sheet. The date of meeting and the committee come from the
    meeting, contacts from the authors, appendix letters from the item: none is typed."""

    class Meta:
        model = CoverSheet
        fields = ["authors", *(name for _group, names in COVER_FIELDSETS for name in names)]
        labels = {
            "lead_member": "Lead member",
            "lead_director": "Lead strategic director",
            "authors": "Authors",
            "reference": "Your reference",
            "purpose": "Purpose of report",
            "recommendations": "Recommendations and reasons",
            "alternatives": "Alternative options considered and rejected",
            "corporate_plan_relevance": "Relevance to the Corporate Plan and/or the Plymouth Plan",
            "financial_implications": "Implications for the Medium Term Financial Plan and "
            "resource implications",
            "carbon_implications": "Carbon footprint (environmental) implications",
            "other_implications": "Other implications",
            "finance_ref": "Finance sign-off reference",
            "legal_ref": "Legal sign-off reference",
            "monitoring_officer_ref": "Monitoring Officer sign-off reference",
            "hr_ref": "HR sign-off reference",
            "assets_ref": "Assets sign-off reference",
            "procurement_ref": "Strategic Procurement sign-off reference",
            "originating_slt_member": "Originating Senior Leadership Team member",
            "director_agreed_on": "Date the strategic director agreed the report",
            "cabinet_member_approved_on": "Date the cabinet member approved the report",
            "cabinet_member_approval_note": "How the cabinet member approved it",
        }
        help_texts = {
            "authors": "The officers who wrote the report: the cover sheet gives their contact "
            "details, and they can edit it.",
            "recommendations": "Each recommendation with its reason, e.g. '1. That Scrutiny note "
            "the month two monitoring position. Reason: ...'.",
            "other_implications": "For example health and safety, risk management, child "
            "poverty, equalities.",
            "director_agreed_on": "For example, 8 7 2019",
            "cabinet_member_approved_on": "For example, 8 7 2019",
            "cabinet_member_approval_note": "For example, 'approved by email'.",
        }
        widgets = {
            "authors": forms.CheckboxSelectMultiple,
            "purpose": forms.Textarea(attrs={"rows": 4}),
            "recommendations": forms.Textarea(attrs={"rows": 4}),
            "alternatives": forms.Textarea(attrs={"rows": 3}),
            "corporate_plan_relevance": forms.Textarea(attrs={"rows": 3}),
            "financial_implications": forms.Textarea(attrs={"rows": 3}),
            "carbon_implications": forms.Textarea(attrs={"rows": 2}),
            "other_implications": forms.Textarea(attrs={"rows": 3}),
        }
        field_classes = {"director_agreed_on": DateField, "cabinet_member_approved_on": DateField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        officers = Officer.objects.order_by("name")
        self.fields["lead_member"].queryset = Councillor.objects.all()
        self.fields["lead_member"].label_from_instance = lambda councillor: councillor.described
        for name in ("lead_director", "authors", "originating_slt_member"):
            self.fields[name].queryset = officers
            self.fields[name].label_from_instance = lambda officer: officer.described

    def fieldsets(self):
        """{"about": [bound field, ...], "summary": [...], "sign_off": [...]}, for the template."""
        return {group: [self[name] for name in names] for group, names in COVER_FIELDSETS}


class BackgroundPaperForm(GovukFormMixin, forms.ModelForm):
    """One row of the cover sheet's background papers table: a title and, if the paper is
    exempt, its Schedule 12A paragraph.

    Without `confidentiality_editable` (a report author) only the title is edited: a paper
    stays exempt, under its paragraph, until democratic services decide otherwise, and a paper
    the author adds is Part I. That adds no exposure: the author writes the public text of their
    report anyway. What they cannot do is declassify; removing an exempt paper is listed on
    the publish page among the confidentiality changes, for the officer to see.
    """

    class Meta:
        model = BackgroundPaper
        fields = ["title", "exempt_paragraph"]
        labels = {"title": "Title of background paper"}

    def __init__(self, *args, confidentiality_editable=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not confidentiality_editable:
            del self.fields["exempt_paragraph"]
            return
        self.fields["exempt_paragraph"] = exemption.paragraph_field(
            label="Exemption paragraph (if applicable)",
            empty_label="None: the paper is not confidential",
            help_text="If the paper is not for publication, the paragraph of Schedule 12A that "
            "makes it exempt.",
        )

    def clean(self):
        cleaned = super().clean()
        if "exempt_paragraph" in self.fields:
            self.instance.exempt = cleaned.get("exempt_paragraph") is not None
        return cleaned


class BaseBackgroundPaperFormSet(GovukInlineFormSet):
    delete_label = "Remove this background paper"


BackgroundPaperFormSet = forms.inlineformset_factory(
    CoverSheet,
    BackgroundPaper,
    form=BackgroundPaperForm,
    formset=BaseBackgroundPaperFormSet,
    extra=1,
    can_delete=True,
    can_delete_extra=False,
)
