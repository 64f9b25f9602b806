#!/bin/bash
cd /work/wt-webstream && PYTHONPATH=/work/wt-webstream:/work/wt-webstream/platform DATABASE_URL=postgres://postgres@127.0.0.1:5432/h_webstream REDIS_URL=redis://127.0.0.1:6379/9 DJANGO_ENV=test /work/main/.venv/bin/python -m pytest -q -p no:cacheprovider --reuse-db "$@"
