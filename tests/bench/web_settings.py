"""Production's settings, with a Django "hello world" view mounted beside the portal: what
`make bench-web` compares each public page with."""

from scrutiny.settings import *  # noqa: F403

ROOT_URLCONF = "tests.bench.web_urls"
HELLO_URL = "/bench/hello/"
