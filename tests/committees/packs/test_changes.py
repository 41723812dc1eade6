"""The list of what changed between two versions of an agenda, from their stored outlines."""

from types import SimpleNamespace

from committees.packs.changes import agenda_changes, publication_changes, withdrawn


def exempt_under(paragraph):
    statute = "Part 1 of Schedule 12A to the Local Government Act 1972"
    return f"exempt under paragraph {paragraph} of {statute}"


def item(pk, number, title, *documents, **fields):
    """One item of an outline, in the shape `Pack.outline()` stores."""
    return {
        "pk": pk,
        "number": number,
        "title": title,
        "standing_text": "",
        "to_follow": False,
        "verbal": False,
        "exempt_paragraph": None,
        "anchor": f"item-{number}",
        "documents": list(documents),
        **fields,
    }


def document(pk, title, *, kind="report", appendix_ref="", digest="v1", **fields):
    shown = {} if fields.get("exempt_paragraph") else {"uploaded": False, "digest": digest}
    return {
        "pk": pk,
        "kind": kind,
        "title": title,
        "anchor": f"document-{pk}",
        "appendix_ref": appendix_ref,
        "exempt_paragraph": None,
        **shown,
        **fields,
    }


def appendix(pk, title, ref, **fields):
    return document(pk, title, kind="appendix", appendix_ref=ref, **fields)


APOLOGIES = item(1, 1, "Apologies", standing_text="To receive apologies.")
BUDGET = item(2, 2, "Budget scrutiny", document(10, "Budget report"))


def test_the_same_outline_changes_nothing():
    assert agenda_changes([APOLOGIES, BUDGET], [APOLOGIES, BUDGET]) == []


def test_an_added_item_is_listed_with_its_marks_and_later_items_renumbered():
    procurement = item(3, 2, "Procurement update", to_follow=True)
    after = [APOLOGIES, procurement, {**BUDGET, "number": 3, "anchor": "item-3"}]
    assert agenda_changes([APOLOGIES, BUDGET], after) == [
        "Item 2, “Procurement update”: added (To Follow).",
        "Item 3, “Budget scrutiny”: renumbered (was item 2).",
    ]


def test_a_removed_item_is_listed_after_the_new_agenda():
    assert agenda_changes([APOLOGIES, BUDGET], [APOLOGIES]) == [
        "Item 2, “Budget scrutiny”: removed."
    ]


def test_a_supplement_says_which_to_follow_item_has_its_papers():
    before = item(3, 2, "Procurement update", to_follow=True)
    after = item(
        3,
        2,
        "Procurement update",
        document(11, "Procurement report"),
        appendix(12, "Tender prices", "A"),
    )
    assert agenda_changes([before], [after]) == [
        "Item 2, “Procurement update”: no longer To Follow; report “Procurement report” "
        "added; Appendix A “Tender prices” added."
    ]


def test_a_replaced_upload_and_a_revised_report_are_told_apart():
    before = item(
        2,
        2,
        "Budget scrutiny",
        document(10, "Budget report"),
        appendix(13, "Tables", "A", uploaded=True),
    )
    after = item(
        2,
        2,
        "Budget scrutiny",
        document(10, "Budget report", digest="v2"),
        appendix(13, "Tables", "A", uploaded=True, digest="v2"),
    )
    assert agenda_changes([before], [after]) == [
        "Item 2, “Budget scrutiny”: report “Budget report” revised; Appendix A “Tables” replaced."
    ]


def test_appendix_letters_that_moved_and_removed_documents_are_listed():
    before = item(2, 2, "Budget scrutiny", appendix(13, "Tables", "A"), appendix(14, "Charts", "B"))
    after = item(2, 2, "Budget scrutiny", appendix(14, "Charts", "A"))
    assert agenda_changes([before], [after]) == [
        "Item 2, “Budget scrutiny”: Appendix A “Charts” was Appendix B; "
        "Appendix A “Tables” removed."
    ]


def test_an_item_withheld_anew_says_so_and_nothing_of_its_papers():
    withheld = {**BUDGET, "title": "Budget scrutiny", "documents": [], "exempt_paragraph": 3}
    assert agenda_changes([BUDGET], [withheld]) == [
        f"Item 2, “Budget scrutiny”: now not for publication, {exempt_under(3)}."
    ]
    assert agenda_changes([withheld], [BUDGET]) == ["Item 2, “Budget scrutiny”: now public."]


def test_an_appendix_withheld_anew_says_so_without_a_revision():
    before = item(2, 2, "Budget scrutiny", appendix(13, "Valuation", "A"))
    after = item(2, 2, "Budget scrutiny", appendix(13, "Valuation", "A", exempt_paragraph=3))
    assert agenda_changes([before], [after]) == [
        "Item 2, “Budget scrutiny”: Appendix A “Valuation” now not for publication, "
        f"{exempt_under(3)}."
    ]


def test_changes_inside_a_withheld_item_are_not_listed():
    # A public outline shows a withheld item's title only; the restricted one its papers.
    public = item(5, 5, "Staffing restructure", exempt_paragraph=1)
    assert agenda_changes([public], [{**public, "documents": [document(20, "Proposals")]}]) == []


def test_outlines_stored_before_items_had_keys_are_matched_by_title():
    old = [{key: value for key, value in BUDGET.items() if key != "pk"}]
    old[0]["documents"] = [
        {
            key: value
            for key, value in part.items()
            if key not in ("pk", "kind", "uploaded", "digest")
        }
        for part in old[0]["documents"]
    ]
    assert agenda_changes(old, [BUDGET]) == []
    assert agenda_changes(old, [APOLOGIES, {**BUDGET, "number": 2}]) == [
        "Item 1, “Apologies”: added."
    ]


def test_each_publication_is_compared_with_the_one_before_restricted_where_both_stored_it():
    exempt = item(5, 3, "Staffing restructure", exempt_paragraph=1)
    restricted_exempt = item(5, 3, "Staffing restructure", document(20, "Proposals"))
    first = SimpleNamespace(agenda=[APOLOGIES], restricted_agenda=[APOLOGIES])
    second = SimpleNamespace(
        agenda=[APOLOGIES, exempt], restricted_agenda=[APOLOGIES, restricted_exempt]
    )
    third = SimpleNamespace(
        agenda=[APOLOGIES, exempt],
        restricted_agenda=[
            APOLOGIES,
            {**restricted_exempt, "documents": [document(20, "Proposals", digest="v2")]},
        ],
    )
    newest_first = [third, second, first]
    assert publication_changes(newest_first) == [
        (third, []),
        (
            second,
            [f"Item 3, “Staffing restructure”: added (not for publication, {exempt_under(1)})."],
        ),
        (first, []),
    ]
    assert publication_changes(newest_first, restricted=True) == [
        (third, ["Item 3, “Staffing restructure”: report “Proposals” revised."]),
        (second, ["Item 3, “Staffing restructure”: added."]),
        (first, []),
    ]
    # An outline stored before restricted ones were kept: the public outlines are compared.
    legacy = SimpleNamespace(agenda=[APOLOGIES], restricted_agenda=[])
    assert (
        publication_changes([second, legacy], restricted=True)[0][1]
        == (publication_changes([second, legacy])[0][1])
    )


def test_a_version_that_showed_what_a_later_one_withholds_is_withdrawn():
    first = SimpleNamespace(pk=1, agenda=[APOLOGIES, BUDGET])
    republished = SimpleNamespace(pk=2, agenda=[APOLOGIES, BUDGET, item(3, 3, "Performance")])
    withheld = {**BUDGET, "documents": [document(10, "Budget report", exempt_paragraph=3)]}
    appendix_withheld = SimpleNamespace(pk=3, agenda=[APOLOGIES, withheld])
    item_withheld = SimpleNamespace(
        pk=4, agenda=[APOLOGIES, {**BUDGET, "documents": [], "exempt_paragraph": 3}]
    )
    assert withdrawn([republished, first]) == set()
    assert withdrawn([appendix_withheld, republished, first]) == {1, 2}
    assert withdrawn([item_withheld, appendix_withheld, republished, first]) == {1, 2}
    # Made public again later: what was withheld between is public now, nothing more.
    assert (
        withdrawn([SimpleNamespace(pk=5, agenda=[APOLOGIES, BUDGET]), appendix_withheld]) == set()
    )
