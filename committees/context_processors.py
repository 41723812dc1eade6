from committees import roles
from committees.models import Council


def council(request):
    """The council for the header and footer, and the signed-in user's roles for the menu."""
    if not hasattr(request, "_council"):
        request._council = Council.current()
    return {
        "council": request._council,
        "user_is_officer": roles.is_officer(request.user),
        "user_is_staff_member": roles.is_staff_member(request.user),
        "user_is_councillor": roles.is_councillor(request.user),
        "user_role": roles.role_label(request.user),
    }
