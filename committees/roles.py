"""Who may do what. Groups are the roles; a user's group names are read once per request."""

from committees.models import Membership

OFFICERS = "Democratic services officers"
AUTHORS = "Report authors"
COUNCILLORS = "Councillors"


def group_names(user):
    if not user.is_authenticated:
        return frozenset()
    if not hasattr(user, "_role_names"):
        user._role_names = frozenset(user.groups.values_list("name", flat=True))
    return user._role_names


def is_officer(user):
    """Democratic services officers edit everything."""
    return user.is_authenticated and (user.is_superuser or OFFICERS in group_names(user))


def is_author(user):
    return AUTHORS in group_names(user)


def is_staff_member(user):
    """Officers and report authors: those with a dashboard."""
    return is_officer(user) or is_author(user)


def can_edit_document(user, document):
    """Officers, and report authors on the documents whose cover sheet names them."""
    if is_officer(user):
        return True
    if not is_author(user):
        return False
    return document.cover_authors_users().filter(pk=user.pk).exists()


def can_read_restricted(user, meeting):
    """Officers, and councillors who sit on the meeting's committee, read exempt papers."""
    if is_officer(user):
        return True
    if COUNCILLORS not in group_names(user):
        return False
    return (
        Membership.objects.filter(committee=meeting.committee_id, councillor__user=user)
        .current_on(meeting.date)
        .exists()
    )
