"""WSGI entry point (gunicorn scrutiny.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scrutiny.settings")
application = get_wsgi_application()
