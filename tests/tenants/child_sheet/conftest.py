from tests.tenants.handover.conftest import png_upload, private_media  # noqa: F401 (fixture and helper)
