"""gunicorn settings for production; `gunicorn config.wsgi` reads this file."""

import json
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
# One worker per core, plus one; threads let a worker overlap database waits.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# Recycle workers now and then against slow leaks; 0 turns it off (make bench does).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = 500
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")

# Structured request logs, one JSON object a line, on stdout.
accesslog = "-"
errorlog = "-"
access_log_format = json.dumps(
    {
        "time": "%(t)s",
        "method": "%(m)s",
        "path": "%(U)s",
        "query": "%(q)s",
        "status": "%(s)s",
        "bytes": "%(B)s",
        "duration_ms": "%(M)s",
        "remote": "%(h)s",
        "user_agent": "%(a)s",
    }
)
