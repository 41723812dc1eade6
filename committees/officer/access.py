"""Guards for the officer pages: anonymous visitors go to sign in, other roles get 403."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from committees import roles


def role_required(test):
    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not test(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


officer_required = role_required(roles.is_officer)
staff_required = role_required(lambda user: roles.is_officer(user) or roles.is_author(user))
