"""Static files: collectstatic with the production storage (whitenoise, hashed and compressed names)."""
import json

from django.core.management import call_command
from django.templatetags.static import static
from django.test import override_settings

PRODUCTION_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


def test_collectstatic_writes_hashed_and_compressed_files(tmp_path):
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=PRODUCTION_STORAGES):
        call_command("collectstatic", interactive=False, verbosity=0)
        manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
        for name in ("css/site.css", "js/register-sw.js", "vendor/htmx.min.js", "icons/icon-192.png"):
            hashed = manifest[name]
            assert hashed != name and hashed.split(".")[-2].isalnum()
            assert (tmp_path / hashed).is_file()
        assert (tmp_path / (manifest["css/site.css"] + ".gz")).is_file()
        assert static("css/site.css") == "/static/" + manifest["css/site.css"]
