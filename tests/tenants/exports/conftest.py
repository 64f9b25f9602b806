"""The real worker and its broker of the background-task tests, for the export tests here."""
from tests.platform.test_background_task import broker, worker  # noqa: F401 (fixtures)
