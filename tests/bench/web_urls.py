"""The portal's URLs and, for the web benchmark only, a hello-world view."""

from django.http import HttpResponse
from django.urls import path

from scrutiny.urls import urlpatterns as portal
from tests.bench.web_settings import HELLO_URL


def hello(request):
    """The least a Django view can do, through the same middleware as every page."""
    return HttpResponse("Hello, world")


urlpatterns = [path(HELLO_URL.strip("/") + "/", hello), *portal]
