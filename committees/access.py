"""Who may open a page: anonymous visitors are sent to sign in, signed-in users without the
right are refused with the 403 page. Every view that is not open to all goes through here."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from committees import roles


def require(request, allowed: bool):
    """None if the reader may go on; a redirect to sign in for an anonymous reader;
    PermissionDenied (the 403 page) for a signed-in one without the right.

    Views call it for checks that need what they have loaded (the meeting of a restricted
    pack), and return the redirect if there is one; the decorators below cover the rest.
    """
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not allowed:
        raise PermissionDenied
    return None


def role_required(test):
    """A view decorator: `require` with `test(user)`."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            refused = require(request, test(request.user))
            if refused is not None:
                return refused
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


officer_required = role_required(roles.is_officer)
staff_required = role_required(roles.is_staff_member)
