"""Who may do what. Groups are the roles; a user's group names are read once per request."""

from committees.models import Meeting

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


def is_councillor(user):
    return COUNCILLORS in group_names(user)


def is_staff_member(user):
    """Officers and report authors: those with a dashboard."""
    return is_officer(user) or is_author(user)


def role_label(user):
    """What the header calls the signed-in user: their role that opens the most."""
    if is_officer(user):
        return "Democratic services officer"
    if is_author(user):
        return "Report author"
    if is_councillor(user):
        return "Councillor"
    return ""


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
    if not is_councillor(user):
        return False
    return Meeting.objects.filter(pk=meeting.pk).sat_on_by(user).exists()
